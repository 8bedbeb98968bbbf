// SPDX-License-Identifier: EUPL-1.2
// Rows of the public projection → OParl 1.1 objects. Properties without a value are left out
// (OParl 2.4: no null, no empty optional arrays). What OParl has no property for is published as
// `radhus:` extension properties (OParl 2.1 "Erweiterbarkeit"), documented in docs/oparl.md: above
// all the vote per option, per party and per member (`radhus:votes`) on agendaItem and consultation.
import type { AgendaItemRow, FileRow, LocationRow, MeetingRow, MembershipRow, OrganizationRow, PaperRow, PersonRow, TenantRow, TermRow } from './repository.ts';
import type { Urls } from './urls.ts';

export type OParlObject = Record<string, unknown> & { id: string; type: string };
const type = (name: string) => `https://schema.oparl.org/1.1/${name}`;
export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';

/** Leaves out undefined, null and empty arrays. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)));
}
const iso = (d: Date | string | null | undefined) => (d === null || d === undefined ? undefined : new Date(d).toISOString());
const stamps = (r: { created: Date; modified: Date }) => ({ created: iso(r.created), modified: iso(r.modified) });
/** The projection's jsonb columns (PGlite and pg both parse them; a string is parsed defensively). */
const listOf = <T>(v: unknown): T[] => {
  const parsed = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(parsed) ? (parsed as T[]) : [];
};

export function presentSystem(u: Urls, name: string, publicUrl: string): OParlObject {
  return { id: u.system, type: type('System'), oparlVersion: OPARL_VERSION, body: u.bodies, name, website: `${publicUrl}/` };
}

export function presentBody(u: Urls, t: TenantRow, terms: TermRow[], omitInternal: boolean): OParlObject {
  return {
    ...compact({
    id: u.body,
    type: type('Body'),
    system: u.system,
    name: t.name,
    shortName: t.slug,
    website: u.website,
    classification: t.country === 'SE' ? 'kommun' : 'kommune',
    organization: u.list('organizations'),
    person: u.list('persons'),
    meeting: u.list('meetings'),
    paper: u.list('papers'),
    agendaItem: u.list('agendaItems'),
    consultation: u.list('consultations'),
    file: u.list('files'),
    locationList: u.list('locations'),
    legislativeTermList: u.list('legislativeTerms'),
    membership: u.list('memberships'),
    'radhus:country': t.country,
    'radhus:language': t.language,
    }),
    // Required by Body: an empty list when there is none, or when embedded objects are omitted.
    legislativeTerm: omitInternal ? [] : terms.map((r) => presentTerm(u, r)),
  } as unknown as OParlObject;
}

export function presentTerm(u: Urls, r: TermRow): OParlObject {
  return compact({ id: u.object('legislativeTerm', r.id), type: type('LegislativeTerm'), body: u.body, name: r.name, startDate: r.starts_on, endDate: r.ends_on, ...stamps(r) }) as OParlObject;
}

export function presentOrganization(u: Urls, r: OrganizationRow, membershipIds: string[]): OParlObject {
  const isBody = r.kind === 'body';
  return compact({
    id: u.object('organization', r.id),
    type: type('Organization'),
    body: u.body,
    name: r.name,
    shortName: isBody ? (r.short_name ?? undefined) : r.code,
    // OParl's customary values: a political body is a "Gremium", a party a "Partei".
    organizationType: isBody ? 'Gremium' : 'Partei',
    classification: r.classification ?? undefined,
    membership: isBody ? membershipIds.map((id) => u.object('membership', id)) : undefined,
    'radhus:code': r.code,
    ...stamps(r),
  }) as OParlObject;
}

export function presentMembership(u: Urls, r: MembershipRow): OParlObject {
  return compact({
    id: u.object('membership', r.id),
    type: type('Membership'),
    person: u.object('person', r.person_id),
    organization: u.object('organization', r.body_id),
    role: r.role,
    // Substitutes (varamedlemmer / ersättare) vote only when they meet for a member.
    votingRight: r.role !== 'substitute',
    startDate: r.starts_on,
    endDate: r.ends_on ?? undefined,
    onBehalfOf: r.party_id ? u.object('organization', r.party_id) : undefined,
    'radhus:legislativeTerm': u.object('legislativeTerm', r.term_id),
    'radhus:substituteOrder': r.substitute_order ?? undefined,
    ...stamps(r),
  }) as OParlObject;
}

