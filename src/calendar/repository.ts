// SPDX-License-Identifier: EUPL-1.2
// SQL for a municipality's own closed days. Runs inside a tenant transaction: row-level security
// keeps each municipality to its own days.
import { tables, type Tx } from '../platform/db/transaction.ts';

export interface ClosedDayRow {
  id: string;
  tenant_id: string;
  /** 'YYYY-MM-DD' (dates are read as text, platform/db/database.ts) */
  day: string;
  reason: string;
  created_at: Date;
  created_by: string;
}
interface Tables {
  closed_days: ClosedDayRow;
}

export async function selectClosedDays(tx: Tx, range: { from?: string; to?: string } = {}): Promise<ClosedDayRow[]> {
  let query = tables<Tables>(tx).selectFrom('closed_days').selectAll();
  if (range.from) query = query.where('day', '>=', range.from);
  if (range.to) query = query.where('day', '<=', range.to);
  return query.orderBy('day').execute();
}

export async function selectClosedDayDates(tx: Tx): Promise<string[]> {
  const rows = await tables<Tables>(tx).selectFrom('closed_days').select('day').execute();
  return rows.map((row) => row.day);
}

export async function findClosedDayOn(tx: Tx, day: string): Promise<ClosedDayRow | undefined> {
  return tables<Tables>(tx).selectFrom('closed_days').selectAll().where('day', '=', day).executeTakeFirst();
}

export async function insertClosedDay(tx: Tx, row: ClosedDayRow): Promise<void> {
  await tables<Tables>(tx).insertInto('closed_days').values(row).execute();
}

/** Deletes one closed day; returns whether it existed. */
export async function deleteClosedDay(tx: Tx, id: string): Promise<boolean> {
  const result = await tables<Tables>(tx).deleteFrom('closed_days').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
