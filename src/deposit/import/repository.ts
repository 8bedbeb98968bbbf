// SPDX-License-Identifier: EUPL-1.2
// What the import reads from the municipality it loads into (read only; the archive module writes).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';

/** The series of this municipality that already carry one of these systemIDs (a package loaded before). */
export async function seriesWithSystemIds(tx: Tx, systemIds: readonly string[]): Promise<{ system_id: string; title: string }[]> {
  if (!systemIds.length) return [];
  const list = sql.join(systemIds.map((id) => sql`${id}`));
  return (await sql<{ system_id: string; title: string }>`select system_id, title from series where system_id in (${list}) order by system_id`.execute(tx)).rows;
}
