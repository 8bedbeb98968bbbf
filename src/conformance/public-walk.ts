// SPDX-License-Identifier: EUPL-1.2
// The public side as an anonymous visitor meets it: every route the app declares public (or that
// only the operator may call, which a visitor can still try), turned into addresses with real
// municipalities filled in, asked in every language and with every Accept header, and the links
// found in the answers followed. What the walk does not know how to fill is an error, so a new
// public route is walked the day it is added (or makes the leak test fail until it is taught).
import type { InjectOptions } from 'fastify';
import type { TestRadhus } from '../test-support/app.ts';
import { routeAccessOf } from '../platform/http/access.ts';
import { languages } from '../common/languages.ts';
import { operationsOf, type OpenApiDocument } from './support.ts';
import { exampleDefinition } from '../forms/schema.ts';

export interface Visit {
  method: string;
  url: string;
  headers: Record<string, string>;
  status: number;
  contentType: string;
  /** The body as text (binary bodies as latin1, where no marker can hide), then every header. */
  text: string;
}

export interface WalkInput {
  /** The municipalities to fill into `{tenant}` and `:municipality`. */
  slugs: string[];
  /** The OpenAPI document the app serves: its public operations are walked too. */
  doc: OpenApiDocument;
  /**
   * Registry entry ids to fill into `{entryId}` (the public journal): every entry of the archive,
   * screened, void and excluded ones too, so their public addresses are asked as well.
   */
  entryIds?: string[];
  /** The council's meetings and agenda items (public or not yet), filled into `{meetingId}` and `{itemId}`. */
  meetingIds?: string[];
  itemIds?: string[];
  /** Questions to politicians (withdrawn and rejected ones too), filled into `{questionId}`. */
  questionIds?: string[];
  /** Consultations, filled into `{consultationId}` and the consultation pages. */
  consultationIds?: string[];
  /** Citizen proposals, filled into `{proposalId}`. */
  proposalIds?: string[];
}

/** Path parameters the walk can fill besides `{tenant}`, and with what. */
const fillers: Record<string, (input: WalkInput) => string[]> = {
  entryId: (input) => [...(input.entryIds ?? []), '00000000-0000-7000-8000-000000000000', 'ukjent'],
  // Ids whose secret the visitor lacks (an access request and its files): they meet a 404.
  id: () => ['0190c0de-0000-7000-8000-000000000000'],
  fileId: () => ['0190c0de-0000-7000-8000-000000000001'],
  meetingId: (input) => [...(input.meetingIds ?? []), '00000000-0000-7000-8000-000000000000', 'ukjent'],
  itemId: (input) => [...(input.itemIds ?? []), '00000000-0000-7000-8000-000000000000', 'ukjent'],
  questionId: (input) => [...(input.questionIds ?? []), '00000000-0000-7000-8000-000000000000', 'ukjent'],
  // Consultations (issue 11 §2): every one of the archive, and unknown ones.
  consultationId: (input) => [...(input.consultationIds ?? []), '00000000-0000-7000-8000-000000000000', 'ukjent'],
  proposalId: (input) => [...(input.proposalIds ?? []), '00000000-0000-7000-8000-000000000000', 'ukjent'],
};

