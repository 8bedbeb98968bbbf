// SPDX-License-Identifier: EUPL-1.2
// SQL of meetings, agenda items and attendance, and the reads of everything recorded on an item
// (proposals, votes, ballots, disqualifications, reservations — the decisions' tables, one schema)
// that the secretariat's view and the public projection both need.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { CouncilTables, CouncilAgendaItemsTable, CouncilAttendanceTable, CouncilMeetingsTable } from './tables.ts';

export type MeetingRow = CouncilMeetingsTable;
export type ItemRow = CouncilAgendaItemsTable;
export type AttendanceRow = CouncilAttendanceTable;

const db = (tx: Tx) => tables<CouncilTables>(tx);
const dateText = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const meeting = (r: MeetingRow): MeetingRow => ({ ...r, notice_posted_on: dateText(r.notice_posted_on), appeal_closes_on: dateText(r.appeal_closes_on) });

export const insertMeeting = async (tx: Tx, row: MeetingRow) => void (await db(tx).insertInto('council_meetings').values(row).execute());
export const selectMeeting = async (tx: Tx, id: string) => {
  const r = await db(tx).selectFrom('council_meetings').selectAll().where('id', '=', id).executeTakeFirst();
  return r && meeting(r);
};
export const updateMeetingRow = async (tx: Tx, id: string, changes: Partial<MeetingRow>) => void (await db(tx).updateTable('council_meetings').set(changes).where('id', '=', id).execute());
export async function selectMeetings(tx: Tx, f: { bodyId?: string | undefined; from?: Date | undefined; to?: Date | undefined }): Promise<MeetingRow[]> {
  let q = db(tx).selectFrom('council_meetings').selectAll();
  if (f.bodyId) q = q.where('body_id', '=', f.bodyId);
  if (f.from) q = q.where('starts_at', '>=', f.from);
  if (f.to) q = q.where('starts_at', '<=', f.to);
  return (await q.orderBy('starts_at').orderBy('id').limit(1000).execute()).map(meeting);
}
/** The meetings with an item on this case (to project again when the case's public title changes). */
export const selectMeetingIdsOfCase = async (tx: Tx, caseFileId: string) =>
  (await db(tx).selectFrom('council_agenda_items').select('meeting_id').distinct().where('case_file_id', '=', caseFileId).execute()).map((r) => r.meeting_id);
export const selectMeetingIds = async (tx: Tx) => (await db(tx).selectFrom('council_meetings').select('id').execute()).map((r) => r.id);

export const insertItem = async (tx: Tx, row: ItemRow) => void (await db(tx).insertInto('council_agenda_items').values(row).execute());
export const selectItems = (tx: Tx, meetingId: string) => db(tx).selectFrom('council_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
export const selectItem = (tx: Tx, id: string) => db(tx).selectFrom('council_agenda_items').selectAll().where('id', '=', id).executeTakeFirst();
export const updateItemRow = async (tx: Tx, id: string, changes: Partial<ItemRow>) => void (await db(tx).updateTable('council_agenda_items').set(changes).where('id', '=', id).execute());
/** New positions 1…n in the order given; shifted out of the way first, since (meeting_id, position) is unique. */
export async function reorderItems(tx: Tx, meetingId: string, itemIds: string[], at: Date): Promise<void> {
  await sql`update council_agenda_items set position = position + 100000 where meeting_id = ${meetingId}`.execute(tx);
  for (const [i, id] of itemIds.entries())
    await db(tx).updateTable('council_agenda_items').set({ position: i + 1, updated_at: at }).where('id', '=', id).where('meeting_id', '=', meetingId).execute();
}
export const deleteItemRow = async (tx: Tx, id: string) => void (await db(tx).deleteFrom('council_agenda_items').where('id', '=', id).execute());
export const nextItemPosition = async (tx: Tx, meetingId: string) =>
  Number((await sql<{ n: number }>`select coalesce(max(position), 0) + 1 as n from council_agenda_items where meeting_id = ${meetingId}`.execute(tx)).rows[0]!.n);
/** Anything recorded on an item (proposals, votes, …): an item with records is not removed. */
export const itemHasRecords = async (tx: Tx, id: string) => Boolean((await sql`select 1 where exists (select 1 from council_proposals where agenda_item_id = ${id})
  or exists (select 1 from council_votes where agenda_item_id = ${id}) or exists (select 1 from council_disqualifications where agenda_item_id = ${id})
  or exists (select 1 from council_reservations where agenda_item_id = ${id})`.execute(tx)).rows[0]);

export const selectAttendance = (tx: Tx, meetingId: string) => db(tx).selectFrom('council_attendance').selectAll().where('meeting_id', '=', meetingId).orderBy('person_id').execute();
export async function replaceAttendance(tx: Tx, meetingId: string, rows: AttendanceRow[]): Promise<void> {
  await db(tx).deleteFrom('council_attendance').where('meeting_id', '=', meetingId).execute();
  if (rows.length) await db(tx).insertInto('council_attendance').values(rows).execute();
}
/** One person's row, added or replaced (a member's own absence, a substitute who accepted the call). */
export const upsertAttendance = async (tx: Tx, row: AttendanceRow) =>
  void (await db(tx).insertInto('council_attendance').values(row)
    .onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doUpdateSet({ status: row.status, substitute_for: row.substitute_for, reported_at: row.reported_at })).execute());
/** The persons with a seat (member, leader, deputy) or a substitute place in the body on a day. */
export const seatsOn = async (tx: Tx, bodyId: string, day: string) =>
  db(tx).selectFrom('council_memberships').select(['person_id', 'role', 'party_id', 'substitute_order']).where('body_id', '=', bodyId)
    .where('starts_on', '<=', day).where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', day)])).execute();

// --- what the decisions' side recorded on items ---------------------------------------------------
export const selectProposals = (tx: Tx, itemIds: string[]) =>
  itemIds.length ? db(tx).selectFrom('council_proposals').selectAll().where('agenda_item_id', 'in', itemIds).orderBy('position').execute() : Promise.resolve([]);
export const selectVotes = (tx: Tx, itemIds: string[]) =>
  itemIds.length ? db(tx).selectFrom('council_votes').selectAll().where('agenda_item_id', 'in', itemIds).orderBy('position').execute() : Promise.resolve([]);
export const selectVoteCounts = (tx: Tx, voteIds: string[]) =>
  voteIds.length ? db(tx).selectFrom('council_vote_counts').selectAll().where('vote_id', 'in', voteIds).orderBy('option').execute() : Promise.resolve([]);
export const selectBallots = (tx: Tx, voteIds: string[]) =>
  voteIds.length ? db(tx).selectFrom('council_ballots').selectAll().where('vote_id', 'in', voteIds).orderBy('person_id').execute() : Promise.resolve([]);
export const selectDisqualifications = (tx: Tx, itemIds: string[]) =>
  itemIds.length ? db(tx).selectFrom('council_disqualifications').selectAll().where('agenda_item_id', 'in', itemIds).execute() : Promise.resolve([]);
export const selectReservations = (tx: Tx, itemIds: string[]) =>
  itemIds.length ? db(tx).selectFrom('council_reservations').selectAll().where('agenda_item_id', 'in', itemIds).orderBy('created_at').execute() : Promise.resolve([]);
export const selectAdjusters = (tx: Tx, meetingId: string) => db(tx).selectFrom('council_adjusters').selectAll().where('meeting_id', '=', meetingId).execute();
