// SPDX-License-Identifier: EUPL-1.2
// SQL of the politician's workspace: its own tables (notes, substitute calls) and the reads of the
// council's roster and meetings it needs to answer "which meetings are mine". Those reads join the
// council tables in one query each instead of walking the council's service row by row; the
// workspace writes council rows only through the council's service (src/council/members.ts).
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { CouncilTables } from '../council/tables.ts';
import type { CouncilMemberNotesTable, CouncilSubstituteCallsTable, WorkspaceTables } from './tables.ts';

export type NoteRow = CouncilMemberNotesTable;
export type CallRow = CouncilSubstituteCallsTable;

const db = (tx: Tx) => tables<WorkspaceTables & CouncilTables>(tx);
const ids = (list: readonly string[]) => sql.join(list.map((id) => sql`${id}::uuid`));

/** The council persons a login is (normally one). */
export const personsOfUser = async (tx: Tx, userId: string) =>
  db(tx).selectFrom('council_persons').select(['id', 'given_name', 'family_name', 'party_id', 'email']).where('user_id', '=', userId).execute();

// A seat: a membership other than substitute in the meeting's body on the meeting day (the
// membership's dates lie within its term; the council's own seatsOn reads seats the same way).
const seatOf = (persons: readonly string[]) => sql`exists (select 1 from council_memberships s where s.body_id = m.body_id and s.person_id in (${ids(persons)})
  and s.role <> 'substitute' and s.starts_on <= (m.starts_at at time zone 'UTC')::date and (s.ends_on is null or s.ends_on >= (m.starts_at at time zone 'UTC')::date))`;
// A substitute called to this meeting who has not declined.
const calledTo = (persons: readonly string[]) => sql`exists (select 1 from council_substitute_calls k where k.meeting_id = m.id
  and k.substitute_person_id in (${ids(persons)}) and k.status <> 'declined')`;

export interface MyMeetingRow {
  id: string; body_id: string; body_name: string; starts_at: Date; ends_at: Date | null; location: string | null;
  status: string; current_item_id: string | null; seated: boolean; called: boolean;
}

/** Meetings of the bodies the persons sit in (or are called to), from `from` on; one meeting when `meetingId` is given. */
export async function selectMyMeetings(tx: Tx, persons: readonly string[], f: { from?: Date; meetingId?: string }): Promise<MyMeetingRow[]> {
  if (!persons.length) return [];
  const rows = await sql<MyMeetingRow>`
    select m.id, m.body_id, b.name as body_name, m.starts_at, m.ends_at, m.location, m.status, m.current_item_id,
      ${seatOf(persons)} as seated, ${calledTo(persons)} as called
    from council_meetings m join council_bodies b on b.id = m.body_id
    where (${seatOf(persons)} or ${calledTo(persons)})
      ${f.meetingId ? sql`and m.id = ${f.meetingId}::uuid` : sql``}
      ${f.from ? sql`and m.status <> 'cancelled' and coalesce(m.ends_at, m.starts_at + interval '12 hours') >= ${f.from}` : sql``}
    order by m.starts_at, m.id limit 200`.execute(tx);
  return rows.rows.map((r) => ({ ...r, seated: Boolean(r.seated), called: Boolean(r.called) }));
}

/** The person's seat in the meeting's body on the day, with the party list it belongs to. */
export async function seatInMeeting(tx: Tx, persons: readonly string[], meetingId: string) {
  if (!persons.length) return undefined;
  return (await sql<{ person_id: string; party_id: string | null }>`
    select s.person_id, coalesce(s.party_id, p.party_id) as party_id
    from council_meetings m join council_memberships s on s.body_id = m.body_id join council_persons p on p.id = s.person_id
    where m.id = ${meetingId}::uuid and s.person_id in (${ids(persons)}) and s.role <> 'substitute'
      and s.starts_on <= (m.starts_at at time zone 'UTC')::date and (s.ends_on is null or s.ends_on >= (m.starts_at at time zone 'UTC')::date)
    order by s.created_at limit 1`.execute(tx)).rows[0];
}

export interface SubstituteCandidate { person_id: string; given_name: string; family_name: string; email: string | null }

/**
 * The next substitute of a party list for a meeting: in the list's order, skipping anyone already
 * called to this meeting, anyone reported absent, and anyone who holds a seat in the body themselves.
 */
export async function nextSubstitute(tx: Tx, meetingId: string, partyId: string | null): Promise<SubstituteCandidate | undefined> {
  return (await sql<SubstituteCandidate>`
    select s.person_id, p.given_name, p.family_name, p.email
    from council_meetings m join council_memberships s on s.body_id = m.body_id join council_persons p on p.id = s.person_id
    where m.id = ${meetingId}::uuid and s.role = 'substitute'
      and s.starts_on <= (m.starts_at at time zone 'UTC')::date and (s.ends_on is null or s.ends_on >= (m.starts_at at time zone 'UTC')::date)
      and coalesce(s.party_id, p.party_id) is not distinct from ${partyId}::uuid
      and not exists (select 1 from council_substitute_calls k where k.meeting_id = m.id and k.substitute_person_id = s.person_id)
      and not exists (select 1 from council_attendance a where a.meeting_id = m.id and a.person_id = s.person_id and a.status = 'absent')
      and not exists (select 1 from council_memberships o where o.body_id = m.body_id and o.person_id = s.person_id and o.role <> 'substitute'
        and o.starts_on <= (m.starts_at at time zone 'UTC')::date and (o.ends_on is null or o.ends_on >= (m.starts_at at time zone 'UTC')::date))
    order by s.substitute_order nulls last, s.created_at, s.id limit 1`.execute(tx)).rows[0];
}