/** How the walk fills each public route that is not in the OpenAPI document; `[]` means "reached by links". */
const pageAddresses: Record<string, (slugs: string[], input: WalkInput) => string[]> = {
  '/': () => ['/', '/?lang=xx', '/?lang=%ff'],
  '/:municipality': (slugs) => [...slugs.map((s) => `/${s}`), ...slugs.map((s) => `/${s}?lang=%ff`), '/ingen-slik-kommune', '/x'],
  '/healthz': () => ['/healthz'],
  '/metrics': () => ['/metrics'],
  '/api/openapi.json': () => ['/api/openapi.json'],
  '/auth/login': (slugs) => ['/auth/login', ...slugs.map((s) => `/auth/login?tenant=${s}`)],
  '/auth/callback': () => ['/auth/callback', '/auth/callback?code=x&state=y', '/auth/callback?error=access_denied'],
  '/demo-idp/*': () => ['/demo-idp/.well-known/openid-configuration', '/demo-idp/jwks', '/demo-idp/auth'],
  '/demo-idp/interaction/:uid': () => ['/demo-idp/interaction/ukjent'],
  '/dev/mailbox': () => ['/dev/mailbox'],
  '/dev/mailbox/:id': () => ['/dev/mailbox/ukjent'],
  '/app': () => ['/app'],
  '/app/': () => ['/app/'],
  '/innsyn/:id': () => ['/innsyn/0190c0de-0000-7000-8000-000000000000?key=gjett', '/innsyn/ikkje-ein-id'],
  '/app/*': (slugs) => slugs.flatMap((s) => [`/app/${s}/`, `/app/${s}/cases`]),
  // The public journal's pages and feeds: a day, a search, paging by links; every entry id of the
  // archive (screened, void and excluded ones too) is asked on its page.
  '/:municipality/postliste': (slugs) => slugs.flatMap((s) => [`/${s}/postliste`, `/${s}/postliste?q=brev`, `/${s}/postliste?day=2026-02-30`]),
  // Every entry id under the first municipality (the page reads the same getPublicJournalEntry as the
  // walked JSON operation; other municipalities' entries are 404 there), and an unknown id under each.
  '/:municipality/postliste/:entryId': (slugs, input) => [...(input.entryIds ?? []).map((id) => `/${slugs[0]}/postliste/${id}`), ...slugs.map((s) => `/${s}/postliste/ukjent`)],
  '/:municipality/postliste/sak/:caseNumber': (slugs) => slugs.map((s) => `/${s}/postliste/sak/1999-1`),
  '/:municipality/postliste/feed.atom': (slugs) => slugs.map((s) => `/${s}/postliste/feed.atom?q=brev`),
  '/varsel/:id/bekreft': () => ['/varsel/0190c0de-0000-7000-8000-000000000000/bekreft?key=gjett', '/varsel/ukjent/bekreft'],
  '/varsel/:id/avslutt': () => ['/varsel/0190c0de-0000-7000-8000-000000000000/avslutt?key=gjett'],
  '/:municipality/statistikk': (slugs) => slugs.map((s) => `/${s}/statistikk`),
  '/:municipality/tjenester': (slugs) => [...slugs.flatMap((s) => [`/${s}/tjenester`, `/${s}/tjenester?q=vann`]), '/ingen-slik-kommune/tjenester'],
  '/:municipality/postliste/sak/:caseNumber/feed.atom': (slugs) => slugs.map((s) => `/${s}/postliste/sak/1999-1/feed.atom`),
  // Open311 GeoReport v2: both formats, with and without a jurisdiction, the fixture's service (its
  // published form) and an unknown request in each municipality.
  '/open311/v2/:file': (slugs) => [
    '/open311/v2/services.json', '/open311/v2/requests.json', '/open311/v2/ukjent.json',
    ...slugs.flatMap((s) => [`/open311/v2/services.json?jurisdiction_id=${s}`, `/open311/v2/services.xml?jurisdiction_id=${s}`, `/open311/v2/requests.json?jurisdiction_id=${s}`, `/open311/v2/requests.xml?jurisdiction_id=${s}&status=open,closed`]),
  ],
  '/open311/v2/:kind/:file': (slugs) =>
    slugs.flatMap((s) => [
      `/open311/v2/services/${exampleDefinition.key}.json?jurisdiction_id=${s}`,
      `/open311/v2/services/${exampleDefinition.key}.xml?jurisdiction_id=${s}`,
      `/open311/v2/requests/0190c0de-0000-7000-8000-000000000000.json?jurisdiction_id=${s}`,
    ]),
  // The council's pages and feeds (issue 10 §3): unknown ids and codes here; seeded meetings,
  // bodies and politicians are reached by the calendar's links.
  '/:municipality/politikk': (slugs) => slugs.flatMap((s) => [`/${s}/politikk`, `/${s}/politikk?month=2026-13`, `/${s}/politikk?body=ukjent`]),
  '/:municipality/politikk/organ/:body': (slugs) => slugs.map((s) => `/${s}/politikk/organ/ukjent`),
  '/:municipality/politikk/mote/:meetingId': (slugs) => slugs.flatMap((s) => [`/${s}/politikk/mote/0190c0de-0000-7000-8000-000000000000`, `/${s}/politikk/mote/ukjent`]),
  '/:municipality/politikk/mote/:meetingId/sak/:position/tekst.vtt': (slugs) => slugs.map((s) => `/${s}/politikk/mote/0190c0de-0000-7000-8000-000000000000/sak/1/tekst.vtt`),
  '/:municipality/politikk/politiker/:personId': (slugs) => slugs.flatMap((s) => [`/${s}/politikk/politiker/0190c0de-0000-7000-8000-000000000000`, `/${s}/politikk/politiker/ukjent`]),
  // Questions to politicians (issue 11): the list with its filters; seeded questions are reached by its links.
  '/:municipality/deltakelse/sporsmal': (slugs) => slugs.flatMap((s) => [`/${s}/deltakelse/sporsmal`, `/${s}/deltakelse/sporsmal?status=answered`, `/${s}/deltakelse/sporsmal?status=unanswered`, `/${s}/deltakelse/sporsmal?status=rejected`, `/${s}/deltakelse/sporsmal?til=ukjent`]),
  '/:municipality/deltakelse/sporsmal/:questionId': (slugs) => slugs.flatMap((s) => [`/${s}/deltakelse/sporsmal/0190c0de-0000-7000-8000-000000000000`, `/${s}/deltakelse/sporsmal/ukjent`]),
  '/:municipality/politikk/sok': (slugs) => slugs.flatMap((s) => [`/${s}/politikk/sok`, `/${s}/politikk/sok?q=brev`]),
  '/:municipality/politikk/oppslagstavle': (slugs) => slugs.map((s) => `/${s}/politikk/oppslagstavle`),
  '/:municipality/politikk/ical': (slugs) => slugs.map((s) => `/${s}/politikk/ical`),
  '/:municipality/politikk/atom': (slugs) => slugs.map((s) => `/${s}/politikk/atom`),
  '/:municipality/politikk/organ/:body/ical': (slugs) => slugs.map((s) => `/${s}/politikk/organ/ukjent/ical`),
  '/:municipality/politikk/organ/:body/atom': (slugs) => slugs.map((s) => `/${s}/politikk/organ/ukjent/atom`),
  // A follow's links without its key (or with a guessed one): 404.
  '/:municipality/politikk/folg/:id/bekreft': (slugs) => slugs.flatMap((s) => [`/${s}/politikk/folg/0190c0de-0000-7000-8000-000000000000/bekreft?key=gjett`, `/${s}/politikk/folg/ukjent/bekreft`]),
  '/:municipality/politikk/folg/:id/avslutt': (slugs) => slugs.map((s) => `/${s}/politikk/folg/0190c0de-0000-7000-8000-000000000000/avslutt?key=gjett`),
  '/:municipality/politikk/folg/:id/atom': (slugs) => slugs.map((s) => `/${s}/politikk/folg/0190c0de-0000-7000-8000-000000000000/atom`),
  // The participation hub and the citizen proposals' pages (issue 11 §1): filters, search, paging,
  // hostile values and unknown ids here; seeded proposals are reached by the hub's and list's links.
  '/:municipality/deltakelse': (slugs) => slugs.map((s) => `/${s}/deltakelse`),
  '/:municipality/deltakelse/forslag': (slugs) => slugs.flatMap((s) => [`/${s}/deltakelse/forslag`, `/${s}/deltakelse/forslag?status=open`, `/${s}/deltakelse/forslag?status=reached&q=skule`, `/${s}/deltakelse/forslag?status=ukjent`, `/${s}/deltakelse/forslag?page=2`, `/${s}/deltakelse/forslag?page=0`]),
  '/:municipality/deltakelse/forslag/atom': (slugs) => slugs.map((s) => `/${s}/deltakelse/forslag/atom`),
  '/:municipality/deltakelse/forslag/:proposalId': (slugs) => slugs.flatMap((s) => [`/${s}/deltakelse/forslag/0190c0de-0000-7000-8000-000000000000`, `/${s}/deltakelse/forslag/ukjent`]),
  // Consultations (issue 11 §2): the list, each consultation's page under the first municipality and
  // unknown ones under each, and the mailed link's page without a token, with a guessed one.
  '/:municipality/deltakelse/horinger': (slugs) => slugs.map((s) => `/${s}/deltakelse/horinger`),
  '/:municipality/deltakelse/horinger/:id': (slugs, input) => [...(input.consultationIds ?? []).map((id) => `/${slugs[0]}/deltakelse/horinger/${id}`), ...slugs.map((s) => `/${s}/deltakelse/horinger/ukjent`)],
  '/:municipality/deltakelse/horinger/bekreft': (slugs) => slugs.flatMap((s) => [`/${s}/deltakelse/horinger/bekreft`, `/${s}/deltakelse/horinger/bekreft?token=${'g'.repeat(32)}`]),
  // OParl 1.1: the system, the bodies, every list of each body (paged and filtered), unknown objects and files.
  '/oparl/v1/system': () => ['/oparl/v1/system'],
  '/oparl/v1/bodies': () => ['/oparl/v1/bodies', '/oparl/v1/bodies?elementsPerPage=1&omit_internal=true'],
  '/oparl/v1/body/:body': (slugs) => [...slugs.map((s) => `/oparl/v1/body/${s}`), '/oparl/v1/body/ingen-slik-kommune'],
  '/oparl/v1/body/:body/:list': (slugs) => [
    ...slugs.flatMap((s) => ['organizations', 'persons', 'memberships', 'meetings', 'agendaItems', 'papers', 'consultations', 'files', 'locations', 'legislativeTerms'].map((l) => `/oparl/v1/body/${s}/${l}`)),
    ...slugs.map((s) => `/oparl/v1/body/${s}/meetings?modified_since=2000-01-01T00%3A00%3A00Z&elementsPerPage=1`),
    '/oparl/v1/body/ingen-slik-kommune/meetings',
  ],
  '/oparl/v1/body/:body/:kind/:id': (slugs) => slugs.map((s) => `/oparl/v1/body/${s}/meeting/0190c0de-0000-7000-8000-000000000000`),
  '/oparl/v1/body/:body/file/:id/:how': (slugs) => slugs.map((s) => `/oparl/v1/body/${s}/file/0190c0de-0000-7000-8000-000000000000/download`),
};
/** Public forms outside the OpenAPI document, posted empty (they answer with a page). */
const formAddresses: Record<string, (slugs: string[]) => string[]> = {
  '/:municipality/postliste/innsyn': (slugs) => slugs.map((s) => `/${s}/postliste/innsyn`),
  '/:municipality/postliste/varsel': (slugs) => slugs.map((s) => `/${s}/postliste/varsel`),
  '/:municipality/politikk/folg': (slugs) => slugs.map((s) => `/${s}/politikk/folg`),
  '/:municipality/deltakelse/horinger/:id/uttalelse': (slugs) => slugs.map((s) => `/${s}/deltakelse/horinger/0190c0de-0000-7000-8000-000000000000/uttalelse`),
  '/:municipality/deltakelse/horinger/bekreft': (slugs) => slugs.map((s) => `/${s}/deltakelse/horinger/bekreft`),
  // Open311's report, posted without an api_key (refused in the spec's error format).
  '/open311/v2/:file': (slugs) => ['/open311/v2/requests.json', ...slugs.map((s) => `/open311/v2/requests.json?jurisdiction_id=${s}`)],
};
/** Stylesheets, fonts and icons: their names carry a hash, so the pages' links lead to them. */
const linkedOnly = /^\/static\//;

