// SPDX-License-Identifier: EUPL-1.2
// SQL of the council's roster (migration 0022): terms, parties, persons, bodies, memberships.
// Row-level security keeps every query inside the transaction's municipality.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { CouncilTables, CouncilBodiesTable, CouncilMembershipsTable, CouncilPartiesTable, CouncilPersonsTable, CouncilTermsTable } from './tables.ts';

export type TermRow = CouncilTermsTable;
export type PartyRow = CouncilPartiesTable;
export type PersonRow = CouncilPersonsTable;
export type BodyRow = CouncilBodiesTable;
export type MembershipRow = CouncilMembershipsTable;

const db = (tx: Tx) => tables<CouncilTables>(tx);
// Dates come back as text on both engines, so the API shows them as written.
const dateText = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const term = (r: TermRow): TermRow => ({ ...r, starts_on: dateText(r.starts_on), ends_on: dateText(r.ends_on) });
const membership = (r: MembershipRow): MembershipRow => ({ ...r, starts_on: dateText(r.starts_on), ends_on: r.ends_on === null ? null : dateText(r.ends_on) });

export const insertTerm = async (tx: Tx, row: TermRow) => void (await db(tx).insertInto('council_terms').values(row).execute());
export const selectTerms = async (tx: Tx) => (await db(tx).selectFrom('council_terms').selectAll().orderBy('starts_on', 'desc').orderBy('id').execute()).map(term);
export const selectTerm = async (tx: Tx, id: string) => {
  const r = await db(tx).selectFrom('council_terms').selectAll().where('id', '=', id).executeTakeFirst();
  return r && term(r);
};
/** The term running on a day (the newest if terms overlap). */
export const selectTermOn = async (tx: Tx, day: string) => {
  const r = await db(tx).selectFrom('council_terms').selectAll().where('starts_on', '<=', day).where('ends_on', '>=', day).orderBy('starts_on', 'desc').executeTakeFirst();
  return r && term(r);
};
export const termNameTaken = async (tx: Tx, name: string) => Boolean(await db(tx).selectFrom('council_terms').select('id').where('name', '=', name).executeTakeFirst());

export const insertParty = async (tx: Tx, row: PartyRow) => void (await db(tx).insertInto('council_parties').values(row).execute());
export const selectParties = (tx: Tx) => db(tx).selectFrom('council_parties').selectAll().orderBy('code').execute();
export const selectParty = (tx: Tx, id: string) => db(tx).selectFrom('council_parties').selectAll().where('id', '=', id).executeTakeFirst();
export const partyCodeTaken = async (tx: Tx, code: string) => Boolean(await db(tx).selectFrom('council_parties').select('id').where('code', '=', code).executeTakeFirst());

export const insertPerson = async (tx: Tx, row: PersonRow) => void (await db(tx).insertInto('council_persons').values(row).execute());
export const selectPersons = (tx: Tx) => db(tx).selectFrom('council_persons').selectAll().orderBy('family_name').orderBy('given_name').orderBy('id').execute();
export const selectPerson = (tx: Tx, id: string) => db(tx).selectFrom('council_persons').selectAll().where('id', '=', id).executeTakeFirst();
export const updatePersonRow = async (tx: Tx, id: string, changes: Partial<PersonRow>) => void (await db(tx).updateTable('council_persons').set(changes).where('id', '=', id).execute());

export const insertBody = async (tx: Tx, row: BodyRow) => void (await db(tx).insertInto('council_bodies').values(row).execute());
export const selectBodies = (tx: Tx) => db(tx).selectFrom('council_bodies').selectAll().orderBy('kind').orderBy('code').execute();
export const selectBody = (tx: Tx, id: string) => db(tx).selectFrom('council_bodies').selectAll().where('id', '=', id).executeTakeFirst();
export const bodyCodeTaken = async (tx: Tx, code: string, except?: string) =>
  Boolean(await db(tx).selectFrom('council_bodies').select('id').where('code', '=', code).$if(Boolean(except), (q) => q.where('id', '<>', except!)).executeTakeFirst());
export const updateBodyRow = async (tx: Tx, id: string, changes: Partial<BodyRow>) => void (await db(tx).updateTable('council_bodies').set(changes).where('id', '=', id).execute());
/** An administrative unit of this municipality exists (the body's secretariat). */
export const unitExists = async (tx: Tx, id: string) => Boolean((await sql`select 1 from administrative_units where id = ${id}`.execute(tx)).rows[0]);
/** A user holds a role in this municipality (a politician's login for the tablet workspace). */
export const userHere = async (tx: Tx, id: string) => Boolean((await sql`select 1 from role_assignments where user_id = ${id} and tenant_id = radhus_tenant()`.execute(tx)).rows[0]);

export const insertMembership = async (tx: Tx, row: MembershipRow) => void (await db(tx).insertInto('council_memberships').values(row).execute());
export const selectMemberships = async (tx: Tx, bodyId: string) =>
  (await db(tx).selectFrom('council_memberships').selectAll().where('body_id', '=', bodyId)
    .orderBy(sql`case role when 'leader' then 0 when 'deputy' then 1 when 'member' then 2 else 3 end`).orderBy('party_id').orderBy('substitute_order').orderBy('id').execute()).map(membership);
export const selectMembership = async (tx: Tx, id: string) => {
  const r = await db(tx).selectFrom('council_memberships').selectAll().where('id', '=', id).executeTakeFirst();
  return r && membership(r);
};
export const updateMembershipRow = async (tx: Tx, id: string, changes: Partial<MembershipRow>) => void (await db(tx).updateTable('council_memberships').set(changes).where('id', '=', id).execute());
/** A substitute place already held on the same list (body, term, party) in this order. */
export const substituteOrderTaken = async (tx: Tx, m: { body_id: string; term_id: string; party_id: string | null; substitute_order: number }, except?: string) =>
  Boolean(await db(tx).selectFrom('council_memberships').select('id').where('body_id', '=', m.body_id).where('term_id', '=', m.term_id)
    .where('role', '=', 'substitute').where('substitute_order', '=', m.substitute_order)
    .where((eb) => (m.party_id === null ? eb('party_id', 'is', null) : eb('party_id', '=', m.party_id)))
    .$if(Boolean(except), (q) => q.where('id', '<>', except!)).executeTakeFirst());
export const selectAllMemberships = async (tx: Tx) => (await db(tx).selectFrom('council_memberships').selectAll().orderBy('id').execute()).map(membership);
