// SPDX-License-Identifier: EUPL-1.2
// Forward-only, numbered SQL migrations (migrations/NNNN_name.sql), the same files for PGlite and
// PostgreSQL. An applied migration that was edited afterwards is refused: history is not rewritten.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.ts';

export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = migrationsDir): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const migrations = files.map((file) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`migration file "${file}" must be named NNNN_name.sql`);
    const text = readFileSync(join(dir, file), 'utf8');
    return { version: Number(match[1]), name: match[2]!, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered without gaps: expected ${i + 1}, found ${m.version}`);
  });
  return migrations;
}

// Any fixed number: serialises concurrent migrators (several app servers starting at once).
const MIGRATION_LOCK = 72_011_526;

/** Applies the migrations not yet applied; `upTo` stops after that version (restoring a backup made by an older version). */
export async function migrate(db: Database, log: (line: string) => void = () => {}, upTo = Number.POSITIVE_INFINITY): Promise<number> {
  const migrations = loadMigrations().filter((m) => m.version <= upTo);
  await db.execScript(`create table if not exists schema_migrations (
    version integer primary key, name text not null, checksum text not null,
    applied_at timestamptz not null default now())`);
  return db.kysely.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      const applied = await sql<{ version: number; checksum: string; name: string }>`
        select version, checksum, name from schema_migrations order by version`.execute(conn);
      const known = new Map(applied.rows.map((r) => [r.version, r]));
      for (const row of applied.rows) {
        const mine = migrations.find((m) => m.version === row.version);
        if (!mine) throw new Error(`database has migration ${row.version} (${row.name}) that this version of Rådhus does not know: it is newer than the code`);
        if (mine.checksum !== row.checksum) throw new Error(`migration ${row.version} (${row.name}) was changed after it was applied; add a new migration instead`);
      }
      let count = 0;
      for (const m of migrations) {
        if (known.has(m.version)) continue;
        log(`migrating ${String(m.version).padStart(4, '0')}_${m.name}`);
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await sql`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`.execute(trx);
        });
        count++;
      }
      return count;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
