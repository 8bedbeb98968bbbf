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
