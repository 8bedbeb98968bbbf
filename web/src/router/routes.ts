// SPDX-License-Identifier: EUPL-1.2
// The workspace's addresses, as pure functions both ways so links and parsing cannot drift apart.
const BASE = '/app';

/** The work lists of the start page (API: listWorkCases, listPendingFollowUps). */
export const workLists = ['my-cases', 'unit-cases', 'follow-ups', 'overdue'] as const;
export type WorkListName = (typeof workLists)[number];

/** Optional address parameters of a work list: the unit, sorting and the page. */
export interface WorkListParams {
  unitId?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  cursor?: string;
}

/**
 * The tenant administrator's pages live under /app/{tenant}/admin (built by the staff slice); the
 * start page links them by this one route, so both sides agree on the address.
 */
export const ADMIN_SECTION = 'admin';

export type Route =
  | { name: 'home' }
  | { name: 'start'; tenant: string }
  | ({ name: 'workList'; tenant: string; list: WorkListName } & WorkListParams)
  | { name: 'caseList'; tenant: string }
  | { name: 'caseNew'; tenant: string }
  | { name: 'caseView'; tenant: string; id: string }
  | { name: 'caseScreening'; tenant: string; id: string }
  | { name: 'entryNew'; tenant: string; caseId: string; followsUp?: string }
  | { name: 'entryView'; tenant: string; id: string }
  | { name: 'adminUsers'; tenant: string }
  | { name: 'adminUnits'; tenant: string }
  | { name: 'adminTokens'; tenant: string }
  | { name: 'accessRequests'; tenant: string }
  | { name: 'myPage'; tenant: string }
  | { name: 'myCase'; tenant: string; id: string }
  | { name: 'myMessages'; tenant: string }
  | { name: 'myMessage'; tenant: string; id: string }
  | { name: 'myProperty'; tenant: string; id: string }
  | { name: 'deposit'; tenant: string }
  | { name: 'depositJob'; tenant: string; id: string }
  | { name: 'services'; tenant: string }
  | { name: 'eform'; tenant: string; id: string }
  | { name: 'receipt'; tenant: string; id: string }
  | { name: 'signing'; tenant: string; id: string; token?: string }
  | { name: 'council'; tenant: string }
  | { name: 'councilBody'; tenant: string; id: string }
  | { name: 'councilMeeting'; tenant: string; id: string }
  | { name: 'workspace'; tenant: string }
  | { name: 'workspaceMeeting'; tenant: string; id: string }
  | { name: 'questionsNew'; tenant: string }
  | { name: 'questionsMine'; tenant: string }
  | { name: 'questionsAnswer'; tenant: string }
  | { name: 'proposals'; tenant: string }
  | { name: 'proposalNew'; tenant: string }
  | { name: 'proposal'; tenant: string; id: string }
  | { name: 'proposalsStaff'; tenant: string }
  | { name: 'notFound'; path: string };

/** The secretariat's council pages (issue 10 §1): bodies, a body's members and meeting plan, a meeting. */
export const isCouncilRoute = (route: Route): route is Extract<Route, { name: 'council' | 'councilBody' | 'councilMeeting' }> =>
  route.name === 'council' || route.name === 'councilBody' || route.name === 'councilMeeting';

/** The citizen's My page (issue 9 §3): open to anyone logged in, not only to staff. */
export const isMyPageRoute = (route: Route): route is Extract<Route, { name: 'myPage' | 'myCase' | 'myMessages' | 'myMessage' | 'myProperty' }> =>
  route.name === 'myPage' || route.name === 'myCase' || route.name === 'myMessages' || route.name === 'myMessage' || route.name === 'myProperty';

/** Citizen proposals (issue 11 §1): the citizen's pages and the secretariat's. */
export const isProposalRoute = (route: Route): route is Extract<Route, { name: 'proposals' | 'proposalNew' | 'proposal' | 'proposalsStaff' }> =>
  route.name === 'proposals' || route.name === 'proposalNew' || route.name === 'proposal' || route.name === 'proposalsStaff';

const SLUG = /^[a-z][a-z0-9-]{1,39}$/;

