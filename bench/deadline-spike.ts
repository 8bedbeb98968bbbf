// SPDX-License-Identifier: EUPL-1.2
// `npm run bench` (fourth part, alone: `npm run bench:spike`): the deadline spike (issue 9 §4).
// BENCH_SPIKE_CONCURRENCY (200) citizens, each logged in with a session of their own (made in the
// set-up, not timed), submit the demo form "report-a-problem" at once, over and over, until
// BENCH_SPIKE_SUBMISSIONS (1000) are filed. The HTTP load comes from a child process
// (bench/remote-load.ts). The floor: the same transaction's writes in raw SQL (bench/raw-submit.ts:
// two numbers, case file, entry, party, three document rows with their objects, the submission,
// change log, outbox, the mail job) on the same database at the same concurrency. Target: submitForm's
// p99 ≤ 300 ms at 200 concurrent.
// PostgreSQL only: DATABASE_URL (an empty database), or a fresh database on the server named by
// RADHUS_TEST_DATABASE_URL, dropped afterwards. Without either the bench says so and stops.
// BENCH_PROFILE=folder: a CPU profile of the server's process during the API's measurement.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createRadhus, openContext } from '../src/radhus.ts';
import { addTenantWithToken, testConfig } from '../src/durability/tenant-setup.ts';
import { withoutTenant, withTenant } from '../src/platform/db/transaction.ts';
import { createSession, CSRF_HEADER, SESSION_COOKIE } from '../src/identity/sessions.ts';
import { grantLocalRole, upsertUser } from '../src/identity/users.ts';
import { syntheticNorwegianNumber } from '../src/common/idnumbers.ts';
import { createFormDefinition, publishFormDefinition } from '../src/forms/definitions.ts';
import { problemReport } from '../src/forms/demo-forms.ts';
import { measure, type Measurement } from './harness.ts';
import { measureRemote } from './remote-load.ts';
import { printReport } from './report.ts';
import { profiled } from './profile.ts';
import { QueryCounter, observeStatements } from './query-counter.ts';
import { rawSubmitForm, type SpikeTarget } from './raw-submit.ts';
import { freshPostgres } from './fresh-postgres.ts';

const total = Number(process.env.BENCH_SPIKE_SUBMISSIONS ?? 1000);
const concurrency = Number(process.env.BENCH_SPIKE_CONCURRENCY ?? 200);
const warmup = Math.min(concurrency, total);
const log = (line: string) => process.stderr.write(`${line}\n`);

const loadBefore = loadavg();
const { url: databaseUrl, drop } = await freshPostgres('radhus_bench_spike');
if (!databaseUrl) {
  log('bench/deadline-spike.ts: skipped — it measures PostgreSQL: set DATABASE_URL (an empty database) or RADHUS_TEST_DATABASE_URL (a server).');
  process.exit(0);
}
const dataDir = await mkdtemp(join(tmpdir(), 'radhus-bench-spike-'));
log(`Opening PostgreSQL and migrating (data folder ${dataDir})…`);
const ctx = await openContext(testConfig(dataDir, databaseUrl));
const counter = new QueryCounter();
observeStatements(ctx.db, counter);
const engineVersion = (await sql<{ version: string }>`select version()`.execute(ctx.db.kysely)).rows[0]!.version;
const slug = `spike-${randomBytes(3).toString('hex')}`;
const { tenant } = await addTenantWithToken(ctx, slug, String(1000 + Math.floor(Math.random() * 8999)));
const radhus = await createRadhus(ctx, { logger: false });
await radhus.app.listen({ port: 0, host: '127.0.0.1' });
const apiUrl = `http://127.0.0.1:${(radhus.app.server.address() as AddressInfo).port}`;

// The demo form, defined and published as the demo data does it.
const actor = { kind: 'cli', id: 'bench', name: 'Bench' } as const;
const form = await withTenant(ctx.db, { tenantId: tenant.id, actor }, async (tx) => {
  const c = { tenantId: tenant.id, actor: 'cli:bench:Bench', at: ctx.clock.now() };
  const view = await createFormDefinition(tx, c, problemReport);
  return publishFormDefinition(tx, c, view.form.id, true);
});

