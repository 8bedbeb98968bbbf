// SPDX-License-Identifier: EUPL-1.2
// What the OParl API reads: the council's public projection (public_council_*) and the public
// journal's documents of the council's papers and minutes, under withPublic (radhus_public), and
// nothing else. Every list is one keyset-paged query on the object's id, with the objects a page
// embeds read in one batch per kind for the whole page: no query per row.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';

// The projection's jsonb shapes (migration 0022's comments, council/tables.ts), as OParl reads them.
export interface PublicVote {
  position: number; subject: string; method: string; outcome: string | null;
  counts: { option: string; label: string; count: number }[];
  parties: { partyId: string | null; option: string; count: number }[];
  ballots: { personId: string; partyId: string | null; option: string }[];
}
export interface PublicProposal { position: number; kind: string; text: string; proposerPersonId: string | null; partyId: string | null }

export type ListKind = 'organization' | 'person' | 'membership' | 'meeting' | 'agendaItem' | 'paper' | 'consultation' | 'file' | 'location' | 'legislativeTerm';

/** A page of one list: keyset after an id, at most `limit` rows (one more is read to know of a next page). */
export interface Selection {
  tenantId: string;
  /** One object by id (the object's own URL), instead of a page. */
  id?: string | undefined;
  after?: string | undefined;
  limit: number;
  createdSince?: Date | undefined;
  createdUntil?: Date | undefined;
  modifiedSince?: Date | undefined;
  modifiedUntil?: Date | undefined;
  /** The public journal's clock: a document is public once its entry's visible_from has come. */
  now: Date;
}

export interface Stamps { id: string; created: Date; modified: Date }
export interface TenantRow { id: string; slug: string; name: string; country: string; language: string }
export interface TermRow extends Stamps { name: string; starts_on: string; ends_on: string }
export interface OrganizationRow extends Stamps { kind: 'body' | 'party'; code: string; name: string; short_name: string | null; classification: string | null }
export interface PersonRow extends Stamps { given_name: string; family_name: string; party_id: string | null }
export interface MembershipRow extends Stamps {
  body_id: string; term_id: string; person_id: string; role: string; party_id: string | null;
  substitute_order: number | null; starts_on: string; ends_on: string | null;
}
export interface MeetingRow extends Stamps {
  body_id: string; body_name: string; starts_at: Date; ends_at: Date | null; location: string | null; status: string; open: boolean;
  agenda_published_at: Date | null; live_stream_url: string | null; recording_url: string | null; minutes_status: string;
  minutes_entry_id: string | null; notice_posted_on: string | null; appeal_closes_on: string | null;
}
export interface AgendaItemRow extends Stamps {
  meeting_id: string; body_id: string; position: number; item_number: string; public_title: string;
  case_file_id: string | null; paper_public: boolean; presentation_entry_id: string | null; late: boolean; closed: boolean; closed_legal_basis: string | null;
  decision_text: string | null; decided_at: Date | null; proposals: PublicProposal[]; votes: PublicVote[];
  disqualifications: { personId: string; reason: string }[]; reservations: { personId: string | null; partyId: string | null; text: string | null }[];
  video_offset_seconds: number | null; recording_url: string | null; meeting_starts_at: Date;
}
export interface PaperRow extends Stamps { case_number: string; public_title: string; case_date: string }
export interface FileRow extends Stamps {
  registry_entry_id: string; document_number: number; public_title: string; published_in_full: boolean;
  file_name: string | null; mime_type: string | null; size: number | null; checksum: string | null; day: string;
}
export interface LocationRow extends Stamps { description: string }

// The rows of each list, as a select of the municipality's rows with `id`, `created` and `modified`
// columns; filters and the keyset apply to them from outside, so every list pages the same way.
// A political case is a paper when an agenda item of a public agenda carries it; a document is a file
// when it belongs to the case presentation of an open item, or to a meeting's published minutes.
const councilEntries = (t: string) => sql`(select presentation_entry_id from public_council_agenda_items
    where tenant_id = ${t}::uuid and not closed and presentation_entry_id is not null
  union select minutes_entry_id from public_council_meetings where tenant_id = ${t}::uuid and minutes_entry_id is not null)`;

