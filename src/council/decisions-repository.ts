// SPDX-License-Identifier: EUPL-1.2
// SQL of the meeting record: proposals, disqualifications, votes, decisions, reservations, minutes,
// adjusters and video. Functions take the transaction first; row-level security keeps every query
// inside the caller's municipality (a row of another one is simply not found).
import { tables, type Tx } from '../platform/db/transaction.ts';
import { isUuid } from '../platform/ids.ts';
import type { CouncilBodiesTable, CouncilTables, CouncilAdjustersTable, CouncilAgendaItemsTable, CouncilMeetingsTable } from './tables.ts';

/** Columns migration 0024 adds to the schema of 0022. */
interface DecisionTables extends Omit<CouncilTables, 'council_bodies' | 'council_adjusters'> {
  council_bodies: CouncilBodiesTable & { minutes_case_file_id: string | null };
  council_adjusters: CouncilAdjustersTable & { signed_by: string | null };
}
const db = (tx: Tx) => tables<DecisionTables>(tx);

export type MeetingRow = CouncilMeetingsTable;
export type ItemRow = CouncilAgendaItemsTable;
export type BodyRow = DecisionTables['council_bodies'];

/** The meeting, locked: a record change and approving the minutes never interleave. */
export async function lockMeeting(tx: Tx, meetingId: string): Promise<MeetingRow | undefined> {
  if (!isUuid(meetingId)) return undefined;
  return db(tx).selectFrom('council_meetings').selectAll().where('id', '=', meetingId).forUpdate().executeTakeFirst();
}

export async function selectItem(tx: Tx, itemId: string): Promise<ItemRow | undefined> {
  if (!isUuid(itemId)) return undefined;
  return db(tx).selectFrom('council_agenda_items').selectAll().where('id', '=', itemId).executeTakeFirst();
}

export const selectItemsOfMeeting = (tx: Tx, meetingId: string) =>
  db(tx).selectFrom('council_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();

export const selectBody = (tx: Tx, bodyId: string) => db(tx).selectFrom('council_bodies').selectAll().where('id', '=', bodyId).executeTakeFirstOrThrow();

export const setBodyMinutesCase = (tx: Tx, bodyId: string, caseFileId: string, at: Date) =>
  db(tx).updateTable('council_bodies').set({ minutes_case_file_id: caseFileId, updated_at: at }).where('id', '=', bodyId).execute();

export const selectAttendance = (tx: Tx, meetingId: string) =>
  db(tx).selectFrom('council_attendance').selectAll().where('meeting_id', '=', meetingId).execute();

export const selectDisqualifications = (tx: Tx, itemId: string) =>
  db(tx).selectFrom('council_disqualifications').selectAll().where('agenda_item_id', '=', itemId).execute();

/** The persons named, of this municipality (ids of another one are not found). */
export async function selectPersons(tx: Tx, ids: readonly string[]) {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return db(tx).selectFrom('council_persons').selectAll().where('id', 'in', valid).execute();
}

export async function selectParty(tx: Tx, id: string) {
  if (!isUuid(id)) return undefined;
  return db(tx).selectFrom('council_parties').select('id').where('id', '=', id).executeTakeFirst();
}

export async function selectProposalsOfItem(tx: Tx, itemId: string) {
  return db(tx).selectFrom('council_proposals').selectAll().where('agenda_item_id', '=', itemId).orderBy('position').execute();
}

/** The party each person sat for in the body on the day: the membership's, else the person's own. */
export async function partiesInBody(tx: Tx, bodyId: string, day: string, personIds: readonly string[]): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (!personIds.length) return result;
  const persons = await db(tx).selectFrom('council_persons').select(['id', 'party_id']).where('id', 'in', [...personIds]).execute();
  for (const p of persons) result.set(p.id, p.party_id);
  const memberships = await db(tx).selectFrom('council_memberships').select(['person_id', 'party_id'])
    .where('body_id', '=', bodyId).where('person_id', 'in', [...personIds]).where('starts_on', '<=', day)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', day)])).orderBy('starts_on').execute();
  for (const m of memberships) if (m.party_id) result.set(m.person_id, m.party_id);
  return result;
}

const nextPosition = async (tx: Tx, table: 'council_proposals' | 'council_votes', itemId: string): Promise<number> => {
  const row = await db(tx).selectFrom(table).select((eb) => eb.fn.max('position').as('last')).where('agenda_item_id', '=', itemId).executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
};

