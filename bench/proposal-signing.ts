// SPDX-License-Identifier: EUPL-1.2
// `npm run bench` (fifth part, alone: `npm run bench:proposals`): a popular proposal (issue 11 §1).
// BENCH_PROPOSAL_SIGNERS (300) citizens, each logged in with e-ID at level high in a session of their
// own (users, roles and sessions made in the set-up, not timed), sign one open proposal at once
// through the real API (signProposal, `POST /api/v1/{tenant}/proposals/{id}/signatures`) from a
// child process (bench/remote-load.ts), at concurrency 50 and at 300 (BENCH_PROPOSAL_CONCURRENCY,
// a list). The threshold is signers + 1 (the author's signature is the first), so the last
// signature of each run reaches it and files the case in its own transaction. While the run goes
// on, the author tries to sign again (each attempt must be a 409). Every run has a proposal of its
// own; a warm-up proposal is signed by everyone first (not counted).
// The floor (bench/raw-sign.ts): the same writes in raw SQL on the same pool at the same
// concurrency — the proposal's row lock, the signature, the count, the outbox row, and for the last
// one the reaching writes (case file, entry, sender, document, notices and mail jobs, …).
// After the runs: the checks (signatures, count, one case, 409s; exit 1 when one fails), and the
// reaching signature timed alone. BENCH_PROPOSAL_BACKGROUND=1: the dispatcher and job runner run
// too; BENCH_PROPOSAL_CAPTURE=1: prints the statements of one reaching signature; BENCH_PROFILE.
// PostgreSQL when DATABASE_URL (an empty database) or RADHUS_TEST_DATABASE_URL (a server: a fresh
// database, dropped afterwards) is set; PGlite in a temporary folder otherwise.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createRadhus, openContext } from '../src/radhus.ts';
import { addTenantWithToken, testConfig } from '../src/durability/tenant-setup.ts';
import { withoutTenant, withTenant, type Tx } from '../src/platform/db/transaction.ts';
import type { StagedFile } from '../src/platform/files/store.ts';
import type { Principal } from '../src/platform/http/auth.ts';
import { createSession, CSRF_HEADER, SESSION_COOKIE } from '../src/identity/sessions.ts';
import { grantLocalRole, upsertUser } from '../src/identity/users.ts';
import { syntheticNorwegianNumber } from '../src/common/idnumbers.ts';
import { createBody } from '../src/council/service.ts';
import { createProposal, updateSettings, type ProposalCtx } from '../src/proposals/service.ts';
import { measure, type Measurement } from './harness.ts';
import { HttpClient } from './http.ts';
import { measureRemote } from './remote-load.ts';
import { printReport } from './report.ts';
import { profiled } from './profile.ts';
import { QueryCounter, observeStatements } from './query-counter.ts';
import { StatementCapture } from './capture.ts';
import { rawSign, type Signer, type SignTarget } from './raw-sign.ts';
import { freshPostgres } from './fresh-postgres.ts';

const signers = Number(process.env.BENCH_PROPOSAL_SIGNERS ?? 300);
const concurrencies = (process.env.BENCH_PROPOSAL_CONCURRENCY ?? '50,300').split(',').map(Number).filter((n) => n > 0);
const log = (line: string) => process.stderr.write(`${line}\n`);

const loadBefore = loadavg();
const { url: databaseUrl, drop } = await freshPostgres('radhus_bench_proposals');
const dataDir = await mkdtemp(join(tmpdir(), 'radhus-bench-proposals-'));
log(`Opening ${databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`} and migrating…`);
const ctx = await openContext(testConfig(dataDir, databaseUrl));
const counter = new QueryCounter();
const capture = new StatementCapture();
observeStatements(ctx.db, counter, capture);
const engineVersion = (await sql<{ version: string }>`select version()`.execute(ctx.db.kysely)).rows[0]!.version;
const slug = `proposals-${randomBytes(3).toString('hex')}`;
const { tenant } = await addTenantWithToken(ctx, slug, String(1000 + Math.floor(Math.random() * 8999)));
const radhus = await createRadhus(ctx, { logger: false });
// BENCH_PROPOSAL_BACKGROUND=1: the event dispatcher (the public projection of every proposal.changed)
// and the job runner (the notice mails) run alongside, as in `radhus serve`, for the floor's writes
// as for the API's. Off by default, as in the other benches: their statements would be counted too.
if (process.env.BENCH_PROPOSAL_BACKGROUND === '1') radhus.startBackground();
await radhus.app.listen({ port: 0, host: '127.0.0.1' });
const apiUrl = `http://127.0.0.1:${(radhus.app.server.address() as AddressInfo).port}`;
const at = () => ctx.clock.now();
const inTenant = <T>(work: (tx: Tx) => Promise<T>) => withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'bench', name: 'Bench' } }, work);
const c = (): ProposalCtx => ({ tenant, actor: 'cli:bench:Bench', at: at() });