function source(kind: ListKind, t: string, now: Date): RawBuilder<unknown> {
  switch (kind) {
    case 'legislativeTerm':
      return sql`select id, name, to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on, updated_at as created, updated_at as modified
        from public_council_terms where tenant_id = ${t}::uuid`;
    case 'organization':
      return sql`select id, 'body' as kind, code, name, short_name, kind as classification, created_at as created, updated_at as modified
          from public_council_bodies where tenant_id = ${t}::uuid
        union all select id, 'party', code, name, null, null, updated_at, updated_at from public_council_parties where tenant_id = ${t}::uuid`;
    case 'person':
      // OParl 1.1: an object's modified moves with the objects it embeds (a person's memberships, a meeting's items).
      return sql`select p.id, p.given_name, p.family_name, p.party_id, p.created_at as created,
          greatest(p.updated_at, (select max(ms.updated_at) from public_council_memberships ms where ms.person_id = p.id)) as modified
        from public_council_persons p where p.tenant_id = ${t}::uuid`;
    case 'membership':
      return sql`select id, body_id, term_id, person_id, role, party_id, substitute_order, to_char(starts_on, 'YYYY-MM-DD') as starts_on,
          to_char(ends_on, 'YYYY-MM-DD') as ends_on, updated_at as created, updated_at as modified
        from public_council_memberships where tenant_id = ${t}::uuid`;
    case 'meeting':
      return sql`select m.id, m.body_id, coalesce(b.name, '') as body_name, m.starts_at, m.ends_at, m.location, m.status, m.open, m.agenda_published_at,
          m.live_stream_url, m.recording_url, m.minutes_status, m.minutes_entry_id, to_char(m.notice_posted_on, 'YYYY-MM-DD') as notice_posted_on,
          to_char(m.appeal_closes_on, 'YYYY-MM-DD') as appeal_closes_on, m.created_at as created,
          greatest(m.updated_at, (select max(i.updated_at) from public_council_agenda_items i where i.meeting_id = m.id)) as modified
        from public_council_meetings m left join public_council_bodies b on b.id = m.body_id and b.tenant_id = m.tenant_id
        where m.tenant_id = ${t}::uuid`;
    case 'agendaItem':
    case 'consultation':
      return sql`select i.id, i.meeting_id, m.body_id, i.position, i.item_number, i.public_title, i.case_file_id,
          exists (select 1 from public_case_files c where c.id = i.case_file_id and c.tenant_id = i.tenant_id) as paper_public,
          case when i.closed then null else i.presentation_entry_id end as presentation_entry_id, i.late, i.closed, i.closed_legal_basis,
          i.decision_text, i.decided_at, i.proposals, i.votes, i.disqualifications, i.reservations, i.video_offset_seconds,
          m.recording_url, m.starts_at as meeting_starts_at, i.created_at as created, i.updated_at as modified
        from public_council_agenda_items i join public_council_meetings m on m.id = i.meeting_id and m.tenant_id = i.tenant_id
        where i.tenant_id = ${t}::uuid ${kind === 'consultation' ? sql`and i.case_file_id is not null
          and exists (select 1 from public_case_files c where c.id = i.case_file_id and c.tenant_id = i.tenant_id)` : sql``}`;
    case 'paper':
      return sql`select c.id, c.case_number, c.public_title, to_char(c.case_date, 'YYYY-MM-DD') as case_date,
          (select min(i.created_at) from public_council_agenda_items i where i.case_file_id = c.id and i.tenant_id = c.tenant_id) as created,
          greatest(c.updated_at, (select max(i.updated_at) from public_council_agenda_items i where i.case_file_id = c.id and i.tenant_id = c.tenant_id)) as modified
        from public_case_files c
        where c.tenant_id = ${t}::uuid and exists (select 1 from public_council_agenda_items i where i.case_file_id = c.id and i.tenant_id = c.tenant_id)`;
    case 'file':
      return sql`select d.id, d.registry_entry_id, d.document_number, d.public_title, d.published_in_full, d.file_name, d.mime_type, d.size, d.checksum,
          to_char(coalesce(e.document_date, e.journal_date), 'YYYY-MM-DD') as day, coalesce(e.visible_from, e.published_at) as created, d.updated_at as modified
        from public_documents d join public_registry_entries e on e.id = d.registry_entry_id and e.tenant_id = d.tenant_id
        where d.tenant_id = ${t}::uuid and (e.visible_from is null or e.visible_from <= ${now})
          and d.registry_entry_id in ${councilEntries(t)}`;
    case 'location':
      return sql`select id, location as description, created_at as created, updated_at as modified
        from public_council_meetings where tenant_id = ${t}::uuid and location is not null and location <> ''`;
  }
}

/** One page of a list (or the one object asked for by id), filtered, in id order. */
export async function selectObjects<R extends Stamps>(tx: Tx, kind: ListKind, s: Selection): Promise<R[]> {
  const where: RawBuilder<unknown>[] = [sql`true`];
  if (s.id !== undefined) where.push(sql`o.id = ${s.id}::uuid`);
  if (s.after !== undefined) where.push(sql`o.id > ${s.after}::uuid`);
  if (s.createdSince) where.push(sql`o.created >= ${s.createdSince}`);
  if (s.createdUntil) where.push(sql`o.created <= ${s.createdUntil}`);
  if (s.modifiedSince) where.push(sql`o.modified >= ${s.modifiedSince}`);
  if (s.modifiedUntil) where.push(sql`o.modified <= ${s.modifiedUntil}`);
  const rows = await sql<R>`select o.* from (${source(kind, s.tenantId, s.now)}) o where ${sql.join(where, sql` and `)}
    order by o.id limit ${s.limit}`.execute(tx);
  return rows.rows;
}

