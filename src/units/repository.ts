// SPDX-License-Identifier: EUPL-1.2
// SQL for administrative units (migration 0005). Row-level security keeps each municipality's own.
import { tables, type Tx } from '../platform/db/transaction.ts';

export interface UnitsTable {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  parent_id: string | null;
  hidden_from_public: boolean;
  created_at: Date;
  created_by: string;
  closed_at: Date | null;
}

interface Tables {
  administrative_units: UnitsTable;
}

const db = (tx: Tx) => tables<Tables>(tx);

export async function selectUnits(tx: Tx, options: { includeClosed: boolean }): Promise<UnitsTable[]> {
  let query = db(tx).selectFrom('administrative_units').selectAll();
  if (!options.includeClosed) query = query.where('closed_at', 'is', null);
  return query.orderBy('code').execute();
}

export async function selectUnit(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<UnitsTable | undefined> {
  let query = db(tx).selectFrom('administrative_units').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function selectUnitByCode(tx: Tx, code: string): Promise<UnitsTable | undefined> {
  return db(tx).selectFrom('administrative_units').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertUnit(tx: Tx, row: UnitsTable): Promise<void> {
  await db(tx).insertInto('administrative_units').values(row).execute();
}

export async function updateUnitRow(tx: Tx, id: string, values: Partial<Pick<UnitsTable, 'code' | 'name' | 'parent_id' | 'hidden_from_public' | 'closed_at'>>): Promise<void> {
  await db(tx).updateTable('administrative_units').set(values).where('id', '=', id).execute();
}

export interface UnitMembersTable {
  tenant_id: string;
  unit_id: string;
  user_id: string;
  created_at: Date;
  created_by: string;
}

export interface MemberRow extends UnitMembersTable {
  name: string;
}

const members = (tx: Tx) => tables<{ unit_members: UnitMembersTable; users: { id: string; name: string } }>(tx);

/** Memberships with the person's name, by unit then name; optionally of one unit or one person. */
export async function selectMembers(tx: Tx, filter: { unitId?: string | undefined; userId?: string | undefined }): Promise<MemberRow[]> {
  let query = members(tx)
    .selectFrom('unit_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.tenant_id', 'm.unit_id', 'm.user_id', 'm.created_at', 'm.created_by', 'u.name']);
  if (filter.unitId) query = query.where('m.unit_id', '=', filter.unitId);
  if (filter.userId) query = query.where('m.user_id', '=', filter.userId);
  return query.orderBy('m.unit_id').orderBy('u.name').orderBy('m.user_id').execute();
}

/** Inserts the membership unless it exists; true when it was new. */
export async function insertMember(tx: Tx, row: UnitMembersTable): Promise<boolean> {
  const inserted = await members(tx).insertInto('unit_members').values(row).onConflict((oc) => oc.doNothing()).returning('user_id').execute();
  return inserted.length > 0;
}

export async function deleteMember(tx: Tx, unitId: string, userId: string): Promise<boolean> {
  const result = await members(tx).deleteFrom('unit_members').where('unit_id', '=', unitId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0) > 0;
}