export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    // A malformed escape (`%E0`) in a typed or pasted address must not take the whole app down.
    return { name: 'notFound', path: pathname };
  }
  const params = new URLSearchParams(search);
  if (parts.length === 0) return { name: 'home' };
  const [tenant, section, id, sub, extra] = parts;
  if (!tenant || !SLUG.test(tenant)) return { name: 'notFound', path: pathname };
  if (section === undefined) return { name: 'start', tenant };
  if (section === 'work' && id !== undefined && sub === undefined && (workLists as readonly string[]).includes(id)) {
    const route: Route = { name: 'workList', tenant, list: id as WorkListName };
    const unitId = params.get('unitId');
    const sort = params.get('sort');
    const order = params.get('order');
    const cursor = params.get('cursor');
    if (unitId) route.unitId = unitId;
    if (sort) route.sort = sort;
    if (order === 'asc' || order === 'desc') route.order = order;
    if (cursor) route.cursor = cursor;
    return route;
  }
  if (section === 'cases') {
    if (id === undefined) return { name: 'caseList', tenant };
    if (id === 'new' && sub === undefined) return { name: 'caseNew', tenant };
    if (sub === undefined) return { name: 'caseView', tenant, id };
    if (sub === 'screening' && extra === undefined) return { name: 'caseScreening', tenant, id };
    if (sub === 'entries' && extra === 'new' && parts.length === 5) {
      const followsUp = params.get('followsUp') ?? undefined;
      return followsUp ? { name: 'entryNew', tenant, caseId: id, followsUp } : { name: 'entryNew', tenant, caseId: id };
    }
  }
  if (section === 'entries' && id !== undefined && sub === undefined) return { name: 'entryView', tenant, id };
  if (section === 'access-requests' && id === undefined) return { name: 'accessRequests', tenant };
  if (section === 'my' && extra === undefined) {
    if (id === undefined) return { name: 'myPage', tenant };
    if (id === 'messages' && sub === undefined) return { name: 'myMessages', tenant };
    if (sub !== undefined && id === 'cases') return { name: 'myCase', tenant, id: sub };
    if (sub !== undefined && id === 'messages') return { name: 'myMessage', tenant, id: sub };
    if (sub !== undefined && id === 'properties') return { name: 'myProperty', tenant, id: sub };
  }
  if (section === 'deposit' && sub === undefined) return id === undefined ? { name: 'deposit', tenant } : { name: 'depositJob', tenant, id };
  // E-services (issue 9): the catalogue, a form, a submission's receipt, and a co-applicant's
  // signing link (/app/{tenant}/signing/{id}?token=…, the address the server mails).
  if (section === 'services' && sub === undefined) return id === undefined ? { name: 'services', tenant } : { name: 'eform', tenant, id };
  if (section === 'submissions' && id !== undefined && sub === undefined) return { name: 'receipt', tenant, id };
  if (section === 'signing' && id !== undefined && sub === undefined) {
    const token = params.get('token');
    return token ? { name: 'signing', tenant, id, token } : { name: 'signing', tenant, id };
  }
  if (section === 'council' && extra === undefined) {
    if (id === undefined) return { name: 'council', tenant };
    if (id === 'bodies' && sub !== undefined) return { name: 'councilBody', tenant, id: sub };
    if (id === 'meetings' && sub !== undefined) return { name: 'councilMeeting', tenant, id: sub };
  }
  // The politician's workspace (issue 11 §3): my meetings, and one meeting.
  if (section === 'workspace' && extra === undefined) {
    if (id === undefined) return { name: 'workspace', tenant };
    if (id === 'meetings' && sub !== undefined) return { name: 'workspaceMeeting', tenant, id: sub };
  }
  // Questions to politicians (issue 11 §2): the citizen asks and sees their own, the politician answers.
  if (section === 'questions' && sub === undefined) {
    if (id === undefined) return { name: 'questionsMine', tenant };
    if (id === 'new') return { name: 'questionsNew', tenant };
    if (id === 'answer') return { name: 'questionsAnswer', tenant };
  }
  // Citizen proposals (issue 11): the list (mine and open ones), writing one, one proposal (the
  // address the public proposal page's "Sign with e-ID" links to), and the secretariat's page.
  if (section === 'proposals' && sub === undefined) {
    if (id === undefined) return { name: 'proposals', tenant };
    if (id === 'new') return { name: 'proposalNew', tenant };
    if (id === 'staff') return { name: 'proposalsStaff', tenant };
    return { name: 'proposal', tenant, id };
  }
  if (section === ADMIN_SECTION && sub === undefined) {
    if (id === undefined || id === 'users') return { name: 'adminUsers', tenant };
    if (id === 'units') return { name: 'adminUnits', tenant };
    if (id === 'tokens') return { name: 'adminTokens', tenant };
  }
  return { name: 'notFound', path: pathname };
}

