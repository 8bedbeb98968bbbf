// SPDX-License-Identifier: EUPL-1.2
// `npm run bench` (second part) / `npm run bench:journal`: the public journal at national scale
// (issue 7 §5). Generates BENCH_JOURNAL_ENTRIES entries (1 000 000) over 10 municipalities straight
// into the archive and projection tables (bench/journal-data.ts), then measures through HTTP against
// the floor — the exact statements the route sent, captured and run directly on the same data:
// search in one municipality, browse one day, the national search; and how fast the real
// dispatcher projects new entries (events/s). PGlite in a temporary folder by default; the
// PostgreSQL named by DATABASE_URL when it is set (use an empty database).
// Knobs: BENCH_JOURNAL_ENTRIES (1000000), BENCH_JOURNAL_READS (300), BENCH_JOURNAL_EVENTS (1000),
// BENCH_CONCURRENCY (8), BENCH_EXPLAIN=1 (EXPLAIN ANALYZE of each captured statement to stderr),
// BENCH_JOURNAL_REUSE=1 (PostgreSQL: measure again on the entries an earlier run generated),
// PUBLIC_JOURNAL_COUNT_LIMIT (the search's count limit, 10000 as in the server).
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql, type CompiledQuery } from 'kysely';
import { createRadhus, openContext } from '../src/radhus.ts';
import { testConfig } from '../src/durability/tenant-setup.ts';
import { addMunicipality } from '../src/tenants/lifecycle.ts';
import { dispatchConsumer, dispatchPending } from '../src/platform/events/dispatcher.ts';
import { journalProjection } from '../src/journal/projection.ts';
import { measure, type Measurement } from './harness.ts';
import { HttpClient } from './http.ts';
import { rawRegisterEntry } from './raw-sql.ts';
import { printReport } from './report.ts';
import { StatementCapture } from './capture.ts';
import { QueryCounter, observeStatements } from './query-counter.ts';
import { finishLoad, generateTenant, startLoad, type GeneratedTenant } from './journal-data.ts';

const total = Number(process.env.BENCH_JOURNAL_ENTRIES ?? 1_000_000);
const reads = Number(process.env.BENCH_JOURNAL_READS ?? 300);
const newEvents = Number(process.env.BENCH_JOURNAL_EVENTS ?? 1000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const explain = process.env.BENCH_EXPLAIN === '1';
const TENANTS = 10;

const loadBefore = loadavg();
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
const dataDir = await mkdtemp(join(tmpdir(), 'radhus-bench-journal-'));
const log = (line: string) => process.stderr.write(`${line}\n`);

log(`Opening ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`} and migrating…`);
// PUBLIC_JOURNAL_COUNT_LIMIT as the server takes it (decision 0007), to measure other limits.
const countLimit = Number(process.env.PUBLIC_JOURNAL_COUNT_LIMIT || 10_000);
const ctx = await openContext({ ...testConfig(dataDir, databaseUrl), publicJournalCountLimit: countLimit });
const counter = new QueryCounter();
const capture = new StatementCapture();
observeStatements(ctx.db, counter, capture);
const db = ctx.db.kysely;
const engineVersion = (await sql<{ version: string }>`select version()`.execute(db)).rows[0]!.version;

// Ten municipalities: six Norwegian, four Swedish (their own stemming).
const names = [
  ['bergen', '4601', 'NO'], ['trondheim', '5001', 'NO'], ['stavanger', '1103', 'NO'], ['tromso', '5501', 'NO'], ['bodo', '1804', 'NO'], ['alver', '4631', 'NO'],
  ['goteborg', '1480', 'SE'], ['malmo', '1280', 'SE'], ['uppsala', '0380', 'SE'], ['lulea', '2580', 'SE'],
] as const;
const perTenant = Math.ceil(total / TENANTS);
const now = ctx.clock.now();
const tenants: GeneratedTenant[] = [];
// BENCH_JOURNAL_REUSE=1 measures again on a PostgreSQL database an earlier run filled (same size):
// a million entries take ten minutes to generate, an index or a setting is tried in seconds.
const existing = (await sql<{ id: string; slug: string; country: string }>`select id, slug, country from tenants where slug in (${sql.join(names.map(([slug]) => slug))})`.execute(db)).rows;
const reuse = process.env.BENCH_JOURNAL_REUSE === '1' && existing.length === TENANTS;
let generateSeconds = 0;
let entries = perTenant * TENANTS;
if (reuse) {
  for (const [slug] of names) {
    const t = existing.find((e) => e.slug === slug)!;
    tenants.push({ id: t.id, slug, language: t.country === 'SE' ? 'sv' : 'nb' });
  }
  entries = (await sql<{ n: number }>`select count(*)::int as n from public_registry_entries`.execute(db)).rows[0]!.n;
  log(`Reusing the ${entries} entries already generated (BENCH_JOURNAL_REUSE=1)`);
} else {
  for (const [slug, number, country] of names) {
    const t = await addMunicipality(ctx, { slug, officialNumber: number, name: `${slug} kommune`, country });
    tenants.push({ id: t.id, slug, language: country === 'SE' ? 'sv' : 'nb' });
  }
  // Whatever setting up the municipalities put in the outbox is projected before anything is timed.
  while ((await dispatchPending(ctx)).some((r) => r.advanced > 0));
  log(`Generating ${perTenant * TENANTS} entries (${perTenant} per municipality) with set-based SQL…`);
  const genStarted = performance.now();
  const ginIndexes = await startLoad(db);
  for (const t of tenants) {
    const t0 = performance.now();
    await generateTenant(db, t, perTenant, now);
    log(`  ${t.slug}: ${perTenant} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  log('  building GIN indexes and statistics…');
  await finishLoad(db, ginIndexes);
  generateSeconds = (performance.now() - genStarted) / 1000;
  log(`Generated in ${generateSeconds.toFixed(0)} s`);
}