/** Addresses no route matches: the not-found handling (a page for browsers, problem+json otherwise). */
const strayAddresses = ['/finnes/ikke', '/api/v1/finnes-ikke/case-files', '/static/site/ukjent.css', '/%00'];

const isGet = (method: string) => method.split(',').includes('GET');
const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

export interface WalkPlan {
  /** Addresses for GET, each asked with every variation. */
  addresses: string[];
  /** Public operations of the OpenAPI document that are not GET, asked as they are. */
  others: InjectOptions[];
  /** Public routes the walk cannot fill: teach pageAddresses or the OpenAPI filler. */
  untaught: string[];
  /** Public operations of the OpenAPI document, by operationId. */
  publicOperations: string[];
}

/** What an anonymous visitor can reach, from the app's own route declarations and OpenAPI document. */
export function planPublicWalk(radhus: TestRadhus, input: WalkInput): WalkPlan {
  const routes = routeAccessOf(radhus.app);
  const plan: WalkPlan = { addresses: [...strayAddresses], others: [], untaught: [], publicOperations: [] };
  const inDocument = new Set<string>();
  for (const op of operationsOf(input.doc)) {
    inDocument.add(`${op.method} ${op.path}`);
    const route = routes.find((r) => r.method.split(',').includes(op.method) && openApiPath(r.url) === op.path);
    const security = (op.operation as { security?: unknown[] }).security;
    const isPublic = route?.access === 'public' || (Array.isArray(security) && security.length === 0);
    if (!isPublic) continue;
    plan.publicOperations.push(op.name);
    const params = (op.operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    const unknown = params.filter((p) => p !== 'tenant' && !fillers[p]);
    if (unknown.length) {
      plan.untaught.push(`${op.name}: path parameter(s) ${unknown.join(', ')}`);
      continue;
    }
    let urls = params.includes('tenant') ? [...input.slugs, 'ingen-slik-kommune'].map((s) => op.path.replace('{tenant}', s)) : [op.path];
    for (const p of params.filter((name) => fillers[name])) urls = urls.flatMap((url) => fillers[p]!(input).map((v) => url.replace(`{${p}}`, encodeURIComponent(v))));
    if (op.method === 'GET') plan.addresses.push(...urls);
    else plan.others.push(...urls.map((url) => ({ method: op.method as InjectOptions['method'], url, payload: {} })));
  }
  for (const route of routes) {
    if (route.access !== 'public' && route.access !== 'operator') continue;
    // Fastify adds a HEAD twin to every GET: walking the GET covers it.
    if (route.method === 'HEAD') continue;
    if (!isGet(route.method)) {
      const form = formAddresses[route.url];
      if (form && route.method === 'POST') {
        plan.others.push(...form(input.slugs).map((url) => ({ method: 'POST' as const, url, payload: {} })));
        continue;
      }
      if (!inDocument.has(`${route.method} ${openApiPath(route.url)}`) && !route.url.startsWith('/demo-idp/') && route.url !== '/auth/logout')
        plan.untaught.push(`${route.method} ${route.url}: a public route that is neither GET nor in the OpenAPI document`);
      continue;
    }
    if (inDocument.has(`GET ${openApiPath(route.url)}`) || linkedOnly.test(route.url)) continue;
    const fill = pageAddresses[route.url];
    if (!fill) plan.untaught.push(`GET ${route.url}: add it to pageAddresses in src/conformance/public-walk.ts`);
    else plan.addresses.push(...fill(input.slugs, input));
  }
  plan.addresses = [...new Set(plan.addresses)];
  return plan;
}

/** Each address is asked in every language, with every Accept header, and as a returning visitor. */
export const variations: Array<{ query: string; headers: Record<string, string> }> = [
  ...['text/html', 'application/json', '*/*'].flatMap((accept) => [{ query: '', headers: { accept } }, ...languages.map((l) => ({ query: `lang=${l}`, headers: { accept } }))]),
  ...languages.map((l) => ({ query: '', headers: { accept: 'text/html', 'accept-language': `${l},en;q=0.5`, cookie: `radhus_lang=${l}` } })),
];

const withQuery = (url: string, query: string) => (query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url);

/** Same-site links of an HTML page or stylesheet: href, src, srcset, action and url(). */
export function linksOf(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:href|src|action)="([^"]+)"|url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
    const raw = (m[1] ?? m[2] ?? '').replaceAll('&amp;', '&');
    if (raw.startsWith('/') && !raw.startsWith('//')) found.add(raw.split('#')[0]!);
  }
  return [...found];
}

