// SPDX-License-Identifier: EUPL-1.2
// `node bin/run-ts.js bench/public-round-trips.ts`: what the public read's transaction costs, without
// HTTP. One operation is the public journal's "browse one day" (tenant look-up, page; the count is
// skipped when the page is not full) on a database the journal bench has filled (DATABASE_URL, e.g.
// the jbench_100k database of BENCHMARKS.md), run six ways:
//   floor        the statements alone, no transaction, no role (what the journal bench calls raw SQL)
//   withPublic   as the routes run it: on PostgreSQL the public pool of src/platform/db (statements only)
//   before       as they ran it until 2026-12-02: BEGIN; set_config(role, read only); statements; COMMIT
//   one-batch    BEGIN READ ONLY and SET LOCAL ROLE sent as one simple-protocol message; statements; COMMIT
//   transaction  BEGIN; statements; COMMIT, no role switch (what the transaction alone costs)
//   public-pool  a pool whose connections are radhus_public and read-only from their start
//                (startup option -c role=…): statements only, no transaction at all; made here,
//                without the prepared statements of src/platform/db's own public pool
// Knobs: BENCH_ROUND_TRIP_OPS (2000), BENCH_CONCURRENCY (8).
import { loadavg } from 'node:os';
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Kysely as K } from 'kysely';
import { withPublic, withPublicTransaction, type Tx } from '../src/platform/db/transaction.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { findPublicMunicipality, searchPublicJournal } from '../src/journal/service.ts';
import { measure, type Measurement } from './harness.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a database filled by the journal bench');
const ops = Number(process.env.BENCH_ROUND_TRIP_OPS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const db = await openDatabase({ databaseUrl: url });
const slugs = (await sql<{ slug: string }>`select slug from public_tenants order by slug`.execute(db.kysely)).rows.map((r) => r.slug);
const now = new Date();
const day = (i: number) => new Date(now.getTime() - (3 + (i % 200)) * 86_400_000).toISOString().slice(0, 10);

async function browse(tx: K<any> | Tx, i: number): Promise<void> {
  const tenant = await findPublicMunicipality(tx as Tx, slugs[i % slugs.length]!);
  await searchPublicJournal(tx as Tx, tenant.id, { fromDate: day(i), toDate: day(i), limit: 50 }, now);
}

const publicPool = new pg.Pool({ connectionString: url, max: 10, options: '-c role=radhus_public -c default_transaction_read_only=on' });
const publicDb = new Kysely<any>({ dialect: new PostgresDialect({ pool: publicPool }) });

const ways: [string, (i: number) => Promise<void>][] = [
  ['floor (statements only)', (i) => browse(db.kysely, i)],
  ['withPublic (on PostgreSQL its public pool, since 2026-12-02)', (i) => withPublic(db, (tx) => browse(tx, i))],
  [
    'withPublic before (BEGIN; set_config(role, read only); …; COMMIT)',
    (i) => withPublicTransaction(db, (tx) => browse(tx, i)),
  ],
  [
    'one batch (BEGIN READ ONLY + SET LOCAL ROLE in one message; …; COMMIT)',
    (i) =>
      db.kysely.connection().execute(async (c) => {
        await sql.raw('begin read only; set local role radhus_public').execute(c);
        try {
          await browse(c, i);
        } finally {
          await sql.raw('commit').execute(c);
        }
      }),
  ],
  ['transaction without role (BEGIN; …; COMMIT)', (i) => db.kysely.transaction().execute((tx) => browse(tx, i))],
  ['public pool (session role radhus_public, read only; no transaction)', (i) => browse(publicDb, i)],
];

const loadBefore = loadavg();
const results: Measurement[] = [];
for (let round = 0; round < 2; round += 1) {
  for (const [name, op] of ways) {
    const m = await measure({ name, total: ops, concurrency, op, warmup: 100 });
    if (round === 1) results.push(m);
  }
}
const out = (line = '') => process.stdout.write(`${line}\n`);
out(`Load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${loadavg().map((l) => l.toFixed(2)).join(' ')}; concurrency ${concurrency}; ${ops} operations each (second of two rounds)`);
out('| browse one day, PostgreSQL, no HTTP | ops/s | p50 ms | p95 ms | p99 ms | Node CPU ms/op |');
out('|---|---:|---:|---:|---:|---:|');
for (const r of results) out(`| ${r.name} | ${r.opsPerSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.cpuMsPerOp.toFixed(2)} |`);
await publicDb.destroy();
await db.close();