const radhus = await createRadhus(ctx, { logger: false });
await radhus.app.listen({ port: 0, host: '127.0.0.1' });
const api = new HttpClient(`http://127.0.0.1:${(radhus.app.server.address() as AddressInfo).port}`, {}, concurrency);

// Realistic searches: subjects, a stem, an exact phrase, a person, an organisation, with filters.
const noQueries = ['byggetillatelse', 'dispensasjon', '"søknad om skjenkebevilling"', 'Hansen', 'Statens vegvesen', 'ferdigattest storgata', 'klage eiendomsskatt', 'brøyting'];
const seQueries = ['bygglov', 'strandskyddsdispens', '"ansökan om serveringstillstånd"', 'Andersson', 'Trafikverket', 'slutbesked storgatan', 'överklagande parkeringsanmärkning', 'snöröjning'];
const day = (back: number) => new Date(now.getTime() - back * 86_400_000).toISOString().slice(0, 10);
const searchPath = (i: number) => {
  const t = tenants[i % TENANTS]!;
  const qs = (t.language === 'sv' ? seQueries : noQueries)[Math.floor(i / TENANTS) % 8]!;
  const filter = i % 3 === 0 ? `&fromDate=${day(400)}` : i % 3 === 1 ? '&entryType=incoming' : '';
  return `/api/v1/${t.slug}/public-journal?q=${encodeURIComponent(qs)}${filter}`;
};
const browsePath = (i: number) => `/api/v1/${tenants[i % TENANTS]!.slug}/public-journal?fromDate=${day(3 + (i % 200))}&toDate=${day(3 + (i % 200))}&limit=50`;
const nationalPath = (i: number) => `/api/v1/public-journal?q=${encodeURIComponent([...noQueries, ...seQueries][i % 16]!)}`;

/** The statements each path sends (tenant look-up, page, count), captured once per distinct path. */
const floors = new Map<string, CompiledQuery[]>();
let explained = 0;
async function captureFloor(path: string): Promise<void> {
  if (floors.has(path)) return;
  const statements = await capture.during(db, () => api.expect(200, 'GET', path), (text) => /public_(registry_entries|tenants)/.test(text));
  if (!statements.length) throw new Error(`no statement captured for ${path}`);
  floors.set(path, statements);
  // The plans of the first searches of each kind (BENCH_EXPLAIN=1), to see why a target is missed.
  if (explain && explained++ < 3) {
    for (const s of statements) {
      const plan = await db.executeQuery<{ 'QUERY PLAN': string }>({ ...s, sql: `explain (analyze, buffers) ${s.sql}` });
      log(`EXPLAIN ${path}\n${plan.rows.map((r) => Object.values(r)[0]).join('\n')}`);
    }
  }
}
/** Captured beforehand: capturing while other requests run would mix their statements in. */
function floorOf(path: string): CompiledQuery[] {
  const statements = floors.get(path);
  if (!statements) throw new Error(`no statement captured for ${path}`);
  return statements;
}