export function presentPerson(u: Urls, r: PersonRow, memberships: MembershipRow[] | undefined): OParlObject {
  return compact({
    id: u.object('person', r.id),
    type: type('Person'),
    body: u.body,
    name: `${r.given_name} ${r.family_name}`.trim(),
    givenName: r.given_name,
    familyName: r.family_name,
    membership: memberships?.map((m) => presentMembership(u, m)),
    'radhus:party': r.party_id ? u.object('organization', r.party_id) : undefined,
    ...stamps(r),
  }) as OParlObject;
}

export function presentFile(u: Urls, r: FileRow, uses?: { meeting: string[]; agendaItem: string[]; paper: string[] }): OParlObject {
  const inFull = r.published_in_full && r.checksum !== null && r.file_name !== null;
  return compact({
    id: u.object('file', r.id),
    type: type('File'),
    name: r.public_title,
    fileName: inFull ? r.file_name : undefined,
    mimeType: inFull ? (r.mime_type ?? undefined) : undefined,
    date: r.day,
    size: inFull ? (r.size ?? undefined) : undefined,
    // Published in full: the bytes; otherwise only the title is public, and the journal entry is
    // where a citizen asks for access (innsyn).
    accessUrl: inFull ? u.fileContent(r.id, false) : u.journalEntry(r.registry_entry_id),
    downloadUrl: inFull ? u.fileContent(r.id, true) : undefined,
    meeting: uses?.meeting.map((id) => u.object('meeting', id)),
    agendaItem: uses?.agendaItem.map((id) => u.object('agendaItem', id)),
    paper: uses?.paper.map((id) => u.object('paper', id)),
    'radhus:publishedInFull': inFull,
    'radhus:sha256': inFull ? r.checksum : undefined,
    'radhus:registryEntry': u.journalEntry(r.registry_entry_id),
    ...stamps(r),
  }) as OParlObject;
}

export function presentLocation(u: Urls, r: LocationRow): OParlObject {
  return compact({ id: u.object('location', r.id), type: type('Location'), description: r.description, meetings: [u.object('meeting', r.id)], ...stamps(r) }) as OParlObject;
}

/** The votes with parties and members as OParl URLs (a secret ballot: counts only). */
function votesOf(u: Urls, r: AgendaItemRow) {
  if (r.closed) return undefined;
  return listOf<AgendaItemRow['votes'][number]>(r.votes).map((v) => ({
    position: v.position,
    subject: v.subject,
    method: v.method,
    outcome: v.outcome,
    counts: (v.counts ?? []).map((c) => ({ option: c.option, label: c.label, count: c.count })),
    // A secret ballot shows only its counts, whatever a projection row holds.
    parties: v.method === 'secret' ? [] : (v.parties ?? []).map((p) => ({ organization: p.partyId ? u.object('organization', p.partyId) : null, option: p.option, count: p.count })),
    ballots: v.method === 'secret' ? [] : (v.ballots ?? []).map((b) => ({ person: u.object('person', b.personId), organization: b.partyId ? u.object('organization', b.partyId) : null, option: b.option })),
  }));
}

/** What agendaItem and consultation share of the decision: proposals, votes, disqualifications, reservations. */
function decisionExtensions(u: Urls, r: AgendaItemRow) {
  if (r.closed) return {};
  const person = (id: string | null) => (id ? u.object('person', id) : null);
  const party = (id: string | null) => (id ? u.object('organization', id) : null);
  return {
    'radhus:votes': votesOf(u, r),
    'radhus:proposals': listOf<AgendaItemRow['proposals'][number]>(r.proposals).map((p) => ({ position: p.position, kind: p.kind, text: p.text, person: person(p.proposerPersonId), organization: party(p.partyId) })),
    'radhus:disqualifications': listOf<AgendaItemRow['disqualifications'][number]>(r.disqualifications).map((d) => ({ person: person(d.personId), reason: d.reason })),
    'radhus:reservations': listOf<AgendaItemRow['reservations'][number]>(r.reservations).map((x) => ({ person: person(x.personId), organization: party(x.partyId), text: x.text })),
  };
}

/** The last vote's outcome, else "decided" once a decision text is recorded. */
function resultOf(r: AgendaItemRow): string | undefined {
  const votes = listOf<AgendaItemRow['votes'][number]>(r.votes);
  const last = votes.at(-1);
  if (last?.outcome) return last.outcome;
  return r.decision_text ? 'decided' : undefined;
}

