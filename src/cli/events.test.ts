// SPDX-License-Identifier: EUPL-1.2
// `radhus events status` and `radhus events replay` end to end on a data folder with the demo
// municipalities (or a fresh PostgreSQL database when RADHUS_TEST_DATABASE_URL is set).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/database.ts';
import { freshDatabaseUrl, testEngine } from '../test-support/app.ts';
import { captureOutput } from './io.ts';
import { main } from './main.ts';

let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'radhus-events-cli-'));
  const databaseUrl = await freshDatabaseUrl();
  env = { NODE_ENV: 'test', DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
});

async function radhus(...argv: string[]) {
  const io = captureOutput();
  const code = await main(argv, io, env);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function inDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const projection = () =>
  inDatabase(async (db) => ({
    cases: (await sql`select * from public_case_files order by id`.execute(db.kysely)).rows,
    entries: (await sql`select * from public_registry_entries order by id`.execute(db.kysely)).rows,
  }));

describe(`radhus events (${testEngine()})`, { timeout: 600_000 }, () => {
  it('status shows each consumer with its position and lag, and the jobs', async () => {
    expect((await radhus('seed-demo')).code).toBe(0);
    const outbox = await inDatabase(async (db) => (await sql<{ n: number; last: number }>`select count(*)::int as n, max(id)::int as last from outbox`.execute(db.kysely)).rows[0]!);
    expect(outbox.n).toBeGreaterThan(100);
    const status = await radhus('events', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout[0]).toMatch(/^CONSUMER\s+POSITION\s+LAG\s+LAG TIME\s+STATUS\s+LAST ERROR$/);
    // No server ran, so nothing was dispatched yet: the whole outbox is its lag.
    // One row per consumer, by name.
    expect(status.stdout.slice(1, 8).map((line) => line.split(/\s+/)[0])).toEqual(['consultations-projection', 'council-projection', 'council-site-follows', 'journal-projection', 'proposals-council', 'proposals-projection', 'questions-projection']);
    expect(status.stdout[4]).toMatch(new RegExp(`^journal-projection\\s+0\\s+${outbox.n}\\s+\\d+s\\s+ok\\s+-$`));
    // Later jobs: the demo's open citizen proposals lapse at their closing time (proposals.lapse).
    expect(status.stdout.find((line) => line.startsWith('Jobs:'))).toMatch(/^Jobs: 0 due, 0 running, 0 failed, [1-9]\d* scheduled for later\.$/);
  });

  it('replay runs a consumer from the start to the end, and a second replay gives the identical projection', async () => {
    const first = await radhus('events', 'replay', 'journal-projection');
    expect(first.code, first.stderr.join('\n')).toBe(0);
    expect(first.stdout.at(-1)).toMatch(/^Replayed journal-projection: \d+ events, \d+ handled; it is at the end of the outbox\.$/);
    const built = await projection();
    expect(built.entries.length).toBeGreaterThan(50);

    // What the archive holds, the projection holds: every entry that is neither void nor wholly screened.
    const expected = await inDatabase(async (db) =>
      (await sql<{ id: string }>`select e.id from registry_entries e join case_files c on c.id = e.case_file_id
        where e.status <> 'void' and c.status <> 'void'
          and not (coalesce(e.screening->'fields', '[]') @> '["title","description","correspondents","documents"]')
        order by e.id`.execute(db.kysely)).rows.map((r) => r.id),
    );
    expect(built.entries.map((e) => (e as { id: string }).id)).toEqual(expected);
    // The demo's screened words appear in the archive, never in the projection.
    const words = await inDatabase(async (db) =>
      (await sql<{ word: string }>`select distinct jsonb_array_elements_text(screening->'titleWords') as word from registry_entries where screening is not null`.execute(db.kysely)).rows.map((r) => r.word),
    );
    expect(words.length).toBeGreaterThan(0);
    const text = JSON.stringify(built).toLocaleLowerCase();
    for (const word of words) expect(text, word).not.toContain(word.toLocaleLowerCase());

    const status = await radhus('events', 'status');
    expect(status.stdout.find((line) => line.startsWith('journal-projection'))).toMatch(/^journal-projection\s+\d+\s+0\s+0s\s+ok\s+-$/);

    const second = await radhus('events', 'replay', 'journal-projection');
    expect(second.code).toBe(0);
    expect(await projection()).toEqual(built);
  });

  it('refuses an unknown consumer, naming the known ones', async () => {
    const unknown = await radhus('events', 'replay', 'journal');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr[0]).toBe('radhus: no event consumer named "journal"; the consumers are: journal-projection, council-projection, council-site-follows, questions-projection, consultations-projection, proposals-projection, proposals-council');
    const missing = await radhus('events', 'replay');
    expect(missing.code).toBe(2);
    expect(missing.stderr[0]).toBe('radhus: missing <consumer>');
    const help = await radhus('events', 'replay', '--help');
    expect(help.stdout[0]).toBe('radhus events replay <consumer>');
  });
});
