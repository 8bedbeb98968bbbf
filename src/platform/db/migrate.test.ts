// SPDX-License-Identifier: EUPL-1.2
// Migrations are forward-only: applied once, never edited afterwards, and a database newer than the
// code is refused rather than used.
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database } from './database.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { freshDatabaseUrl } from '../../test-support/app.ts';

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const open = async () => (db = await openDatabase({ databaseUrl: await freshDatabaseUrl() }));

describe('migrate', () => {
  it('numbers the migration files 1…n without gaps', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('applies every migration once', async () => {
    const database = await open();
    const lines: string[] = [];
    expect(await migrate(database, (line) => lines.push(line))).toBe(loadMigrations().length);
    expect(lines[0]).toMatch(/^migrating 0001_platform$/);
    expect(await migrate(database)).toBe(0);
  });

  it('refuses a database whose applied migration was edited afterwards', async () => {
    const database = await open();
    await migrate(database);
    await sql`update schema_migrations set checksum = 'edited' where version = 2`.execute(database.kysely);
    await expect(migrate(database)).rejects.toThrow(/migration 2 \(identity\) was changed after it was applied/);
  });

  it('refuses a database that is newer than the code', async () => {
    const database = await open();
    await migrate(database);
    await sql`insert into schema_migrations (version, name, checksum) values (999, 'from_the_future', 'x')`.execute(database.kysely);
    await expect(migrate(database)).rejects.toThrow(/newer than the code/);
  });
});