export async function findPublicTenant(tx: Tx, slug: string): Promise<TenantRow | undefined> {
  return (await sql<TenantRow>`select id, slug, name, country, language from public_tenants where slug = ${slug}`.execute(tx)).rows[0];
}

export async function listPublicTenantPage(tx: Tx, after: string | undefined, limit: number): Promise<TenantRow[]> {
  return (
    await sql<TenantRow>`select id, slug, name, country, language from public_tenants
      where ${after === undefined ? sql`true` : sql`slug > ${after}`} order by slug limit ${limit}`.execute(tx)
  ).rows;
}

const none = <T>(): Promise<T[]> => Promise.resolve([]);
const uuids = (ids: readonly string[]) => sql`(${sql.join(ids.map((id) => sql`${id}::uuid`))})`;

export async function termsOf(tx: Tx, tenantId: string): Promise<TermRow[]> {
  return (await sql<TermRow>`select id, name, to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on,
      updated_at as created, updated_at as modified from public_council_terms where tenant_id = ${tenantId}::uuid order by starts_on, id`.execute(tx)).rows;
}

export async function membershipsOfPersons(tx: Tx, tenantId: string, personIds: readonly string[]): Promise<MembershipRow[]> {
  if (!personIds.length) return none();
  return (await sql<MembershipRow>`select o.* from (${source('membership', tenantId, new Date(0))}) o where o.person_id in ${uuids(personIds)} order by o.starts_on, o.id`.execute(tx)).rows;
}

export async function membershipIdsOfBodies(tx: Tx, tenantId: string, bodyIds: readonly string[]): Promise<{ id: string; body_id: string }[]> {
  if (!bodyIds.length) return none();
  return (await sql<{ id: string; body_id: string }>`select id, body_id from public_council_memberships
    where tenant_id = ${tenantId}::uuid and body_id in ${uuids(bodyIds)} order by starts_on, id`.execute(tx)).rows;
}

export async function itemsOfMeetings(tx: Tx, tenantId: string, meetingIds: readonly string[]): Promise<AgendaItemRow[]> {
  if (!meetingIds.length) return none();
  return (await sql<AgendaItemRow>`select o.* from (${source('agendaItem', tenantId, new Date(0))}) o
    where o.meeting_id in ${uuids(meetingIds)} order by o.meeting_id, o.position`.execute(tx)).rows;
}

export async function itemsOfCases(tx: Tx, tenantId: string, caseIds: readonly string[]): Promise<AgendaItemRow[]> {
  if (!caseIds.length) return none();
  return (await sql<AgendaItemRow>`select o.* from (${source('agendaItem', tenantId, new Date(0))}) o
    where o.case_file_id in ${uuids(caseIds)} order by o.meeting_starts_at, o.id`.execute(tx)).rows;
}

/** The public documents of registry entries (case presentations, minutes), in document order. */
export async function filesOfEntries(tx: Tx, tenantId: string, entryIds: readonly string[], now: Date): Promise<FileRow[]> {
  if (!entryIds.length) return none();
  return (await sql<FileRow>`select o.* from (${source('file', tenantId, now)}) o
    where o.registry_entry_id in ${uuids(entryIds)} order by o.registry_entry_id, o.document_number`.execute(tx)).rows;
}

/** Which items and meetings each registry entry of a page of files belongs to (File.agendaItem, .meeting, .paper). */
export async function usesOfEntries(tx: Tx, tenantId: string, entryIds: readonly string[]): Promise<{ entry_id: string; item_id: string | null; case_file_id: string | null; meeting_id: string }[]> {
  if (!entryIds.length) return none();
  return (await sql<{ entry_id: string; item_id: string | null; case_file_id: string | null; meeting_id: string }>`
    select presentation_entry_id as entry_id, id as item_id, case_file_id, meeting_id from public_council_agenda_items
      where tenant_id = ${tenantId}::uuid and not closed and presentation_entry_id in ${uuids(entryIds)}
    union all select minutes_entry_id, null, null, id from public_council_meetings
      where tenant_id = ${tenantId}::uuid and minutes_entry_id in ${uuids(entryIds)}`.execute(tx)).rows;
}

/** One published document for download: only when published in full, and only of the council's papers and minutes. */
export async function findDownload(tx: Tx, tenantId: string, fileId: string, now: Date): Promise<FileRow | undefined> {
  const [row] = await selectObjects<FileRow>(tx, 'file', { tenantId, id: fileId, limit: 1, now });
  return row && row.published_in_full && row.checksum && row.file_name ? row : undefined;
}
