// SPDX-License-Identifier: EUPL-1.2
// SQL of the public projection (public_council_*): written by the projection as radhus_app in the
// event's municipality, read by the public API under radhus_public (which sees nothing else here).
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { PublicCouncilTables } from './tables.ts';

type P = PublicCouncilTables;
export type PublicMeetingRow = P['public_council_meetings'];
export type PublicItemRow = P['public_council_agenda_items'];
export type PublicNoticeRow = P['public_council_notices'];
const db = (tx: Tx) => tables<P>(tx);
const json = (v: unknown) => JSON.stringify(v);

// --- writes (the projection, as radhus_app) ---------------------------------------------------------
export async function replaceRoster(tx: Tx, r: {
  terms: P['public_council_terms'][]; parties: P['public_council_parties'][]; persons: P['public_council_persons'][];
  bodies: P['public_council_bodies'][]; memberships: P['public_council_memberships'][];
}): Promise<void> {
  // Children first: the tables have no foreign keys between them, but a reader should never see a
  // membership without its body within the same snapshot.
  for (const t of ['public_council_memberships', 'public_council_persons', 'public_council_parties', 'public_council_terms', 'public_council_bodies'] as const)
    await db(tx).deleteFrom(t).execute();
  if (r.terms.length) await db(tx).insertInto('public_council_terms').values(r.terms).execute();
  if (r.parties.length) await db(tx).insertInto('public_council_parties').values(r.parties).execute();
  if (r.persons.length) await db(tx).insertInto('public_council_persons').values(r.persons).execute();
  if (r.bodies.length) await db(tx).insertInto('public_council_bodies').values(r.bodies).execute();
  if (r.memberships.length) await db(tx).insertInto('public_council_memberships').values(r.memberships).execute();
}

export async function deleteMeeting(tx: Tx, id: string): Promise<void> {
  await db(tx).deleteFrom('public_council_meetings').where('id', '=', id).execute();
}

/** The meeting with exactly these items and notices (the items' rows are rewritten each time). */
export async function replaceMeeting(tx: Tx, meeting: PublicMeetingRow, items: Omit<PublicItemRow, 'search'>[], notices: PublicNoticeRow[]): Promise<void> {
  await db(tx).insertInto('public_council_meetings').values(meeting).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
    body_id: eb.ref('excluded.body_id'), starts_at: eb.ref('excluded.starts_at'), ends_at: eb.ref('excluded.ends_at'), location: eb.ref('excluded.location'),
    status: eb.ref('excluded.status'), open: eb.ref('excluded.open'), agenda_published_at: eb.ref('excluded.agenda_published_at'),
    live_stream_url: eb.ref('excluded.live_stream_url'), recording_url: eb.ref('excluded.recording_url'), minutes_status: eb.ref('excluded.minutes_status'),
    minutes_entry_id: eb.ref('excluded.minutes_entry_id'), minutes_published_at: eb.ref('excluded.minutes_published_at'),
    notice_posted_on: eb.ref('excluded.notice_posted_on'), appeal_closes_on: eb.ref('excluded.appeal_closes_on'), updated_at: eb.ref('excluded.updated_at'),
  }))).execute();
  await db(tx).deleteFrom('public_council_agenda_items').where('meeting_id', '=', meeting.id).execute();
  for (const i of items)
    await sql`insert into public_council_agenda_items (id, tenant_id, meeting_id, position, item_number, public_title, case_file_id, case_number, presentation_entry_id,
        late, closed, closed_legal_basis, decision_text, decided_at, proposals, votes, disqualifications, reservations, video_offset_seconds, transcript_sha256, search, created_at, updated_at)
      values (${i.id}, ${i.tenant_id}, ${i.meeting_id}, ${i.position}, ${i.item_number}, ${i.public_title}, ${i.case_file_id}, ${i.case_number}, ${i.presentation_entry_id},
        ${i.late}, ${i.closed}, ${i.closed_legal_basis}, ${i.decision_text}, ${i.decided_at}, ${json(i.proposals)}::jsonb, ${json(i.votes)}::jsonb, ${json(i.disqualifications)}::jsonb,
        ${json(i.reservations)}::jsonb, ${i.video_offset_seconds}, ${i.transcript_sha256},
        to_tsvector('simple', ${i.item_number} || ' ' || ${i.public_title} || ' ' || coalesce(${i.decision_text}::text, '')), ${i.created_at}, ${i.updated_at})`.execute(tx);
  await db(tx).deleteFrom('public_council_notices').where('meeting_id', '=', meeting.id).execute();
  if (notices.length) await db(tx).insertInto('public_council_notices').values(notices).execute();
}

export async function resetAll(tx: Tx): Promise<void> {
  for (const t of ['public_council_notices', 'public_council_agenda_items', 'public_council_meetings', 'public_council_memberships', 'public_council_persons',
    'public_council_parties', 'public_council_terms', 'public_council_bodies'] as const) await db(tx).deleteFrom(t).execute();
}

// --- reads (under radhus_public) ------------------------------------------------------------------------
export async function selectPublicMeetings(tx: Tx, f: { tenantId: string; bodyId?: string | undefined; from?: Date | undefined; to?: Date | undefined; after?: { at: Date; id: string } | undefined; limit: number }) {
  let q = db(tx).selectFrom('public_council_meetings').selectAll().where('tenant_id', '=', f.tenantId);
  if (f.bodyId) q = q.where('body_id', '=', f.bodyId);
  if (f.from) q = q.where('starts_at', '>=', f.from);
  if (f.to) q = q.where('starts_at', '<=', f.to);
  if (f.after) q = q.where((eb) => eb.or([eb('starts_at', '>', f.after!.at), eb.and([eb('starts_at', '=', f.after!.at), eb('id', '>', f.after!.id)])]));
  return q.orderBy('starts_at').orderBy('id').limit(f.limit).execute();
}
export const selectPublicMeeting = (tx: Tx, tenantId: string, id: string) =>
  db(tx).selectFrom('public_council_meetings').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
export const selectPublicItems = (tx: Tx, meetingId: string) => db(tx).selectFrom('public_council_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
export const selectPublicItem = (tx: Tx, tenantId: string, id: string) =>
  db(tx).selectFrom('public_council_agenda_items').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
export const selectPublicBodies = (tx: Tx, tenantId: string) => db(tx).selectFrom('public_council_bodies').selectAll().where('tenant_id', '=', tenantId).execute();
export const selectPublicParties = (tx: Tx, tenantId: string) => db(tx).selectFrom('public_council_parties').selectAll().where('tenant_id', '=', tenantId).execute();
export const selectPublicPersons = (tx: Tx, tenantId: string, ids: string[]) =>
  ids.length ? db(tx).selectFrom('public_council_persons').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute() : Promise.resolve([]);
export const selectPublicNotices = (tx: Tx, meetingId: string) => db(tx).selectFrom('public_council_notices').selectAll().where('meeting_id', '=', meetingId).execute();
