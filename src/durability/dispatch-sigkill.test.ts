// SPDX-License-Identifier: EUPL-1.2
// The dispatcher survives a hard kill: the real server (a child process) is killed with SIGKILL
// while it works through hundreds of outbox events, with more arriving over HTTP. Restarted on the
// same folder or database it goes on from its durable position, and in the end every event was
// handled and the public projection holds exactly what the archive says it should: no row missing,
// none twice, none left from before. On PGlite by default; on PostgreSQL with RADHUS_TEST_DATABASE_URL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../cli/io.ts';
import { main } from '../cli/main.ts';
import { createCaseFile, createRegistryEntry, type ArchiveCtx } from '../archive/service.ts';
import { openDatabase } from '../platform/db/database.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { freshDatabaseUrl, testEngine } from '../test-support/app.ts';
import { ArchiveClient } from './api-client.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { addTenantWithToken, testConfig } from './tenant-setup.ts';

const CASES = 30;
/** Rounds of backlog, start and kill at most, until one kill lands mid-dispatch. */
const ROUNDS = 3;
const ENTRIES_PER_CASE = 25;
/** Outbox events one round of backlog writes: each case file and each of its entries. */
const BACKLOG = CASES * (1 + ENTRIES_PER_CASE);
const running: ServerProcess[] = [];
let dataDir: string | undefined;

