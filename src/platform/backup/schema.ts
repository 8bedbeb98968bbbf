// SPDX-License-Identifier: EUPL-1.2
// What a backup needs to know of the schema, read from the catalogue so no module has to register
// its tables: every table of the public schema in foreign-key order, and the user's right to read
// every municipality's rows.
import { sql } from 'kysely';
import type { Tx } from '../db/transaction.ts';

export interface TableInfo {
  name: string;
  /** Has a foreign key to itself (classes, units): its rows go in one statement. */
  selfReferencing: boolean;
  /** Columns to restore (generated columns are computed, not inserted). */
  columns: string[];
  /** Identity columns whose sequence must continue after the restored rows. */
  identity: string[];
}

export async function listTables(tx: Tx): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'schema_migrations' order by c.relname`.execute(tx);
  const edges = await sql<{ child: string; parent: string }>`
    select distinct c.relname as child, p.relname as parent from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`.execute(tx);
  const columns = await sql<{ table: string; column: string; identity: string; generated: string }>`
    select c.relname as table, a.attname as column, a.attidentity as identity, a.attgenerated as generated
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum`.execute(tx);

  const parents = new Map<string, Set<string>>(tables.rows.map((t) => [t.name, new Set<string>()]));
  for (const e of edges.rows) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name)) return;
    if (path.has(name)) throw new Error(`foreign keys form a cycle through ${name}: a backup cannot order its tables`);
    path.add(name);
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent, path);
    path.delete(name);
    placed.add(name);
    ordered.push(name);
  };
  for (const t of tables.rows) visit(t.name, new Set());

  return ordered.map((name) => {
    const own = columns.rows.filter((c) => c.table === name);
    return {
      name,
      selfReferencing: edges.rows.some((e) => e.child === name && e.parent === name),
      columns: own.filter((c) => c.generated === '').map((c) => c.column),
      identity: own.filter((c) => c.identity !== '').map((c) => c.column),
    };
  });
}

/**
 * A backup reads, and a restore writes, every municipality's rows in one go: the database user must
 * not be held back by row-level security (superuser, BYPASSRLS, or owner of tables whose RLS is
 * not forced). Says which tables stand in the way otherwise.
 */
export async function assertSeesEverything(tx: Tx): Promise<void> {
  const blocked = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_roles r on r.rolname = current_user
    where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity
      and not (r.rolsuper or r.rolbypassrls or (c.relowner = r.oid and not c.relforcerowsecurity))
    order by 1`.execute(tx);
  if (blocked.rows.length)
    throw new Error(
      `the database user cannot see every municipality's rows of ${blocked.rows.map((r) => r.name).join(', ')} (row-level security): ` +
        'run backup and restore as a superuser or a user with BYPASSRLS (ALTER ROLE <user> BYPASSRLS), see docs/operations.md',
    );
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
