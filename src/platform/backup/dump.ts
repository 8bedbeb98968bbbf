// SPDX-License-Identifier: EUPL-1.2
// `radhus backup`: one file with the database and the stored documents, consistent while the server
// runs. The rows come from one REPEATABLE READ snapshot; the files are copied after it, which is
// enough because a stored file is on disk before the row naming it commits, and none is deleted.
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { create as createTar } from 'tar';
import type { AppContext } from '../context.ts';
import { FORMAT, MANIFEST, tableFile, type BackupManifest } from './format.ts';
import { assertSeesEverything, listTables, quoteIdent } from './schema.ts';

const BATCH = 1000;

export async function backup(ctx: AppContext, outFile: string, log: (line: string) => void = () => {}): Promise<BackupManifest> {
  // mkdtemp makes the folder 0700: documents are personal data even on their way into the file.
  const staging = await mkdtemp(join(tmpdir(), 'radhus-backup-'));
  try {
    const manifest = await dumpDatabase(ctx, staging, log);
    const files = await copyFiles(ctx, staging);
    manifest.files = files.count;
    manifest.bytes = files.bytes;
    log(`copied ${files.count} stored file(s), ${files.bytes} bytes`);
    await writeFile(join(staging, MANIFEST), JSON.stringify(manifest, null, 2), { mode: 0o600 });
    await writeArchive(staging, outFile);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function dumpDatabase(ctx: AppContext, staging: string, log: (line: string) => void): Promise<BackupManifest> {
  await mkdir(join(staging, 'db'), { mode: 0o700 });
  return ctx.db.kysely.transaction().execute(async (tx) => {
    // The first statement: one snapshot for every table; on PGlite the single connection is held.
    await sql`set transaction isolation level repeatable read, read only`.execute(tx);
    await assertSeesEverything(tx);
    const migrations = (await sql<{ version: number; name: string; checksum: string }>`select version, name, checksum from schema_migrations order by version`.execute(tx)).rows;
    const manifest: BackupManifest = { format: FORMAT, createdAt: ctx.clock.now().toISOString(), engine: ctx.db.engine, migrations, tables: [], files: 0, bytes: 0 };
    const tables = await listTables(tx);
    for (const [index, table] of tables.entries()) {
      const file = tableFile(index + 1, table.name);
      const out = createWriteStream(join(staging, file), { mode: 0o600 });
      let rows = 0;
      await sql.raw(`declare radhus_backup no scroll cursor for select row_to_json(t)::text as row from ${quoteIdent(table.name)} t`).execute(tx);
      for (;;) {
        const batch = await sql.raw<{ row: string }>(`fetch ${BATCH} from radhus_backup`).execute(tx);
        for (const r of batch.rows) if (!out.write(`${r.row}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        rows += batch.rows.length;
        if (batch.rows.length < BATCH) break;
      }
      await sql.raw('close radhus_backup').execute(tx);
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      manifest.tables.push({ name: table.name, file, rows });
      if (rows) log(`${table.name}: ${rows} row(s)`);
    }
    return manifest;
  });
}

async function copyFiles(ctx: AppContext, staging: string): Promise<{ count: number; bytes: number }> {
  await mkdir(join(staging, 'files'), { mode: 0o700 });
  let count = 0;
  let bytes = 0;
  for await (const checksum of ctx.files.list()) {
    const target = join(staging, 'files', checksum);
    // Read through the store, which verifies the checksum: a damaged file fails the backup loudly.
    await pipeline(ctx.files.get(checksum), createWriteStream(target, { mode: 0o600 }));
    count++;
    bytes += (await stat(target)).size;
  }
  return { count, bytes };
}

async function writeArchive(staging: string, outFile: string): Promise<void> {
  await mkdir(dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  await createTar({ gzip: true, file: partial, cwd: staging, portable: true }, [MANIFEST, 'db', 'files']);
  await chmod(partial, 0o600);
  const handle = await open(partial, 'r');
  await handle.sync();
  await handle.close();
  // Only a complete backup carries the name the operator asked for.
  await rename(partial, outFile);
}