afterAll(async () => {
  for (const server of running) await server.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// On PostgreSQL this failed once in CI (550 of 750 entries missing, the position at the end). The
// cause: the batch query sorted by the text of the transaction id, so where a fresh cluster's ids
// crossed 1000 or 10000 a batch ended on the wrong event and the position passed events by
// (platform/events/dispatcher.test.ts now holds that case). Local servers with long-lived clusters
// rarely cross a power of ten, which is why it never failed there.
describe(`the dispatcher after SIGKILL (${testEngine()})`, () => {
  it('handles every event exactly once in the end, and the projection equals the archive', { timeout: 600_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'radhus-dispatch-kill-'));
    const databaseUrl = await freshDatabaseUrl();
    const config = testConfig(dataDir, databaseUrl);
    const env = { NODE_ENV: 'test', DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };

    // A backlog written while no server ran: the server finds it all to dispatch at start. Each
    // round adds one more, so a round whose kill came too late (a fast machine, a slow poll) is
    // followed by another; at least one kill must land in the middle of dispatching.
    const { openContext } = await import('../radhus.ts');
    let token = '';
    let tenantId = '';
    const seedBacklog = async (round: number) => {
      const ctx = await openContext(config);
      try {
        if (round === 0) {
          const made = await addTenantWithToken(ctx, 'kastkommune');
          token = made.token;
          tenantId = made.tenant.id;
        }
        const c: ArchiveCtx & { country: 'NO'; isSystem: boolean } = { tenantId, actor: 'cli:test:test', at: ctx.clock.now(), country: 'NO', isSystem: false };
        for (let i = 0; i < CASES; i++) {
          await withTenant(ctx.db, { tenantId, actor: { kind: 'cli', id: 'test', name: 'test' } }, async (tx) => {
            const word = `Hemmelig${round}x${i}`;
            const screening = i % 3 === 0 ? { legalBasis: 'Offl. § 13', titleWords: [word] } : undefined;
            const kase = await createCaseFile(tx, c, { title: `Sak ${i} om ${word}`, ...(screening ? { screening } : {}) });
            for (let j = 0; j < ENTRIES_PER_CASE; j++)
              await createRegistryEntry(tx, c, kase.id, { type: 'outgoing', title: `Brev ${j} i sak ${i}`, correspondents: [{ name: `Mottaker ${j}`, kind: 'person', role: 'recipient' }] });
          });
        }
      } finally {
        await ctx.db.close();
      }
    };

    const status = async () => {
      const io = captureOutput();
      const code = await main(['events', 'status'], io, env);
      expect(code, io.stderr.join('\n')).toBe(0);
      const match = /^journal-projection\s+(\d+)\s+(\d+)\s/m.exec(io.stdout.join('\n'));
      expect(match, io.stdout.join('\n')).not.toBeNull();
      return { position: Number(match![1]), lag: Number(match![2]) };
    };

    let rounds = 0;
    let midDispatch = false;
    for (; rounds < ROUNDS && !midDispatch; rounds++) {
      await seedBacklog(rounds);
      const before = await inDatabase(databaseUrl, dataDir, async (db) =>
        Number((await sql<{ id: number }>`select position_id as id from event_consumers where name = 'journal-projection'`.execute(db.kysely)).rows[0]?.id ?? 0),
      );
      // Start, let it get going, keep writing over HTTP meanwhile, and kill it in the middle.
      const first = await startServer({ dataDir, databaseUrl });
      running.push(first);
      const api = new ArchiveClient(first.url, 'kastkommune', token);
      let killed = false;
      const writer = (async () => {
        for (let i = 0; !killed; i++) {
          const answer = await api.createCaseFile(`Ny sak ${rounds}-${i} under kjøring`).catch(() => undefined);
          if (!answer) return;
        }
      })();
      // The dispatcher starts once the server answers; kill it as soon as it has made some progress.
      // The lag comes from /metrics over HTTP (a CLI call takes longer than the whole backlog on a
      // fast machine); new HTTP writes only add to it, so a lag below the backlog means progress.
      for (let tries = 0; tries < 2400; tries++) {
        const lag = await projectionLag(first.url);
        if (lag !== undefined && lag < BACKLOG - 10) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      first.killHard();
      killed = true;
      expect((await first.exited).signal).toBe('SIGKILL');
      await writer;

      // Did the kill come mid-dispatch: some events of the backlog handled, others left?
      const atKill = await inDatabase(databaseUrl, dataDir, async (db) => ({
        position: Number((await sql<{ id: number }>`select position_id as id from event_consumers where name = 'journal-projection'`.execute(db.kysely)).rows[0]!.id),
        last: Number((await sql<{ id: number }>`select max(id) as id from outbox`.execute(db.kysely)).rows[0]!.id),
      }));
      expect(atKill.position).toBeGreaterThan(before);
      midDispatch = atKill.position < atKill.last;
    }
    expect(midDispatch, `no kill in ${rounds} rounds came before the dispatcher had caught up`).toBe(true);

    // Restart: it goes on from its position until nothing is left.
    const second = await startServer({ dataDir, databaseUrl });
    running.push(second);
    let after = await status();
    for (let tries = 0; after.lag > 0 && tries < 1200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await status();
    }
    expect(after.lag).toBe(0);
    await second.stop();
    expect((await second.exited).code).toBe(0);

    await inDatabase(databaseUrl, dataDir, async (db) => {
      const last = await sql<{ id: number }>`select max(id)::int as id from outbox`.execute(db.kysely);
      const consumer = await sql<{ id: number; status: string }>`select position_id::int as id, status from event_consumers where name = 'journal-projection'`.execute(db.kysely);
      expect(consumer.rows[0]).toEqual({ id: last.rows[0]!.id, status: 'ok' });
      // Every archive entry once, with its public title; every case file once.
      const archiveEntries = await sql<{ id: string; registry: string; title: string }>`
        select id, entry_year || '/' || entry_sequence as registry, public_title as title from registry_entries order by id`.execute(db.kysely);
      const publicEntries = await sql<{ id: string; registry: string; title: string }>`
        select id, registry_number as registry, public_title as title from public_registry_entries order by id`.execute(db.kysely);
      expect(publicEntries.rows).toEqual(archiveEntries.rows);
      expect(archiveEntries.rows).toHaveLength(rounds * CASES * ENTRIES_PER_CASE);
      const archiveCases = await sql<{ id: string; title: string }>`select id, public_title as title from case_files order by id`.execute(db.kysely);
      const publicCases = await sql<{ id: string; title: string }>`select id, public_title as title from public_case_files order by id`.execute(db.kysely);
      expect(publicCases.rows).toEqual(archiveCases.rows);
      expect(archiveCases.rows.length).toBeGreaterThan(rounds * CASES);
      const duplicates = await sql`select registry_number from public_registry_entries group by tenant_id, registry_number having count(*) > 1`.execute(db.kysely);
      expect(duplicates.rows).toEqual([]);
      // Screened words (every third case) stayed in the archive.
      const titles = publicCases.rows.map((r) => r.title);
      for (let r = 0; r < rounds; r++)
        for (let i = 0; i < CASES; i += 3) expect(titles.filter((title) => new RegExp(`Hemmelig${r}x${i}(?!\\d)`).test(title))).toEqual([]);
      expect(titles.filter((title) => title.includes('Hemmelig')).length).toBe(rounds * (CASES - Math.ceil(CASES / 3)));
    });
  });
});

/** The journal projection's lag in events, from /metrics (the test calls from loopback). */
async function projectionLag(url: string): Promise<number | undefined> {
  const text = await fetch(`${url}/metrics`).then((r) => r.text()).catch(() => '');
  const match = /^radhus_event_consumer_lag_events\{consumer="journal-projection"\} (\d+)/m.exec(text);
  return match ? Number(match[1]) : undefined;
}

async function inDatabase<T>(databaseUrl: string | undefined, dataDir: string, work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase({ databaseUrl, dataDir });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