export function presentAgendaItem(u: Urls, r: AgendaItemRow, files: FileRow[]): OParlObject {
  const hasPaper = r.case_file_id !== null && r.paper_public;
  return compact({
    id: u.object('agendaItem', r.id),
    type: type('AgendaItem'),
    meeting: u.object('meeting', r.meeting_id),
    number: r.item_number,
    // OParl 1.1: the position counted from 0.
    order: r.position - 1,
    name: r.public_title,
    public: !r.closed,
    consultation: hasPaper ? u.object('consultation', r.id) : undefined,
    result: r.closed ? undefined : resultOf(r),
    resolutionText: r.closed ? undefined : (r.decision_text ?? undefined),
    // The case presentation's documents, here when the item has no public paper to carry them.
    auxiliaryFile: hasPaper || r.closed ? undefined : files.map((f) => presentFile(u, f)),
    'radhus:late': r.late,
    'radhus:closedLegalBasis': r.closed ? (r.closed_legal_basis ?? undefined) : undefined,
    'radhus:videoOffsetSeconds': r.closed ? undefined : (r.video_offset_seconds ?? undefined),
    'radhus:video': !r.closed && r.recording_url && r.video_offset_seconds !== null ? `${r.recording_url}#t=${r.video_offset_seconds}` : undefined,
    'radhus:decidedAt': r.closed ? undefined : iso(r.decided_at),
    ...decisionExtensions(u, r),
    ...stamps(r),
  }) as OParlObject;
}

export function presentConsultation(u: Urls, r: AgendaItemRow): OParlObject {
  return compact({
    id: u.object('consultation', r.id),
    type: type('Consultation'),
    paper: u.object('paper', r.case_file_id!),
    agendaItem: u.object('agendaItem', r.id),
    meeting: u.object('meeting', r.meeting_id),
    organization: [u.object('organization', r.body_id)],
    // The body decides the case at this item (vedtak / beslut) once a decision is recorded.
    authoritative: !r.closed && r.decision_text !== null,
    role: r.decision_text !== null && !r.closed ? 'decision' : 'deliberation',
    ...decisionExtensions(u, r),
    ...stamps(r),
  }) as OParlObject;
}

export function presentPaper(u: Urls, r: PaperRow, items: AgendaItemRow[], files: FileRow[], omitInternal: boolean): OParlObject {
  const [main, ...rest] = files;
  return compact({
    id: u.object('paper', r.id),
    type: type('Paper'),
    body: u.body,
    name: r.public_title,
    reference: r.case_number,
    date: r.case_date,
    // The political case with its case presentation (saksframlegg / tjänsteskrivelse).
    paperType: 'case presentation',
    mainFile: omitInternal || !main ? undefined : presentFile(u, main),
    auxiliaryFile: omitInternal ? undefined : rest.map((f) => presentFile(u, f)),
    underDirectionOf: [...new Set(items.map((i) => u.object('organization', i.body_id)))],
    consultation: omitInternal ? undefined : items.map((i) => presentConsultation(u, i)),
    ...stamps(r),
  }) as OParlObject;
}

export function presentMeeting(u: Urls, r: MeetingRow, items: AgendaItemRow[], itemFiles: Map<string, FileRow[]>, minutes: FileRow[], omitInternal: boolean): OParlObject {
  const [protocol, ...rest] = minutes;
  const day = iso(r.starts_at)!.slice(0, 10);
  return compact({
    id: u.object('meeting', r.id),
    type: type('Meeting'),
    name: `${r.body_name} ${day}`.trim(),
    meetingState: r.status,
    cancelled: r.status === 'cancelled',
    start: iso(r.starts_at),
    end: iso(r.ends_at),
    location: omitInternal || !r.location ? undefined : presentLocation(u, { id: r.id, description: r.location, created: r.created, modified: r.modified }),
    organization: [u.object('organization', r.body_id)],
    resultsProtocol: omitInternal || !protocol ? undefined : presentFile(u, protocol),
    auxiliaryFile: omitInternal ? undefined : rest.map((f) => presentFile(u, f)),
    agendaItem: omitInternal ? undefined : items.map((i) => presentAgendaItem(u, i, i.presentation_entry_id ? (itemFiles.get(i.presentation_entry_id) ?? []) : [])),
    'radhus:open': r.open,
    'radhus:agendaPublished': r.agenda_published_at !== null,
    'radhus:liveStreamUrl': r.live_stream_url ?? undefined,
    'radhus:recordingUrl': r.recording_url ?? undefined,
    'radhus:minutesStatus': r.minutes_status,
    'radhus:noticePostedOn': r.notice_posted_on ?? undefined,
    'radhus:appealClosesOn': r.appeal_closes_on ?? undefined,
    ...stamps(r),
  }) as OParlObject;
}

/** A deleted object (OParl 2.8): id, type, created and modified (the time of deletion), deleted. */
export function presentDeleted(id: string, typeName: string, created: Date, modified: Date): OParlObject {
  return { id, type: type(typeName), created: iso(created)!, modified: iso(modified)!, deleted: true };
}