const warmup = Math.min(50, Math.ceil(reads / 5));
const results: Measurement[] = [];
const run = async (name: string, count: number, op: (i: number) => Promise<void>) => {
  log(`${name}…`);
  const before = counter.count;
  const result = await measure({ name, total: count, concurrency, op, warmup });
  result.statementsPerOp = (counter.count - before) / (count + warmup);
  results.push(result);
  return result;
};
const pair = async (label: string, path: (i: number) => string) => {
  // Capture every distinct path first, so the floor's measurement does not include it.
  explained = 0;
  for (let i = 0; i < Math.max(reads, warmup); i++) await captureFloor(path(i));
  const floor = await run(`raw SQL: ${label}`, reads, async (i) => {
    // executeQuery skips the plugins, so the floor's statements are counted here.
    for (const s of floorOf(path(i))) {
      await db.executeQuery(s);
      counter.count += 1;
    }
  });
  const http = await run(`HTTP: ${label}`, reads, async (i) => {
    await api.expect(200, 'GET', path(i));
  });
  return { label: `${label}: HTTP ÷ raw SQL`, api: http, floor };
};

const ratios = [
  await pair('searchPublicJournal (q + filters)', searchPath),
  await pair('browse one day (50)', browsePath),
  await pair('searchAllPublicJournals (national q)', nationalPath),
];

printReport({
  engine: ctx.db.engine,
  engineVersion,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
  concurrency,
  loadBefore,
  results,
  ratios,
});
// The projection keeping up: entries registered with raw SQL (entry, party, change log, outbox
// event), then the real dispatcher's journal-projection consumer until it has caught up.
log(`Registering ${newEvents} new entries and projecting them…`);
const caseFile = (await sql<{ id: string; tenant_id: string }>`select id, tenant_id from case_files where tenant_id = ${tenants[0]!.id}::uuid order by case_year desc, case_sequence desc limit 20`.execute(db)).rows;
for (let i = 0; i < newEvents; i++) await rawRegisterEntry(ctx.db, caseFile[0]!.tenant_id, caseFile[i % caseFile.length]!.id, `Søknad om byggetillatelse ${i}`);
const projectStarted = performance.now();
const cpuBefore = process.cpuUsage();
let handled = 0;
// Until every new entry is projected ('busy' or 'waiting' rounds advance nothing; a minute at most).
for (let idle = 0; handled < newEvents && idle < 600; ) {
  const r = await dispatchConsumer(ctx, journalProjection);
  if (r.outcome === 'failed') throw new Error(`projection failed: ${r.error}`);
  handled += r.handled;
  if (r.advanced === 0) {
    idle += 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const projectSeconds = (performance.now() - projectStarted) / 1000;
const cpu = process.cpuUsage(cpuBefore);
if (handled < newEvents) log(`the projection handled only ${handled} of ${newEvents} events`);

const out = (line = '') => process.stdout.write(`${line}\n`);
out(`| data | entries | municipalities | generated in s |`);
out('|---|---:|---:|---:|');
out(`| public journal | ${entries} | ${TENANTS} | ${reuse ? 'reused' : generateSeconds.toFixed(0)} |`);
out(`Count limit (PUBLIC_JOURNAL_COUNT_LIMIT): ${countLimit}`);
out();
out('| projection (journal-projection, real dispatcher) | events | seconds | events/s | Node CPU ms/event |');
out('|---|---:|---:|---:|---:|');
out(`| registry-entry.journalised | ${handled} | ${projectSeconds.toFixed(1)} | ${(handled / projectSeconds).toFixed(0)} | ${((cpu.user + cpu.system) / 1000 / handled).toFixed(2)} |`);
out();
out('| p95 ratio | HTTP p95 ÷ raw SQL p95 |');
out('|---|---:|');
for (const r of ratios) out(`| ${r.label} | ${(r.api.p95 / r.floor.p95).toFixed(2)}× |`);
out();

api.close();
await radhus.close();
await rm(dataDir, { recursive: true, force: true });