async function visit(radhus: TestRadhus, request: InjectOptions): Promise<Visit> {
  const res = await radhus.app.inject(request);
  const contentType = String(res.headers['content-type'] ?? '');
  const textual = /^(text\/|application\/(json|problem\+json|javascript|xml)|image\/svg)/.test(contentType);
  const body = textual ? res.body : res.rawPayload.toString('latin1');
  return {
    method: String(request.method ?? 'GET'),
    url: String(request.url),
    headers: (request.headers ?? {}) as Record<string, string>,
    status: res.statusCode,
    contentType,
    text: `${body}\n${JSON.stringify(res.headers)}`,
  };
}

/** Walks the plan and every same-site link found on the way (each linked address once, as it is). */
export async function walkPublic(radhus: TestRadhus, plan: WalkPlan, linkLimit = 1000): Promise<Visit[]> {
  const visits: Visit[] = [];
  const seen = new Set<string>();
  const queue: string[] = [];
  const follow = (v: Visit) => {
    if (!/text\/(html|css)/.test(v.contentType)) return;
    for (const link of linksOf(v.text)) if (!seen.has(link)) queue.push(link);
  };
  for (const address of plan.addresses) {
    seen.add(address);
    for (const { query, headers } of variations) {
      const v = await visit(radhus, { method: 'GET', url: withQuery(address, query), headers });
      visits.push(v);
      follow(v);
    }
  }
  for (const request of plan.others) for (const accept of ['application/json', 'text/html']) visits.push(await visit(radhus, { ...request, headers: { accept } }));
  let followed = 0;
  while (queue.length) {
    const link = queue.shift()!;
    if (seen.has(link)) continue;
    if (++followed > linkLimit) throw new Error(`the public walk found more than ${linkLimit} links; raise the limit if the site grew`);
    seen.add(link);
    const v = await visit(radhus, { method: 'GET', url: link, headers: { accept: 'text/html' } });
    visits.push(v);
    follow(v);
  }
  return visits;
}

