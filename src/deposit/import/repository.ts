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

/**
 * The running journal's unit and officer per journal post: arkivstruktur.xml has no place for them
 * (only internal parties carry them), loependeJournal.xml has. Kept in a temporary table of the
 * import's transaction rather than in memory, so memory does not grow with the journal.
 */
export async function createJournalTable(tx: Tx): Promise<void> {
  await sql`create temporary table import_journal (system_id text primary key, unit text, officer text) on commit drop`.execute(tx);
}

export async function addJournalRows(tx: Tx, rows: { systemId: string; unit: string | null; officer: string | null }[]): Promise<void> {
  if (!rows.length) return;
  const values = sql.join(rows.map((r) => sql`(${r.systemId}, ${r.unit}, ${r.officer})`));
  await sql`insert into import_journal (system_id, unit, officer) values ${values} on conflict (system_id) do nothing`.execute(tx);
}

export async function journalRowsFor(tx: Tx, systemIds: string[]): Promise<Map<string, { unit: string | null; officer: string | null }>> {
  if (!systemIds.length) return new Map();
  const list = sql.join(systemIds.map((id) => sql`${id}`));
  const rows = (await sql<{ system_id: string; unit: string | null; officer: string | null }>`select system_id, unit, officer from import_journal where system_id in (${list})`.execute(tx)).rows;
  return new Map(rows.map((r) => [r.system_id, { unit: r.unit, officer: r.officer }]));
}