export const selectItems = (tx: Tx, meetingId: string) =>
  db(tx).selectFrom('council_agenda_items').select(['id', 'position', 'item_number', 'title', 'public_title', 'case_file_id', 'presentation_entry_id', 'late', 'closed', 'closed_legal_basis', 'decision_text'])
    .where('meeting_id', '=', meetingId).orderBy('position').execute();
export const selectItem = (tx: Tx, itemId: string) =>
  db(tx).selectFrom('council_agenda_items').select(['id', 'meeting_id', 'presentation_entry_id']).where('id', '=', itemId).executeTakeFirst();
export const selectProposals = (tx: Tx, itemIds: readonly string[]) =>
  itemIds.length ? db(tx).selectFrom('council_proposals').select(['agenda_item_id', 'position', 'kind', 'text', 'proposer_person_id', 'party_id']).where('agenda_item_id', 'in', itemIds).orderBy('position').execute() : Promise.resolve([]);
export const selectAttendanceOf = (tx: Tx, meetingId: string, persons: readonly string[]) =>
  persons.length ? db(tx).selectFrom('council_attendance').selectAll().where('meeting_id', '=', meetingId).where('person_id', 'in', persons).execute() : Promise.resolve([]);
/** The meetings whose agenda puts this registry entry before the members (its papers). */
export const meetingIdsOfEntry = async (tx: Tx, entryId: string) =>
  (await db(tx).selectFrom('council_agenda_items').select('meeting_id').distinct().where('presentation_entry_id', '=', entryId).execute()).map((r) => r.meeting_id);
export const personNames = async (tx: Tx, personIds: readonly string[]) =>
  new Map((personIds.length ? await db(tx).selectFrom('council_persons').select(['id', 'given_name', 'family_name']).where('id', 'in', personIds).execute() : []).map((p) => [p.id, `${p.given_name} ${p.family_name}`]));
export const bodyOfMeeting = (tx: Tx, meetingId: string) =>
  db(tx).selectFrom('council_meetings').innerJoin('council_bodies', 'council_bodies.id', 'council_meetings.body_id')
    .select(['council_bodies.id', 'council_bodies.name', 'council_bodies.unit_id', 'council_meetings.starts_at', 'council_meetings.location', 'council_meetings.status'])
    .where('council_meetings.id', '=', meetingId).executeTakeFirst();

// --- notes: row-level security shows each member only their own (radhus.user_id) -------------------
export const insertNote = async (tx: Tx, row: NoteRow) => void (await db(tx).insertInto('council_member_notes').values(row).execute());
export const selectNotes = (tx: Tx, userId: string, itemIds: readonly string[]) =>
  itemIds.length ? db(tx).selectFrom('council_member_notes').selectAll().where('author_user_id', '=', userId).where('agenda_item_id', 'in', itemIds).orderBy('created_at').orderBy('id').execute() : Promise.resolve([]);
export const selectNote = (tx: Tx, userId: string, id: string) =>
  db(tx).selectFrom('council_member_notes').selectAll().where('id', '=', id).where('author_user_id', '=', userId).executeTakeFirst();
export const updateNoteRow = async (tx: Tx, userId: string, id: string, changes: Pick<NoteRow, 'text' | 'updated_at'>) =>
  Number((await db(tx).updateTable('council_member_notes').set(changes).where('id', '=', id).where('author_user_id', '=', userId).executeTakeFirst()).numUpdatedRows) > 0;
export const deleteNoteRow = async (tx: Tx, userId: string, id: string) =>
  Number((await db(tx).deleteFrom('council_member_notes').where('id', '=', id).where('author_user_id', '=', userId).executeTakeFirst()).numDeletedRows) > 0;

// --- substitute calls -------------------------------------------------------------------------
export const insertCall = async (tx: Tx, row: CallRow) => void (await db(tx).insertInto('council_substitute_calls').values(row).execute());
export const selectCall = (tx: Tx, id: string) => db(tx).selectFrom('council_substitute_calls').selectAll().where('id', '=', id).executeTakeFirst();
export const updateCallRow = async (tx: Tx, id: string, changes: Pick<CallRow, 'status' | 'answered_at'>) =>
  void (await db(tx).updateTable('council_substitute_calls').set(changes).where('id', '=', id).execute());
export const selectCallsOfMeeting = (tx: Tx, meetingId: string) =>
  db(tx).selectFrom('council_substitute_calls').selectAll().where('meeting_id', '=', meetingId).orderBy('called_at').orderBy('id').execute();
