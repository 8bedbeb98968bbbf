// SPDX-License-Identifier: EUPL-1.2
// `npm run bench` (third part): the Noark 5 export at scale (issue 8 §5). For two sizes
// (BENCH_EXPORT_ENTRIES, default 100 000, and BENCH_EXPORT_LARGE, default ten times as many; 0
// skips it) a municipality is filled with closed case files, entries, parties, documents and
// their change log (bench/deposit-data.ts), then exported from PostgreSQL by the real command,
// `radhus export noark5 --tenant … --series all --out …`, in a child process whose peak RSS (VmHWM)
// and wall time, start-up included, are measured alone. The floor: a plain
// `COPY (select …) TO` file of the same entries with their case file, first party and document, in
// the same run. Targets: peak RSS ≤ 1.2× from the small to the large size and under 300 MB, time
// linear, a rate within 3× of the floor.
// PostgreSQL only: DATABASE_URL (an empty database), or a fresh database on the server named by
// RADHUS_TEST_DATABASE_URL, dropped afterwards. Without either the bench says so and stops.
// More knobs: BENCH_EXPORT_IN_PROCESS=1 (run `exportNoark5` from the sources through tsx instead of
// the command, as before 2026-12-02), BENCH_EXPORT_BATCH (its batch size; in process only), BENCH_EXPORT_VERIFY=1 (verify each
// package after it is timed: proves the generated archive is a valid extraction),
// BENCH_EXPORT_GENERATE_ONLY=1 (fill the database, keep it and its data folder, export nothing),
// BENCH_EXPORT_PROFILE=folder (a CPU profile of the export child; bench/profile-summary.ts reads it).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { createRadhus, openContext } from '../src/radhus.ts';
import { addTenantWithToken, testConfig } from '../src/durability/tenant-setup.ts';
import { withoutTenant } from '../src/platform/db/transaction.ts';
import { findTenantBySlug } from '../src/tenants/service.ts';
import { exportNoark5, verifyNoark5 } from '../src/deposit/service.ts';
import { multipartBody } from '../src/test-support/multipart.ts';
import { floorSelect, makeTemplate, multiply, PER_CASE, TEMPLATE_CASES } from './deposit-data.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

if (process.env.BENCH_EXPORT_CHILD) {
  await child();
  process.exit(0);
}

const TEMPLATE = TEMPLATE_CASES * PER_CASE;
const small = Number(process.env.BENCH_EXPORT_ENTRIES ?? 100_000);
const large = Number(process.env.BENCH_EXPORT_LARGE ?? small * 10);
const sizes = [small, large].filter((n) => n > 0).map((n) => Math.max(TEMPLATE, Math.round(n / TEMPLATE) * TEMPLATE));

const loadBefore = loadavg();
const { url: databaseUrl, drop } = await database();
if (!databaseUrl) {
  log('bench/deposit-export.ts: skipped — it exports from PostgreSQL: set DATABASE_URL (an empty database) or RADHUS_TEST_DATABASE_URL (a server).');
  process.exit(0);
}
const dataDir = await mkdtemp(join(tmpdir(), 'radhus-bench-export-'));
log(`Opening PostgreSQL and migrating (data folder ${dataDir})…`);
const ctx = await openContext(testConfig(dataDir, databaseUrl));
const radhus = await createRadhus(ctx, { logger: false, background: false });
const engineVersion = (await sql<{ version: string }>`select version()`.execute(ctx.db.kysely)).rows[0]!.version;

interface Row {
  entries: number;
  caseFiles: number;
  files: number;
  generateSeconds: number;
  exportSeconds: number;
  peakRssMb: number;
  floorSeconds: number;
  packageMb: number;
}
const rows: Row[] = [];