export async function insertProposal(tx: Tx, row: Omit<DecisionTables['council_proposals'], 'position'>): Promise<number> {
  const position = await nextPosition(tx, 'council_proposals', row.agenda_item_id);
  await db(tx).insertInto('council_proposals').values({ ...row, position }).execute();
  return position;
}

export const insertDisqualification = (tx: Tx, row: DecisionTables['council_disqualifications']) =>
  db(tx).insertInto('council_disqualifications').values(row).onConflict((oc) => oc.columns(['agenda_item_id', 'person_id']).doUpdateSet({ reason: row.reason })).execute();

export async function insertVote(
  tx: Tx,
  vote: Omit<DecisionTables['council_votes'], 'position'>,
  counts: DecisionTables['council_vote_counts'][],
  ballots: DecisionTables['council_ballots'][],
): Promise<number> {
  const position = await nextPosition(tx, 'council_votes', vote.agenda_item_id);
  await db(tx).insertInto('council_votes').values({ ...vote, position }).execute();
  await db(tx).insertInto('council_vote_counts').values(counts).execute();
  if (ballots.length) await db(tx).insertInto('council_ballots').values(ballots).execute();
  return position;
}

export const selectVotesOfItem = (tx: Tx, itemId: string) =>
  db(tx).selectFrom('council_votes').selectAll().where('agenda_item_id', '=', itemId).orderBy('position').execute();

export async function selectCountsOfVotes(tx: Tx, voteIds: readonly string[]) {
  if (!voteIds.length) return [];
  return db(tx).selectFrom('council_vote_counts').selectAll().where('vote_id', 'in', [...voteIds]).execute();
}

export async function selectBallotsOfVotes(tx: Tx, voteIds: readonly string[]) {
  if (!voteIds.length) return [];
  return db(tx).selectFrom('council_ballots').selectAll().where('vote_id', 'in', [...voteIds]).execute();
}

export const selectReservationsOfItem = (tx: Tx, itemId: string) =>
  db(tx).selectFrom('council_reservations').selectAll().where('agenda_item_id', '=', itemId).orderBy('created_at').execute();

export const insertReservation = (tx: Tx, row: DecisionTables['council_reservations']) => db(tx).insertInto('council_reservations').values(row).execute();

export const updateItem = (tx: Tx, itemId: string, patch: Partial<Pick<ItemRow, 'decision_text' | 'decided_at' | 'video_offset_seconds' | 'transcript_sha256' | 'updated_at'>>) =>
  db(tx).updateTable('council_agenda_items').set(patch).where('id', '=', itemId).execute();

export const updateMeeting = (tx: Tx, meetingId: string, patch: Partial<Omit<MeetingRow, 'id' | 'tenant_id'>>) =>
  db(tx).updateTable('council_meetings').set(patch).where('id', '=', meetingId).execute();

export const selectAdjusters = (tx: Tx, meetingId: string) =>
  db(tx).selectFrom('council_adjusters').selectAll().where('meeting_id', '=', meetingId).orderBy('person_id').execute();

export async function replaceAdjusters(tx: Tx, tenantId: string, meetingId: string, personIds: readonly string[]): Promise<void> {
  await db(tx).deleteFrom('council_adjusters').where('meeting_id', '=', meetingId).execute();
  if (personIds.length)
    await db(tx).insertInto('council_adjusters').values(personIds.map((person_id) => ({ tenant_id: tenantId, meeting_id: meetingId, person_id, signed_at: null, signed_by: null }))).execute();
}

export const signAdjuster = (tx: Tx, meetingId: string, personId: string, at: Date, by: string) =>
  db(tx).updateTable('council_adjusters').set({ signed_at: at, signed_by: by }).where('meeting_id', '=', meetingId).where('person_id', '=', personId).execute();

export const selectParties = (tx: Tx) => db(tx).selectFrom('council_parties').select(['id', 'code', 'name']).execute();

export async function selectDisqualificationsOfItems(tx: Tx, itemIds: readonly string[]) {
  if (!itemIds.length) return [];
  return db(tx).selectFrom('council_disqualifications').selectAll().where('agenda_item_id', 'in', [...itemIds]).execute();
}