/** A marker in every form a response could carry it: as typed, URL-encoded, HTML- and JSON-escaped. */
export function formsOf(secret: string): string[] {
  const html = secret.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#x27;');
  const nonAscii = (escape: (code: number) => string) => secret.replace(/[^\x20-\x7e]/g, (c) => escape(c.charCodeAt(0)));
  return [
    ...new Set([
      secret,
      secret.normalize('NFD'),
      encodeURIComponent(secret),
      encodeURIComponent(secret).replaceAll('%20', '+'),
      html,
      nonAscii((c) => `&#${c};`),
      nonAscii((c) => `&#x${c.toString(16)};`),
      nonAscii((c) => `\\u${c.toString(16).padStart(4, '0')}`),
    ]),
  ];
}

/** An identity number as people write it: digits only, with a space or a hyphen after the date. */
export function identityForms(number: string): string[] {
  if (number.length === 11) return [number, `${number.slice(0, 6)} ${number.slice(6)}`, `${number.slice(0, 6)}-${number.slice(6)}`];
  const short = number.slice(2);
  return [number, short, `${number.slice(0, 8)}-${number.slice(8)}`, `${short.slice(0, 6)}-${short.slice(6)}`, `${short.slice(0, 6)}+${short.slice(6)}`];
}

/** Which markers a text contains, in any of their forms, case-insensitively. */
export function hitsIn(text: string, markers: Map<string, string[]>): string[] {
  const haystack = text.toLocaleLowerCase();
  return [...markers].filter(([, forms]) => forms.some((f) => haystack.includes(f.toLocaleLowerCase()))).map(([marker]) => marker);
}