// The deciding body and the rule: threshold = signers + 1, so the last signer of a run reaches it.
const bodyId = await inTenant(async (tx) => {
  const body = await createBody(tx, { tenantId: tenant.id, actor: 'cli:bench:Bench', at: at() }, { code: 'kommunestyret', kind: 'council', name: 'Kommunestyret' });
  await updateSettings(tx, c(), { proposalThreshold: signers + 1, signingDays: 180, proposalBodyId: body.id });
  return body.id;
});
const seriesId = (await sql<{ id: string }>`select id from series where tenant_id = ${tenant.id}::uuid and status = 'active'`.execute(ctx.db.kysely)).rows[0]!.id;

log(`Logging in ${signers} synthetic citizens with e-ID, level high (sessions, not timed)…`);
const idToken = `e30.${Buffer.from(JSON.stringify({ acr: 'idporten-loa-high' })).toString('base64url')}.sig`;
const sessions: Record<string, string>[] = [];
const people: Signer[] = [];
async function citizen(i: number): Promise<{ headers: Record<string, string>; person: Signer }> {
  const day = new Date(Date.UTC(1940, 0, 1) + i * 86_400_000 * 23).toISOString().slice(0, 10);
  const identityNumber = syntheticNorwegianNumber(day, i % 20);
  const name = `Innbygger ${i}`;
  return withoutTenant(ctx.db, async (tx) => {
    const userId = await upsertUser(tx, { issuer: 'https://idporten.test', subject: `proposal-${i}`, name, email: undefined, emailVerified: false, identityNumber }, at());
    await grantLocalRole(tx, tenant.id, userId, 'citizen', at());
    const { sessionId, csrfToken } = await createSession(tx, userId, at(), idToken);
    return { headers: { cookie: `${SESSION_COOKIE}=${radhus.app.signCookie(sessionId)}`, [CSRF_HEADER]: csrfToken }, person: { userId, name, identityNumber } };
  });
}
for (let i = 0; i < signers; i++) {
  const { headers, person } = await citizen(i);
  sessions.push(headers);
  people.push(person);
}
const author = await citizen(signers);
const authorPrincipal: Principal = { kind: 'user', id: author.person.userId, name: author.person.name, roles: ['citizen'], login: { at: at(), level: 'high' } };

/** A new open proposal by the author (their signature the first), as the API would write it. */
async function newProposal(title: string): Promise<string> {
  const staged: StagedFile[] = [];
  const p = await inTenant((tx) => createProposal(tx, ctx, c(), authorPrincipal, { title, body: 'Vi foreslår at kommunen bygger en ny ballbinge ved skolen, åpen for alle.', notifyEmail: 'forslag@example.no' }, staged));
  return p.id;
}

const target = (proposalId: string): SignTarget => ({ tenantId: tenant.id, seriesId, bodyId, proposalId, people, author: author.person });
const signPath = (id: string) => `/api/v1/${slug}/proposals/${id}/signatures`;
const body = JSON.stringify({ notifyEmail: 'innbygger{i}@example.no' });

// Warm-up, not counted: everyone signs a proposal through the API (JIT, pool, caches), and the floor
// runs once on a proposal of its own, reaching included.
log('Warm-up: every citizen signs a proposal through the API, and the floor runs once…');
const warmApi = await newProposal('Oppvarming: API');
await measureRemote({ name: 'warm-up API', baseUrl: apiUrl, headers: {}, headerSets: sessions, method: 'POST', paths: [signPath(warmApi)], body, status: 201, total: signers, concurrency: 50 });
const warmFloor = await newProposal('Oppvarming: gulv');
await measure({ name: 'warm-up floor', total: signers, concurrency: 50, op: (i) => rawSign(ctx.db, target(warmFloor), i) });
await settle();

