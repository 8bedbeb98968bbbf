// SPDX-License-Identifier: EUPL-1.2
// `radhus restore <file>`: a backup into an empty data folder or database. The schema is migrated to
// the backup's version, the documents are put into the store (checked against their names), the
// rows go in in one transaction, and the remaining migrations of this version run last, so a backup
// from an older version restores into a newer one.
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { extract } from 'tar';
import type { Database } from '../db/database.ts';
import { loadMigrations, migrate } from '../db/migrate.ts';
import type { Tx } from '../db/transaction.ts';
import type { FileStore } from '../files/store.ts';
import { FORMAT, MANIFEST, type BackupManifest } from './format.ts';
import { assertSeesEverything, listTables, quoteIdent, type TableInfo } from './schema.ts';

const BATCH = 500;

export class RestoreError extends Error {}

/** A backup unpacked and checked, before any database is opened: a wrong file creates nothing. */
export interface OpenedBackup {
  manifest: BackupManifest;
  staging: string;
  close(): Promise<void>;
}

export async function openBackup(archive: string): Promise<OpenedBackup> {
  const staging = await mkdtemp(join(tmpdir(), 'radhus-restore-'));
  const close = () => rm(staging, { recursive: true, force: true });
  try {
    await extract({ file: archive, cwd: staging, strict: true }).catch((error: Error) => {
      throw new RestoreError(`${archive} is not a Rådhus backup (${error.message})`);
    });
    return { manifest: await readManifest(staging, archive), staging, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function restore(db: Database, files: FileStore, backup: OpenedBackup, log: (line: string) => void = () => {}): Promise<BackupManifest> {
  const { manifest, staging } = backup;
  await assertEmpty(db);
  const version = Math.max(0, ...manifest.migrations.map((m) => m.version));
  await migrate(db, log, version);
  await putFiles(files, staging, manifest);
  log(`restored ${manifest.files} stored file(s)`);
  await db.kysely.transaction().execute(async (tx) => {
    await assertSeesEverything(tx);
    const tables = new Map((await listTables(tx)).map((t) => [t.name, t]));
    for (const entry of manifest.tables) {
      const table = tables.get(entry.name);
      if (!table) throw new RestoreError(`the backup has table ${entry.name}, which migration ${version} does not create`);
      const rows = await loadTable(tx, table, join(staging, entry.file));
      if (rows !== entry.rows) throw new RestoreError(`${entry.file} has ${rows} row(s), the manifest says ${entry.rows}: the backup is damaged`);
      if (rows) log(`${entry.name}: ${rows} row(s)`);
    }
  });
  const later = await migrate(db, log);
  if (later) log(`applied ${later} migration(s) newer than the backup`);
  return manifest;
}

async function readManifest(staging: string, archive: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(join(staging, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new RestoreError(`${archive} has no readable ${MANIFEST}: it is not a Rådhus backup`);
  }
  if (manifest.format !== FORMAT) throw new RestoreError(`${archive} is in format "${manifest.format}"; this version reads ${FORMAT}`);
  const code = loadMigrations();
  for (const m of manifest.migrations) {
    const mine = code.find((c) => c.version === m.version);
    if (!mine || mine.checksum !== m.checksum)
      throw new RestoreError(`the backup was made by another version of Rådhus (migration ${m.version} ${m.name} differs from this one's): restore it with that version, then upgrade`);
  }
  return manifest;
}

async function assertEmpty(db: Database): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(db.kysely);
  if (rows[0]!.n > 0) throw new RestoreError('the target is not empty: restore into an empty DATA_DIR or a new, empty database');
}

async function putFiles(files: FileStore, staging: string, manifest: BackupManifest): Promise<void> {
  const names = await readdir(join(staging, 'files')).catch(() => [] as string[]);
  if (names.length !== manifest.files) throw new RestoreError(`the backup holds ${names.length} file(s), the manifest says ${manifest.files}: the backup is damaged`);
  for (const name of names) {
    // Content-addressed: a file whose bytes do not hash to its name is damaged, and is refused.
    const stored = await files.put(createReadStream(join(staging, 'files', name)));
    if (stored.checksum !== name) throw new RestoreError(`file ${name} in the backup is damaged (its bytes hash to ${stored.checksum})`);
  }
}

async function loadTable(tx: Tx, table: TableInfo, file: string): Promise<number> {
  const name = quoteIdent(table.name);
  const forced = (await sql<{ forced: boolean }>`select relforcerowsecurity as forced from pg_class where oid = ${table.name}::regclass`.execute(tx)).rows[0]?.forced;
  // Rows come back as they were, archived ones included: the freeze and no-delete triggers guard
  // changes made by the application, not this copy, and are on again before the commit.
  await sql.raw(`alter table ${name} disable trigger user`).execute(tx);
  if (forced) await sql.raw(`alter table ${name} no force row level security`).execute(tx);
  const columns = table.columns.map(quoteIdent).join(', ');
  // json_populate_recordset turns each JSON value back into the column's type (dates, tsvector, jsonb).
  const head = sql.raw(`insert into ${name} (${columns})${table.identity.length ? ' overriding system value' : ''} select ${columns} from json_populate_recordset(null::${name}, `);
  let batch: string[] = [];
  let count = 0;
  const flush = async () => {
    if (!batch.length) return;
    await sql`${head}${`[${batch.join(',')}]`}::json)`.execute(tx);
    count += batch.length;
    batch = [];
  };
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(line);
    // A table that refers to itself goes in one statement: its foreign keys are checked at the end.
    if (!table.selfReferencing && batch.length >= BATCH) await flush();
  }
  await flush();
  await sql.raw(`alter table ${name} enable trigger user`).execute(tx);
  if (forced) await sql.raw(`alter table ${name} force row level security`).execute(tx);
  for (const column of table.identity) {
    const col = quoteIdent(column);
    await sql.raw(`select setval(pg_get_serial_sequence('${name}', '${column.replace(/'/g, "''")}'), greatest(coalesce(max(${col}), 0), 1), max(${col}) is not null) from ${name}`).execute(tx);
  }
  return count;
}