const seg = encodeURIComponent;

export function href(route: Exclude<Route, { name: 'notFound' }>): string {
  switch (route.name) {
    case 'home':
      return `${BASE}/`;
    case 'start':
      return `${BASE}/${seg(route.tenant)}`;
    case 'workList': {
      const params = new URLSearchParams();
      for (const key of ['unitId', 'sort', 'order', 'cursor'] as const) if (route[key]) params.set(key, route[key]);
      const qs = params.toString();
      return `${BASE}/${seg(route.tenant)}/work/${seg(route.list)}${qs ? `?${qs}` : ''}`;
    }
    case 'caseList':
      return `${BASE}/${seg(route.tenant)}/cases`;
    case 'caseNew':
      return `${BASE}/${seg(route.tenant)}/cases/new`;
    case 'caseView':
      return `${BASE}/${seg(route.tenant)}/cases/${seg(route.id)}`;
    case 'caseScreening':
      return `${BASE}/${seg(route.tenant)}/cases/${seg(route.id)}/screening`;
    case 'entryNew':
      return `${BASE}/${seg(route.tenant)}/cases/${seg(route.caseId)}/entries/new${route.followsUp ? `?followsUp=${seg(route.followsUp)}` : ''}`;
    case 'entryView':
      return `${BASE}/${seg(route.tenant)}/entries/${seg(route.id)}`;
    case 'adminUsers':
      return `${BASE}/${seg(route.tenant)}/admin/users`;
    case 'adminUnits':
      return `${BASE}/${seg(route.tenant)}/admin/units`;
    case 'adminTokens':
      return `${BASE}/${seg(route.tenant)}/admin/tokens`;
    case 'accessRequests':
      return `${BASE}/${seg(route.tenant)}/access-requests`;
    case 'myPage':
      return `${BASE}/${seg(route.tenant)}/my`;
    case 'myCase':
      return `${BASE}/${seg(route.tenant)}/my/cases/${seg(route.id)}`;
    case 'myMessages':
      return `${BASE}/${seg(route.tenant)}/my/messages`;
    case 'myMessage':
      return `${BASE}/${seg(route.tenant)}/my/messages/${seg(route.id)}`;
    case 'myProperty':
      return `${BASE}/${seg(route.tenant)}/my/properties/${seg(route.id)}`;
    case 'deposit':
      return `${BASE}/${seg(route.tenant)}/deposit`;
    case 'depositJob':
      return `${BASE}/${seg(route.tenant)}/deposit/${seg(route.id)}`;
    case 'services':
      return `${BASE}/${seg(route.tenant)}/services`;
    case 'eform':
      return `${BASE}/${seg(route.tenant)}/services/${seg(route.id)}`;
    case 'receipt':
      return `${BASE}/${seg(route.tenant)}/submissions/${seg(route.id)}`;
    case 'signing':
      return `${BASE}/${seg(route.tenant)}/signing/${seg(route.id)}${route.token ? `?token=${seg(route.token)}` : ''}`;
    case 'council':
      return `${BASE}/${seg(route.tenant)}/council`;
    case 'councilBody':
      return `${BASE}/${seg(route.tenant)}/council/bodies/${seg(route.id)}`;
    case 'councilMeeting':
      return `${BASE}/${seg(route.tenant)}/council/meetings/${seg(route.id)}`;
    case 'workspace':
      return `${BASE}/${seg(route.tenant)}/workspace`;
    case 'workspaceMeeting':
      return `${BASE}/${seg(route.tenant)}/workspace/meetings/${seg(route.id)}`;
    case 'questionsNew':
      return `${BASE}/${seg(route.tenant)}/questions/new`;
    case 'questionsMine':
      return `${BASE}/${seg(route.tenant)}/questions`;
    case 'questionsAnswer':
      return `${BASE}/${seg(route.tenant)}/questions/answer`;
    case 'proposals':
      return `${BASE}/${seg(route.tenant)}/proposals`;
    case 'proposalNew':
      return `${BASE}/${seg(route.tenant)}/proposals/new`;
    case 'proposal':
      return `${BASE}/${seg(route.tenant)}/proposals/${seg(route.id)}`;
    case 'proposalsStaff':
      return `${BASE}/${seg(route.tenant)}/proposals/staff`;
  }
}

/** The tenant a route belongs to, if any. */
export const tenantOf = (route: Route): string | undefined => ('tenant' in route ? route.tenant : undefined);