if (process.env.BENCH_PROPOSAL_CAPTURE) {
  // What the API sends for one reaching signature (the floor's model): a proposal one short.
  const one = await newProposal('Fangst');
  await withTenant(ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'bench', name: 'Bench' } }, (tx) => sql`update citizen_proposals set signature_count = threshold - 1 where id = ${one}`.execute(tx));
  const client = new HttpClient(apiUrl);
  const statements = await capture.during(ctx.db.kysely, () => client.expect(201, 'POST', signPath(one), { notifyEmail: 'x@example.no' }, sessions[0]), () => true);
  client.close();
  for (const s of statements) log(`  ${s.sql.replace(/\s+/g, ' ').slice(0, 400)}`);
  log(`  (${statements.length} statements)`);
}

const results: Measurement[] = [];
const ratios: { label: string; api: Measurement; floor: Measurement }[] = [];
const checks: string[] = [];
for (const concurrency of concurrencies) {
  const floorProposal = await newProposal(`Gulv ${concurrency}`);
  log(`raw SQL: ${signers} signatures, ${concurrency} at once…`);
  let before = counter.count;
  const floor = await measure({ name: `raw SQL: sign (${concurrency} at once)`, total: signers, concurrency, op: (i) => rawSign(ctx.db, target(floorProposal), i) });
  floor.statementsPerOp = (counter.count - before) / signers;
  results.push(floor);
  const floorRow = (await sql<{ signature_count: number; status: string }>`select signature_count, status from citizen_proposals where id = ${floorProposal}`.execute(ctx.db.kysely)).rows[0]!;
  checks.push(`Floor at ${concurrency}: count ${floorRow.signature_count}, status ${floorRow.status}`);
  await settle();

  const apiProposal = await newProposal(`API ${concurrency}`);
  const casesBefore = await caseCount();
  log(`API: signProposal, ${signers} citizens, ${concurrency} at once (the author tries again meanwhile)…`);
  before = counter.count;
  const again = doubleSigner(apiProposal);
  const api = await profiled(`api-signproposal-${concurrency}`, () => measureRemote({
    name: `API: signProposal (${concurrency} at once)`, baseUrl: apiUrl, headers: {}, headerSets: sessions, method: 'POST', paths: [signPath(apiProposal)],
    body, status: 201, total: signers, concurrency,
  }));
  const refused = await again.stop();
  // Per signature, the author's few refused attempts included (they run alongside).
  api.statementsPerOp = (counter.count - before) / signers;
  results.push(api);
  ratios.push({ label: `signProposal at ${concurrency}: API ÷ raw SQL`, api, floor });
  checks.push(await check(apiProposal, casesBefore, refused.count, concurrency));
  await settle();
}

checks.push(await reachingAlone());

printReport({
  engine: ctx.db.engine,
  engineVersion,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; DATABASE_POOL_SIZE ${process.env.DATABASE_POOL_SIZE ?? 10}`,
  concurrency: Math.max(...concurrencies),
  loadBefore,
  results,
  ratios,
});
for (const line of checks) process.stdout.write(`${line}\n`);
process.stdout.write('\n');

await radhus.close();
await rm(dataDir, { recursive: true, force: true });
await drop();

/**
 * The reaching signature on its own: a proposal signed by all but one (not timed), then the last
 * signer alone — the case filed and a notice to each of the ${signers + 1} addresses, while nobody
 * else waits — through the API and in the floor.
 */
async function reachingAlone(): Promise<string> {
  const last = signers - 1;
  const apiProposal = await newProposal('Alene: API');
  await measureRemote({ name: 'all but one sign (API)', baseUrl: apiUrl, headers: {}, headerSets: sessions, method: 'POST', paths: [signPath(apiProposal)], body, status: 201, total: last, concurrency: 50 });
  const client = new HttpClient(apiUrl);
  let before = counter.count;
  let t0 = performance.now();
  await client.expect(201, 'POST', signPath(apiProposal), { notifyEmail: `innbygger${last}@example.no` }, sessions[last]);
  const apiMs = performance.now() - t0;
  const apiStatements = counter.count - before;
  client.close();
  const floorProposal = await newProposal('Alene: gulv');
  await measure({ name: 'all but one sign (floor)', total: last, concurrency: 50, op: (i) => rawSign(ctx.db, target(floorProposal), i) });
  before = counter.count;
  t0 = performance.now();
  await rawSign(ctx.db, target(floorProposal), last);
  const floorMs = performance.now() - t0;
  const floorStatements = counter.count - before;
  const statuses = (await sql<{ status: string }>`select status from citizen_proposals where id in (${apiProposal}, ${floorProposal})`.execute(ctx.db.kysely)).rows.map((r) => r.status);
  return `The reaching signature alone (case filed, ${signers + 1} notices, nobody else signing): API ${apiMs.toFixed(0)} ms, ${apiStatements} statements; floor ${floorMs.toFixed(0)} ms, `
    + `${floorStatements} statements; ratio ${(apiMs / floorMs).toFixed(2)}× (${statuses.join(', ')})`;
}

async function caseCount(): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from case_files where tenant_id = ${tenant.id}::uuid`.execute(ctx.db.kysely)).rows[0]!.n;
}

