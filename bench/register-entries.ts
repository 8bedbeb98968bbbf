// SPDX-License-Identifier: EUPL-1.2
// `npm run bench`: registering entries (journalposter) through the real API over loopback HTTP,
// against two floors on the same machine — the same rows written in raw SQL on the same engine, and
// a bare Fastify route for the HTTP cost — plus two reads against their raw SQL selects.
// PGlite in a temporary folder by default; the PostgreSQL named by DATABASE_URL when it is set.
// Knobs: BENCH_ENTRIES (1000), BENCH_READS (500), BENCH_CONCURRENCY (8), BENCH_PROFILE=folder (a CPU profile per
// measurement; summarise with bench/profile-summary.ts).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createRadhus, openContext } from '../src/radhus.ts';
import { addTenantWithToken, testConfig } from '../src/durability/tenant-setup.ts';
import { startBareFastify } from './bare-fastify.ts';
import { measure, type Measurement } from './harness.ts';
import { HttpClient } from './http.ts';
import { measureRemote, type RemoteLoad } from './remote-load.ts';
import { rawGetCaseFile, rawListCaseFiles, rawRegisterEntry } from './raw-sql.ts';
import { printReport } from './report.ts';
import { profiled } from './profile.ts';
import { QueryCounter, observeStatements } from './query-counter.ts';

const entries = Number(process.env.BENCH_ENTRIES ?? 1000);
const reads = Number(process.env.BENCH_READS ?? 500);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const WRITE_CASES = 20;
const READ_CASES = 60;
const LIST_LIMIT = 50;

const loadBefore = loadavg();
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
const dataDir = await mkdtemp(join(tmpdir(), 'radhus-bench-'));
const config = testConfig(dataDir, databaseUrl);
const log = (line: string) => process.stderr.write(`${line}\n`);

log(`Opening ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`} and migrating…`);
const ctx = await openContext(config);
// Every statement of the app and of the floor goes through this handle, so it can count them.
const counter = new QueryCounter();
observeStatements(ctx.db, counter);
const engineVersion = (await sql<{ version: string }>`select version()`.execute(ctx.db.kysely)).rows[0]!.version;
const slug = `bench-${randomBytes(3).toString('hex')}`;
const { tenant, token } = await addTenantWithToken(ctx, slug, String(1000 + Math.floor(Math.random() * 8999)));
const radhus = await createRadhus(ctx, { logger: false });
await radhus.app.listen({ port: 0, host: '127.0.0.1' });
const apiUrl = `http://127.0.0.1:${(radhus.app.server.address() as AddressInfo).port}`;
const api = new HttpClient(apiUrl, { authorization: `Bearer ${token}` }, concurrency);
const bare = await startBareFastify();

const sender = [{ name: 'Kari Nordmann', kind: 'person', role: 'sender' }];
const entryBody = (i: number) => ({ type: 'incoming', title: `Søknad om byggeløyve ${i}`, correspondents: sender });
const createCase = (title: string) => api.expect<{ id: string }>(201, 'POST', `/api/v1/${slug}/case-files`, { title });

log(`Creating ${WRITE_CASES} case files to register into and ${READ_CASES} with 3 entries each to read…`);
const writeCases: string[] = [];
for (let i = 0; i < WRITE_CASES; i++) writeCases.push((await createCase(`Byggesak ${i}`)).id);
const readCases: string[] = [];
for (let i = 0; i < READ_CASES; i++) {
  const id = (await createCase(`Lesesak ${i}`)).id;
  for (let j = 0; j < 3; j++) await api.expect(201, 'POST', `/api/v1/${slug}/case-files/${id}/registry-entries`, entryBody(j));
  readCases.push(id);
}

const warmup = Math.min(200, Math.ceil(entries / 10));
const results: Measurement[] = [];
const run = async (name: string, total: number, op: (i: number) => Promise<void>) => {
  log(`${name}…`);
  const before = counter.count;
  const result = await profiled(name, () => measure({ name, total, concurrency, op, warmup }));
  result.statementsPerOp = (counter.count - before) / (total + warmup);
  results.push(result);
  return result;
};

// HTTP load comes from a child process (bench/remote-load.ts), so the figures of the API and of
// the bare route are the server's own; the raw SQL floors run in this process and have no client.
const runRemote = async (load: Omit<RemoteLoad, 'concurrency' | 'warmup' | 'headers'> & { headers?: Record<string, string> }) => {
  log(`${load.name}…`);
  const before = counter.count;
  const result = await profiled(load.name, () => measureRemote({ headers: {}, ...load, concurrency, warmup }));
  result.statementsPerOp = (counter.count - before) / (load.total + warmup);
  results.push(result);
  return result;
};
const auth = { authorization: `Bearer ${token}` };
const entryTemplate = JSON.stringify(entryBody(0)).replace('byggeløyve 0', 'byggeløyve {i}');

const bareWrite = await runRemote({ name: 'bare Fastify POST (no database)', baseUrl: bare.url, method: 'POST', paths: ['/echo'], body: entryTemplate, status: 201, total: entries });
const rawWrite = await run('raw SQL: register entry', entries, (i) => rawRegisterEntry(ctx.db, tenant.id, writeCases[i % WRITE_CASES]!, `Søknad om byggeløyve ${i}`));
const apiWrite = await runRemote({
  name: 'API: createRegistryEntry', baseUrl: apiUrl, headers: auth, method: 'POST', status: 201, total: entries, body: entryTemplate,
  paths: writeCases.map((id) => `/api/v1/${slug}/case-files/${id}/registry-entries`),
});
const rawList = await run(`raw SQL: case file page (${LIST_LIMIT})`, reads, async () => {
  await rawListCaseFiles(ctx.db, tenant.id, LIST_LIMIT);
});
const apiList = await runRemote({
  name: `API: listCaseFiles (${LIST_LIMIT})`, baseUrl: apiUrl, headers: auth, method: 'GET', status: 200, total: reads, paths: [`/api/v1/${slug}/case-files?limit=${LIST_LIMIT}`],
});
const rawGet = await run('raw SQL: case file + entries', reads, async (i) => {
  await rawGetCaseFile(ctx.db, readCases[i % READ_CASES]!);
});
const apiGet = await runRemote({
  name: 'API: getCaseFile', baseUrl: apiUrl, headers: auth, method: 'GET', status: 200, total: reads, paths: readCases.map((id) => `/api/v1/${slug}/case-files/${id}`),
});

printReport({
  engine: ctx.db.engine,
  engineVersion,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
  concurrency,
  loadBefore,
  results,
  ratios: [
    { label: 'createRegistryEntry: API ÷ raw SQL', api: apiWrite, floor: rawWrite },
    { label: 'createRegistryEntry: API ÷ bare Fastify', api: apiWrite, floor: bareWrite },
    { label: 'listCaseFiles: API ÷ raw SQL', api: apiList, floor: rawList },
    { label: 'getCaseFile: API ÷ raw SQL', api: apiGet, floor: rawGet },
  ],
});

api.close();
await bare.app.close();
await radhus.close();
await rm(dataDir, { recursive: true, force: true });