for (const [index, size] of sizes.entries()) {
  const slug = `bench-export-${index + 1}`;
  const { tenant, token } = await addTenantWithToken(ctx, slug, String(5401 + index));
  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await radhus.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
    return res.json();
  };
  const upload = async (url: string, content: Buffer) => {
    const form = multipartBody({ file: { name: 'notat.pdf', type: 'application/pdf', content }, title: 'Notat' });
    const res = await radhus.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, ...form.headers }, payload: form.body });
    if (res.statusCode !== 201) throw new Error(`upload ${url} → ${res.statusCode}: ${res.body}`);
  };
  log(`${size} entries: the template (${TEMPLATE} entries) through the API, then ${size / TEMPLATE} copies in SQL…`);
  const g0 = performance.now();
  await makeTemplate(call, slug, upload);
  await multiply(ctx.db.kysely, tenant.id, size / TEMPLATE);
  const generateSeconds = (performance.now() - g0) / 1000;
  const counts = (await sql<{ e: number; c: number }>`select (select count(*) from registry_entries where tenant_id = ${tenant.id}::uuid)::int as e,
    (select count(*) from case_files where tenant_id = ${tenant.id}::uuid)::int as c`.execute(ctx.db.kysely)).rows[0]!;
  log(`  generated ${counts.e} entries in ${counts.c} case files in ${generateSeconds.toFixed(0)} s`);

  // The floor: the same entries straight out of PostgreSQL into a file on the server's disk.
  const floorFile = join(tmpdir(), `radhus-bench-copy-${randomBytes(4).toString('hex')}.csv`);
  const f0 = performance.now();
  await sql.raw(`copy (${floorSelect(tenant.id)}) to '${floorFile}' (format csv)`).execute(ctx.db.kysely);
  const floorSeconds = (performance.now() - f0) / 1000;
  await rm(floorFile, { force: true }).catch(() => undefined);
  log(`  floor (COPY … TO): ${floorSeconds.toFixed(1)} s`);

  if (process.env.BENCH_EXPORT_GENERATE_ONLY === '1') {
    log(`  generated only (BENCH_EXPORT_GENERATE_ONLY): ${databaseUrl}, municipality ${slug}, data folder ${dataDir}`);
    continue;
  }
  const out = join(dataDir, `package-${slug}`);
  const result = await runChild({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, BENCH_EXPORT_TENANT: slug, BENCH_EXPORT_OUT: out });
  log(`  export: ${result.seconds.toFixed(1)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB, ${result.files} document files`);
  if (process.env.BENCH_EXPORT_VERIFY === '1' && process.env.BENCH_EXPORT_IN_PROCESS !== '1') {
    const report = await verifyNoark5(out);
    for (const c of report.checks.filter((c) => c.status === 'failed')) log(`    verify ${c.id} failed: ${JSON.stringify(c.findings.slice(0, 3))}`);
    log(`    verify: ${report.passed ? 'passed' : 'FAILED'}`);
  }
  rows.push({ entries: counts.e, caseFiles: counts.c, files: result.files, generateSeconds, exportSeconds: result.seconds, peakRssMb: result.peakRssMb, floorSeconds, packageMb: (await stat(join(out, 'arkivstruktur.xml'))).size / 1e6 });
  await rm(out, { recursive: true, force: true });
}

await radhus.close();
if (process.env.BENCH_EXPORT_GENERATE_ONLY !== '1') {
  await rm(dataDir, { recursive: true, force: true });
  await drop();
}

const outLine = (line = '') => process.stdout.write(`${line}\n`);
outLine();
outLine(`Noark 5 export at scale — ${engineVersion.split(',')[0]}`);
outLine(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}`);
outLine(`Load average before → after: ${loadBefore.map((v) => v.toFixed(2)).join(' ')} → ${loadavg().map((v) => v.toFixed(2)).join(' ')} (other processes on the machine skew the figures)`);
outLine();
outLine('| entries | case files | document files | export s | entries/s | peak RSS MB | arkivstruktur.xml MB | floor COPY s | floor entries/s | export ÷ floor time |');
outLine('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  outLine(`| ${r.entries} | ${r.caseFiles} | ${r.files} | ${r.exportSeconds.toFixed(1)} | ${(r.entries / r.exportSeconds).toFixed(0)} | ${r.peakRssMb.toFixed(0)} | ${r.packageMb.toFixed(0)} | ${r.floorSeconds.toFixed(2)} | ${(r.entries / r.floorSeconds).toFixed(0)} | ${(r.exportSeconds / r.floorSeconds).toFixed(1)}× |`);
outLine();
if (rows.length === 2) {
  const [a, b] = rows as [Row, Row];
  const rss = b.peakRssMb / a.peakRssMb;
  const linear = b.exportSeconds / b.entries / (a.exportSeconds / a.entries);
  outLine(`Peak RSS ${b.entries} ÷ ${a.entries}: ${rss.toFixed(2)}× (target ≤ 1.2×: ${rss <= 1.2 ? 'met' : 'MISSED'}); largest ${b.peakRssMb.toFixed(0)} MB (target < 300 MB: ${b.peakRssMb < 300 ? 'met' : 'MISSED'})`);
  outLine(`Time per entry ${b.entries} ÷ ${a.entries}: ${linear.toFixed(2)}× (1.0 is linear)`);
}
for (const r of rows) {
  const ratio = r.exportSeconds / r.floorSeconds;
  outLine(`Rate at ${r.entries}: ${ratio.toFixed(1)}× the floor's time (target ≤ 3×: ${ratio <= 3 ? 'met' : 'MISSED'})`);
}
outLine();

