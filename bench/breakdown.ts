// SPDX-License-Identifier: EUPL-1.2
// `npm run bench:breakdown`: where listCaseFiles' time goes, one layer at a time, in CPU ms per
// request measured in this process (one request at a time, interleaved rounds): the raw SQL floor,
// the same in a tenant transaction as radhus_app, Kysely's query, the token check, the presenters,
// the whole Fastify stack (inject, no socket) and real HTTP. The differences between lines are the
// cost of each layer (BENCHMARKS.md, "Where the API's time goes"). PGlite by default; DATABASE_URL
// for PostgreSQL (where the server's CPU is not counted).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createRadhus, openContext } from '../src/radhus.ts';
import { addTenantWithToken, testConfig } from '../src/durability/tenant-setup.ts';
import { withTenant, beginTenant, finishOpenTenant } from '../src/platform/db/transaction.ts';
import { listCaseFiles } from '../src/archive/queries.ts';
import { presentCaseFile } from '../src/archive/presenters.ts';
import { authenticateToken } from '../src/identity/tokens.ts';
import { rawListCaseFiles } from './raw-sql.ts';
import { HttpClient } from './http.ts';

const dir = await mkdtemp(join(tmpdir(), 'radhus-breakdown-'));
const ctx = await openContext(testConfig(dir, process.env.DATABASE_URL));
const slug = `breakdown-${Date.now() % 100000}`;
const { tenant, token } = await addTenantWithToken(ctx, slug);
const radhus = await createRadhus(ctx, { logger: false });
await radhus.app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(radhus.app.server.address() as AddressInfo).port}`;
const client = new HttpClient(url, { authorization: `Bearer ${token}` }, 1);
for (let i = 0; i < 60; i++) await client.expect(201, 'POST', `/api/v1/${slug}/case-files`, { title: 'Sak ' + i });
const actor = { kind: 'system' as const, id: 'x', name: 'x' };
const principal = { kind: 'system' as const, id: 'x', name: 'x', roles: ['system' as const] };
const q = { limit: 50 } as any;
// Each line adds one layer to the line before it (g and h are the transaction alone).
const modes: Record<string, () => Promise<unknown>> = {
  'g empty withTenant': () => withTenant(ctx.db, { tenantId: tenant.id, actor }, async () => 0),
  'h begin/commit': () => ctx.db.kysely.transaction().execute(async () => 0),
  'i raw page in tx as app': () => withTenant(ctx.db, { tenantId: tenant.id, actor }, async (tx) => sql`select id, tenant_id, series_id, class_id, case_year, case_sequence, title, public_title, description, status, case_date,
  responsible_unit, responsible_officer, screening, keywords, created_at, created_by, updated_at, closed_at, closed_by from case_files where tenant_id = ${tenant.id} order by id desc limit ${51}`.execute(tx)),
  'a raw page': () => rawListCaseFiles(ctx.db, tenant.id, 50),
  'b withTenant+list': () => withTenant(ctx.db, { tenantId: tenant.id, actor }, (tx) => listCaseFiles(tx, q)),
  'c +token in tx': async () => { const open = await beginTenant(ctx.db, tenant.id); await authenticateToken(open.tx, token, new Date()); return finishOpenTenant(open, (tx) => listCaseFiles(tx, q)); },
  'd +present': async () => { const open = await beginTenant(ctx.db, tenant.id); await authenticateToken(open.tx, token, new Date()); const p = await finishOpenTenant(open, (tx) => listCaseFiles(tx, q)); return p.rows.map((r) => presentCaseFile(r as any, principal as any)); },
  'e inject': () => radhus.app.inject({ method: 'GET', url: `/api/v1/${slug}/case-files?limit=50`, headers: { authorization: `Bearer ${token}` } }),
  'f http': () => client.expect(200, 'GET', `/api/v1/${slug}/case-files?limit=50`),
};
// ONLY='e inject' BENCH_PROFILE=/tmp/prof: a CPU profile of one line instead of the table.
if (process.env.ONLY) {
  const { profiled } = await import('./profile.ts');
  const fn = modes[process.env.ONLY]!;
  for (let k = 0; k < 50; k++) await fn();
  await profiled('breakdown-' + process.env.ONLY, async () => { for (let k = 0; k < 400; k++) await fn(); });
  process.exit(0);
}
const totals: Record<string, number> = {};
for (let round = 0; round < 6; round++) for (const [name, fn] of Object.entries(modes)) {
  for (let k = 0; k < 20; k++) await fn();
  const c0 = process.cpuUsage();
  for (let k = 0; k < 100; k++) await fn();
  const c = process.cpuUsage(c0);
  if (round > 0) totals[name] = (totals[name] ?? 0) + (c.user + c.system) / 1000 / 100 / 5;
}
console.log(`| layer (${ctx.db.engine}) | CPU ms per request |\n|---|---:|`);
for (const [k, v] of Object.entries(totals)) console.log(`| ${k} | ${v.toFixed(3)} |`);
await radhus.close();
await ctx.db.close().catch(() => undefined);
process.exit(0);