log(`Logging in ${concurrency} synthetic citizens (sessions, not timed)…`);
const citizens: Record<string, string>[] = [];
const people: SpikeTarget['people'] = [];
for (let i = 0; i < concurrency; i++) {
  const day = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000 * 53).toISOString().slice(0, 10);
  const identityNumber = syntheticNorwegianNumber(day, i % 20);
  const name = `Innbygger ${i}`;
  const email = `innbygger${i}@example.no`;
  citizens.push(await withoutTenant(ctx.db, async (tx) => {
    const id = await upsertUser(tx, { issuer: 'https://idporten.test', subject: `spike-${i}`, name, email, emailVerified: true, identityNumber }, ctx.clock.now());
    await grantLocalRole(tx, tenant.id, id, 'citizen', ctx.clock.now());
    const { sessionId, csrfToken } = await createSession(tx, id, ctx.clock.now());
    return { cookie: `${SESSION_COOKIE}=${radhus.app.signCookie(sessionId)}`, [CSRF_HEADER]: csrfToken };
  }));
  people.push({ name, identityNumber, email });
}

const answers = { what: 'road', position: { lat: 69.24, lon: 19.4 }, details: 'Hull i veien ved skolen, innlevert {i}' };
const body = JSON.stringify({ formId: form.form.id, version: form.version, answers });
const seriesId = (await sql<{ id: string }>`select id from series where tenant_id = ${tenant.id}::uuid and status = 'active'`.execute(ctx.db.kysely)).rows[0]!.id;
const target: SpikeTarget = { tenantId: tenant.id, seriesId, formId: form.form.id, version: form.version, people, answers };

const results: Measurement[] = [];
log(`raw SQL: the submission's writes, ${concurrency} at once…`);
let before = counter.count;
const floor = await measure({ name: 'raw SQL: submission writes', total, concurrency, warmup, op: (i) => rawSubmitForm(ctx.db, target, i) });
floor.statementsPerOp = (counter.count - before) / (total + warmup);
results.push(floor);

// No dispatcher or job runner runs in this process (createRadhus without `background`), so event
// handling competes with neither measurement: the floor's and the API's outbox rows just wait.

log(`API: submitForm, ${concurrency} citizens at once…`);
before = counter.count;
const api = await profiled('api-submitform-spike', () => measureRemote({
  name: `API: submitForm (${concurrency} citizens)`, baseUrl: apiUrl, headers: {}, headerSets: citizens, method: 'POST', paths: [`/api/v1/${slug}/submissions`],
  body, status: 201, total, concurrency, warmup,
}));
api.statementsPerOp = (counter.count - before) / (total + warmup);
results.push(api);

// Every answered submission is a case with its entry and four documents (answers PDF, JSON, receipt).
const check = (await sql<{ s: number; c: number; d: number }>`select (select count(*) from form_submissions)::int as s,
  (select count(*) from case_files where tenant_id = ${tenant.id}::uuid)::int as c, (select count(*) from documents where tenant_id = ${tenant.id}::uuid)::int as d`.execute(ctx.db.kysely)).rows[0]!;
log(`  filed: ${check.s} submissions, ${check.c} case files (floor's included), ${check.d} documents`);

printReport({
  engine: ctx.db.engine,
  engineVersion,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; DATABASE_POOL_SIZE ${process.env.DATABASE_POOL_SIZE ?? 10}`,
  concurrency,
  loadBefore,
  results,
  ratios: [{ label: 'submitForm: API ÷ raw SQL', api, floor }],
});
process.stdout.write(`submitForm p99 at ${concurrency} concurrent: ${api.p99.toFixed(0)} ms (target ≤ 300 ms: ${api.p99 <= 300 ? 'met' : 'MISSED'}); the floor's p99: ${floor.p99.toFixed(0)} ms\n\n`);

await radhus.close();
await rm(dataDir, { recursive: true, force: true });
await drop();