/** DATABASE_URL, or a fresh database on RADHUS_TEST_DATABASE_URL's server (dropped by `drop`). */
async function database(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const given = process.env.DATABASE_URL?.trim();
  if (given) return { url: given, drop: async () => {} };
  const admin = process.env.RADHUS_TEST_DATABASE_URL?.trim();
  if (!admin) return { url: undefined, drop: async () => {} };
  const name = `radhus_bench_export_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Runs the export in a child process: its peak RSS is the export's alone. */
function runChild(env: Record<string, string>): Promise<{ seconds: number; peakRssMb: number; files: number }> {
  if (process.env.BENCH_EXPORT_IN_PROCESS !== '1') return runCommand(env);
  const runTs = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...profileFlags(), runTs, self], { env: { ...process.env, ...env, BENCH_EXPORT_CHILD: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the export child exited with ${code}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function profileFlags(): string[] {
  return process.env.BENCH_EXPORT_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_EXPORT_PROFILE] : [];
}

/**
 * `radhus export noark5` as an archivist runs it (bin/radhus.js: the bundle, or the sources through
 * tsx with RADHUS_RUN_SOURCES=1). Its peak RSS is the kernel's high-water mark (VmHWM), read every
 * 100 ms while it runs: the mark only rises, so the last reading holds the peak up to then.
 */
function runCommand(env: Record<string, string>): Promise<{ seconds: number; peakRssMb: number; files: number }> {
  const bin = fileURLToPath(new URL('../bin/radhus.js', import.meta.url));
  const args = [...profileFlags(), bin, 'export', 'noark5', '--tenant', env.BENCH_EXPORT_TENANT!, '--series', 'all', '--out', env.BENCH_EXPORT_OUT!];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, args, {
      env: { ...process.env, NODE_ENV: 'test', RADHUS_SEED_DEMO: 'false', DATABASE_URL: env.DATABASE_URL!, DATA_DIR: env.DATA_DIR! },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakKb = 0;
    const look = () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // gone already, or not Linux
      }
    };
    const sampler = setInterval(look, 100);
    let stdout = '';
    let last = 0;
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => {
      // The command's progress: a line every ten seconds with the RSS so far.
      const now = performance.now();
      if (now - last < 10_000) return;
      last = now;
      look();
      log(`      ${((now - t0) / 1000).toFixed(0)} s, peak RSS so far ${(peakKb / 1024).toFixed(0)} MB: ${chunk.toString().trim().split('\n').pop()!.slice(0, 120)}`);
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`radhus export noark5 exited with ${code}: ${stdout}`));
      const files = /(\d+) document file\(s\)/.exec(stdout);
      if (!files) return reject(new Error(`radhus export noark5 said: ${stdout}`));
      resolve({ seconds, peakRssMb: peakKb ? peakKb / 1024 : Number.NaN, files: Number(files[1]) });
    });
  });
}

/** The child: one export, then its time and peak RSS on stdout as JSON. */
async function child(): Promise<void> {
  const dataDir = process.env.DATA_DIR!;
  const ctx = await openContext(testConfig(dataDir, process.env.DATABASE_URL));
  const tenant = (await withoutTenant(ctx.db, (tx) => findTenantBySlug(tx, process.env.BENCH_EXPORT_TENANT!)))!;
  let sampled = 0;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 100);
  const t0 = performance.now();
  let last = 0;
  const result = await exportNoark5(ctx, {
    tenant,
    series: 'all',
    out: process.env.BENCH_EXPORT_OUT!,
    actor: 'cli:bench',
    soffice: null,
    ...(process.env.BENCH_EXPORT_BATCH ? { batchSize: Number(process.env.BENCH_EXPORT_BATCH) } : {}),
    warn: (line) => log(`    warning: ${line.slice(0, 200)}`),
    progress: {
      phase: (name, total) => log(`    ${((performance.now() - t0) / 1000).toFixed(1)} s: ${name}${total ? ` (${total})` : ''}…`),
      tick: () => {
        const now = performance.now();
        if (now - last > 10_000) {
          last = now;
          log(`      ${((now - t0) / 1000).toFixed(0)} s, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
        }
      },
      done: () => {},
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  // getrusage's maxrss is in kilobytes on Linux: the true peak, between the sampler's looks too.
  const peakRssMb = Math.max(process.resourceUsage().maxRSS / 1024, sampled / 2 ** 20);
  await ctx.db.close();
  if (process.env.BENCH_EXPORT_VERIFY === '1') {
    // A check that the generated archive makes a valid package (slow: not for the timed sizes).
    const report = await verifyNoark5(process.env.BENCH_EXPORT_OUT!);
    for (const c of report.checks.filter((c) => c.status === 'failed')) log(`    verify ${c.id} failed: ${JSON.stringify(c.findings.slice(0, 3))}`);
    log(`    verify: ${report.passed ? 'passed' : 'FAILED'}`);
  }
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb, files: result.counts.files })}\n`);
}
