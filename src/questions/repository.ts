// SPDX-License-Identifier: EUPL-1.2
// SQL of the questions to politicians (migration 0028): the working table council_questions (per
// tenant under radhus_app), its public projection public_council_questions, and the public roster
// the public pages and the "ask" form name the recipients from (read under radhus_public).
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { PublicCouncilTables } from '../council/tables.ts';
import type { CouncilQuestionsTable, PublicCouncilQuestionsTable, QuestionStatus, QuestionTables } from './tables.ts';

export type QuestionRow = CouncilQuestionsTable;
export type PublicQuestionRow = PublicCouncilQuestionsTable;
export type PublicPerson = PublicCouncilTables['public_council_persons'];
export type PublicParty = PublicCouncilTables['public_council_parties'];

const db = (tx: Tx) => tables<QuestionTables>(tx);
const roster = (tx: Tx) => tables<PublicCouncilTables>(tx);

// --- working table -----------------------------------------------------------------------------
export const insertQuestion = async (tx: Tx, row: QuestionRow) => void (await db(tx).insertInto('council_questions').values(row).execute());
export const selectQuestion = (tx: Tx, id: string) => db(tx).selectFrom('council_questions').selectAll().where('id', '=', id).executeTakeFirst();
/** Locks the row: two answers at once cannot both see it open. */
export const selectQuestionForUpdate = (tx: Tx, id: string) => db(tx).selectFrom('council_questions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
export const updateQuestionRow = async (tx: Tx, id: string, changes: Partial<QuestionRow>) => void (await db(tx).updateTable('council_questions').set(changes).where('id', '=', id).execute());
export const selectQuestionsOfAsker = (tx: Tx, userId: string) =>
  db(tx).selectFrom('council_questions').selectAll().where('asker_user_id', '=', userId).orderBy('asked_at', 'desc').orderBy('id', 'desc').limit(200).execute();
/** Questions to these persons or these parties (a politician's own and their party's), open first. */
export async function selectQuestionsTo(tx: Tx, personIds: readonly string[], partyIds: readonly string[]): Promise<QuestionRow[]> {
  if (!personIds.length && !partyIds.length) return [];
  return db(tx).selectFrom('council_questions').selectAll()
    .where((eb) => eb.or([...(personIds.length ? [eb('person_id', 'in', personIds)] : []), ...(partyIds.length ? [eb('party_id', 'in', partyIds)] : [])]))
    .where('status', 'in', ['open', 'answered'])
    .orderBy((eb) => eb.case().when('status', '=', 'open').then(0).else(1).end())
    .orderBy('asked_at', 'desc').orderBy('id', 'desc').limit(500).execute();
}
export const anyQuestion = async (tx: Tx) => Boolean(await db(tx).selectFrom('council_questions').select('id').limit(1).executeTakeFirst());
export const selectAllQuestionIds = async (tx: Tx) => (await db(tx).selectFrom('council_questions').select('id').execute()).map((r) => r.id);

// --- public projection -------------------------------------------------------------------------
export async function upsertPublicQuestion(tx: Tx, row: PublicQuestionRow): Promise<void> {
  const { id: _id, ...changes } = row;
  await db(tx).insertInto('public_council_questions').values(row).onConflict((oc) => oc.column('id').doUpdateSet(changes)).execute();
}
export const deletePublicQuestion = async (tx: Tx, id: string) => void (await db(tx).deleteFrom('public_council_questions').where('id', '=', id).execute());
export const deleteAllPublicQuestions = async (tx: Tx) => void (await db(tx).deleteFrom('public_council_questions').execute());

// --- public reads (radhus_public) --------------------------------------------------------------
export interface PublicFilter {
  personId?: string | undefined;
  partyId?: string | undefined;
  /** 'answered', 'open' (unanswered), 'rejected'; none: all. */
  status?: QuestionStatus | undefined;
  after?: { at: Date; id: string } | undefined;
  limit: number;
}

/** Newest first; one more than the limit tells the caller that a next page exists. */
export function selectPublicQuestions(tx: Tx, tenantId: string, f: PublicFilter): Promise<PublicQuestionRow[]> {
  return db(tx).selectFrom('public_council_questions').selectAll().where('tenant_id', '=', tenantId)
    .$if(f.personId !== undefined, (q) => q.where('person_id', '=', f.personId!))
    .$if(f.partyId !== undefined, (q) => q.where('party_id', '=', f.partyId!))
    .$if(f.status !== undefined, (q) => q.where('status', '=', f.status!))
    .$if(f.after !== undefined, (q) => q.where((eb) => eb.or([eb('asked_at', '<', f.after!.at), eb.and([eb('asked_at', '=', f.after!.at), eb('id', '<', f.after!.id)])])))
    .orderBy('asked_at', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute();
}
export const selectPublicQuestion = (tx: Tx, tenantId: string, id: string) =>
  db(tx).selectFrom('public_council_questions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
export const selectPublicPersons = (tx: Tx, tenantId: string) =>
  roster(tx).selectFrom('public_council_persons').selectAll().where('tenant_id', '=', tenantId).orderBy('family_name').orderBy('given_name').orderBy('id').execute();
export const selectPublicParties = (tx: Tx, tenantId: string) =>
  roster(tx).selectFrom('public_council_parties').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