/**
 * The author (who signed when writing it) signs again, over and over while the run goes on: each
 * attempt must be a 409 alreadySigned, queued behind the same row lock as everyone else.
 */
function doubleSigner(proposalId: string): { stop: () => Promise<{ count: number }> } {
  const client = new HttpClient(apiUrl, {}, 1);
  let running = true;
  let count = 0;
  const loop = (async () => {
    while (running) {
      const answer = await client.send('POST', signPath(proposalId), { notifyEmail: 'forslag@example.no' }, author.headers);
      if (answer.status !== 409 || !answer.body.includes('alreadySigned')) throw new Error(`the double signer got ${answer.status}: ${answer.body.slice(0, 300)}`);
      count += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      client.close();
      return { count };
    },
  };
}

/** After a run: N signatures by e-ID plus the author's, the count the same, exactly one case filed. */
async function check(proposalId: string, casesBefore: number, refused: number, concurrency: number): Promise<string> {
  const row = (await sql<{ signatures: number; count: number; status: string; case_file_id: string | null }>`select
      (select count(*) from citizen_proposal_signatures where proposal_id = p.id)::int as signatures, p.signature_count as count, p.status, p.case_file_id
    from citizen_proposals p where p.id = ${proposalId}`.execute(ctx.db.kysely)).rows[0]!;
  const cases = (await caseCount()) - casesBefore;
  const expected = signers + 1;
  const ok = row.signatures === expected && row.count === expected && row.status === 'reached' && row.case_file_id !== null && cases === 1 && refused > 0;
  const line = `Check at ${concurrency}: ${row.signatures} signatures (${signers} through the API + the author's), count ${row.count}, status ${row.status}, `
    + `${cases} case filed; ${signers} × 201, no 5xx; the author's ${refused} attempts to sign again: 409 each — ${ok ? 'OK' : 'FAILED'}`;
  if (!ok) {
    process.stdout.write(`${line}\n`);
    process.exitCode = 1;
  }
  return line;
}

/** Waits (at most two minutes) until every event consumer has handled every outbox event. */
async function settle(): Promise<void> {
  for (let tries = 0; tries < 240; tries++) {
    // In the dispatcher's order, (transaction, id): the last event handled need not have the highest id.
    const row = (await sql<{ behind: number }>`select count(*)::int as behind from event_consumers c
      where exists (select 1 from outbox o where (o.tx_id, o.id) > (c.position_tx, c.position_id))`.execute(ctx.db.kysely)).rows[0]!;
    if (!row.behind) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const behind = (await sql<{ name: string; position_id: string; status: string; last_error: string | null }>`select name, position_id, status, last_error from event_consumers c
    where exists (select 1 from outbox o where (o.tx_id, o.id) > (c.position_tx, c.position_id))`.execute(ctx.db.kysely)).rows;
  log(`  (the event consumers had not caught up after two minutes; measuring anyway: ${behind.map((r) => `${r.name} at ${r.position_id} ${r.status} ${r.last_error ?? ''}`).join('; ')})`);
}
