// SPDX-License-Identifier: EUPL-1.2
// The archivist's deposit jobs over HTTP (issue 8 §5): close a period, export as a background job,
// watch it, download the tar, verify it and read the report per check. Only archivists; another
// municipality's job is not there; a refused request writes nothing; a job a stopped process left
// "running" is failed at start; row-level security holds as radhus_app.
import { sql } from 'kysely';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../../test-support/app.ts';
import { withoutTenant, withTenant, type Tx } from '../../platform/db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import { seedDemo } from '../../demo/seed.ts';
import { findTenantBySlug, type Tenant } from '../../tenants/service.ts';
import { createRadhus } from '../../radhus.ts';
import { failInterruptedJobs, packageDir, STALE_MS } from './runner.ts';
import * as repo from './repository.ts';

let t: TestRadhus;
let tenant: Tenant;
let other: Tenant;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestRadhus();
  await seedDemo(t.ctx);
  tenant = (await withoutTenant(t.ctx.db, (tx) => findTenantBySlug(tx, 'balsfjord')))!;
  other = await t.tenant();
  tokens.archivist = await t.token(tenant, 'archivist');
  tokens.officer = await t.token(tenant, 'case-officer');
  tokens.admin = await t.token(tenant, 'tenant-admin');
  tokens.otherArchivist = await t.token(other, 'archivist');
}, 240_000);
afterAll(() => t?.close());

const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
const api = (slug: string, path: string) => `/api/v1/${slug}${path}`;
const owner = () => t.ctx.db.kysely;
const count = async (table: 'deposit_jobs' | 'jobs') => Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(owner())).rows[0]!.n);

describe(`the archivist's deposit jobs (${testEngine()})`, () => {
  let exportId: string;

  it('refuses a case officer and a tenant administrator (403) and writes nothing', async () => {
    const before = { deposit: await count('deposit_jobs'), jobs: await count('jobs') };
    for (const token of [tokens.officer!, tokens.admin!]) {
      expect((await call(token, 'POST', api(tenant.slug, '/deposit-jobs/exports'), { format: 'noark5' })).statusCode).toBe(403);
      expect((await call(token, 'GET', api(tenant.slug, '/deposit-jobs'))).statusCode).toBe(403);
    }
    expect({ deposit: await count('deposit_jobs'), jobs: await count('jobs') }).toEqual(before);
  });

  it('an archivist closes the period, exports in the background, watches it and downloads the tar', async () => {
    const series = (await call(tokens.archivist!, 'GET', api(tenant.slug, '/series'))).json().items as { id: string; status: string }[];
    const active = series.find((s) => s.status === 'active')!;
    const closed = await call(tokens.archivist!, 'POST', api(tenant.slug, `/series/${active.id}/close-period`), { separation: 'sharp' });
    expect(closed.statusCode, closed.body).toBe(200);

    const started = await call(tokens.archivist!, 'POST', api(tenant.slug, '/deposit-jobs/exports'), { format: 'noark5', seriesId: active.id });
    expect(started.statusCode, started.body).toBe(201);
    const job = started.json();
    expect(job).toMatchObject({ kind: 'export', format: 'noark5', state: 'queued', seriesId: active.id, downloadUrl: null });
    exportId = job.id;

    await t.settle();
    const done = (await call(tokens.archivist!, 'GET', api(tenant.slug, `/deposit-jobs/${exportId}`))).json();
    expect(done.state, done.error).toBe('done');
    expect(done.counts.mappe).toBeGreaterThan(0);
    expect(done.counts.registrering).toBeGreaterThan(0);
    expect(done.progress.done).toBeGreaterThan(0);
    expect(done.downloadUrl).toBe(`/api/v1/${tenant.slug}/deposit-jobs/${exportId}/package`);

    const listed = (await call(tokens.archivist!, 'GET', api(tenant.slug, '/deposit-jobs'))).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(exportId);

    const tar = await call(tokens.archivist!, 'GET', done.downloadUrl);
    expect(tar.statusCode).toBe(200);
    expect(tar.headers['content-type']).toBe('application/x-tar');
    const dir = await mkdtemp(join(tmpdir(), 'radhus-deposit-tar-'));
    try {
      await writeFile(join(dir, 'p.tar'), tar.rawPayload);
      const names = execFileSync('tar', ['-tf', join(dir, 'p.tar')], { encoding: 'utf8' }).split('\n').map((n) => n.replace(/^\.\//, ''));
      for (const name of ['arkivstruktur.xml', 'arkivuttrekk.xml', 'loependeJournal.xml', 'offentligJournal.xml', 'endringslogg.xml', 'arkivstruktur.xsd']) expect(names).toContain(name);
      expect(names.some((n) => n.startsWith('dokumenter/') && n.length > 'dokumenter/'.length)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('verifies the package in the background and reports per check, in the language asked for', async () => {
    const started = await call(tokens.archivist!, 'POST', api(tenant.slug, '/deposit-jobs/verifications'), { exportJobId: exportId });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id;
    await t.settle();
    const nb = (await call(tokens.archivist!, 'GET', api(tenant.slug, `/deposit-jobs/${id}`))).json();
    expect(nb.state, nb.error).toBe('done');
    const failed = nb.report.checks.filter((c: { status: string }) => c.status === 'failed');
    expect(failed, JSON.stringify(failed).slice(0, 2000)).toEqual([]);
    expect(nb.passed).toBe(true);
    expect(nb.report.passed).toBe(true);
    const statuses = new Set(nb.report.checks.map((c: { status: string }) => c.status));
    expect(statuses.has('passed')).toBe(true);
    // N5.29 expects file extensions where Noark 5 v5.5 has PRONOM ids: a known deviation, explained.
    expect(nb.report.checks.find((c: { id: string }) => c.id === 'N5.29')?.status).toBe('deviation');
    const en = (await call(tokens.archivist!, 'GET', api(tenant.slug, `/deposit-jobs/${id}?lang=en`))).json();
    expect(en.report.checks.find((c: { status: string }) => c.status === 'passed').statusText).toBe('passed');
    // The server's folders are not in the report.
    expect(JSON.stringify(en)).not.toContain(t.config.dataDir);
  }, 240_000);

  it('a verification needs a finished Noark 5 export (409) and a series of this municipality (404); nothing is written', async () => {
    const fgs = (await call(tokens.archivist!, 'POST', api(tenant.slug, '/deposit-jobs/exports'), { format: 'fgs' })).json();
    const before = { deposit: await count('deposit_jobs'), jobs: await count('jobs') };
    const queued = await call(tokens.archivist!, 'POST', api(tenant.slug, '/deposit-jobs/verifications'), { exportJobId: fgs.id });
    expect(queued.statusCode).toBe(409);
    expect(queued.json().errors[0].field).toBe('exportJobId');
    expect((await call(tokens.archivist!, 'GET', api(tenant.slug, `/deposit-jobs/${fgs.id}/package`))).statusCode).toBe(409);
    expect((await call(tokens.archivist!, 'POST', api(tenant.slug, '/deposit-jobs/exports'), { format: 'noark5', seriesId: newId() })).statusCode).toBe(404);
    const bad = await call(tokens.archivist!, 'POST', api(tenant.slug, '/deposit-jobs/exports'), { format: 'pdf' });
    expect(bad.statusCode).toBe(400);
    expect({ deposit: await count('deposit_jobs'), jobs: await count('jobs') }).toEqual(before);
    await t.settle();
    const done = (await call(tokens.archivist!, 'GET', api(tenant.slug, `/deposit-jobs/${fgs.id}`))).json();
    expect(done.state, done.error).toBe('done');
    expect(done.counts.caseFiles).toBeGreaterThan(0);
    expect((await call(tokens.archivist!, 'POST', api(tenant.slug, '/deposit-jobs/verifications'), { exportJobId: fgs.id })).statusCode).toBe(409);
  }, 240_000);

  it("another municipality's archivist finds none of it (404) and changes nothing", async () => {
    const before = { deposit: await count('deposit_jobs'), jobs: await count('jobs') };
    const a = (path: string) => api(other.slug, path);
    expect((await call(tokens.otherArchivist!, 'GET', a(`/deposit-jobs/${exportId}`))).statusCode).toBe(404);
    expect((await call(tokens.otherArchivist!, 'GET', a(`/deposit-jobs/${exportId}/package`))).statusCode).toBe(404);
    expect((await call(tokens.otherArchivist!, 'POST', a('/deposit-jobs/verifications'), { exportJobId: exportId })).statusCode).toBe(404);
    const series = (await call(tokens.archivist!, 'GET', api(tenant.slug, '/series'))).json().items[0].id;
    expect((await call(tokens.otherArchivist!, 'POST', a('/deposit-jobs/exports'), { format: 'noark5', seriesId: series })).statusCode).toBe(404);
    expect((await call(tokens.otherArchivist!, 'GET', a('/deposit-jobs'))).json().items).toEqual([]);
    // Their token does not even open this municipality's routes.
    expect((await call(tokens.otherArchivist!, 'GET', api(tenant.slug, `/deposit-jobs/${exportId}`))).statusCode).toBe(401);
    expect({ deposit: await count('deposit_jobs'), jobs: await count('jobs') }).toEqual(before);
  });

  it('a job a stopped process left running is failed at start; a live one is left alone', async () => {
    const as = <T>(work: (tx: Tx) => Promise<T>) => withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, work);
    const now = t.clock.now();
    const stale = newId();
    const live = newId();
    await as(async (tx) => {
      for (const id of [stale, live]) await repo.insertDepositJob(tx, { id, kind: 'export', format: 'noark5', seriesId: null, sourceJobId: null, at: now, by: 'user:x:Arkivar' });
      await repo.markRunning(tx, stale, new Date(now.getTime() - STALE_MS - 1_000));
      await repo.markRunning(tx, live, now);
    });
    expect(await failInterruptedJobs(t.ctx)).toBe(1);
    const rows = await as(async (tx) => [await repo.selectDepositJob(tx, stale), await repo.selectDepositJob(tx, live)]);
    expect(rows.map((r) => r!.state)).toEqual(['failed', 'running']);
    expect(rows[0]!.error).toMatch(/interrupted/);
    const shown = (await call(tokens.archivist!, 'GET', api(tenant.slug, `/deposit-jobs/${stale}`))).json();
    expect(shown).toMatchObject({ state: 'failed', downloadUrl: null });
  });

  it('a server starting on the database fails what a stopped one left running', async () => {
    const as = <T>(work: (tx: Tx) => Promise<T>) => withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, work);
    const id = newId();
    const now = t.clock.now();
    await as(async (tx) => {
      await repo.insertDepositJob(tx, { id, kind: 'export', format: 'fgs', seriesId: null, sourceJobId: null, at: now, by: 'user:x:Arkivar' });
      await repo.markRunning(tx, id, new Date(now.getTime() - STALE_MS - 1_000));
    });
    // A second app on the same database: what `radhus serve` builds when it starts.
    const again = await createRadhus(t.ctx, { logger: false });
    await again.app.close();
    expect((await as((tx) => repo.selectDepositJob(tx, id)))!.state).toBe('failed');
  });

  it('row-level security binds radhus_app: no reads, no writes across municipalities', async () => {
    const asOther = <T>(work: (tx: Tx) => Promise<T>) => withTenant(t.ctx.db, { tenantId: other.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, work);
    expect(await asOther(async (tx) => (await sql`select id from deposit_jobs`.execute(tx)).rows)).toEqual([]);
    const changed = await asOther(async (tx) => Number((await sql`update deposit_jobs set state = 'failed' where id = ${exportId}`.execute(tx)).numAffectedRows ?? 0));
    expect(changed).toBe(0);
    await expect(asOther((tx) => sql`insert into deposit_jobs (id, tenant_id, kind, format, state, created_at, created_by) values (${newId()}, ${tenant.id}, 'export', 'noark5', 'queued', now(), 'x')`.execute(tx))).rejects.toThrow(/row-level security/);
    await expect(asOther((tx) => sql`delete from deposit_jobs`.execute(tx))).rejects.toThrow(/permission denied/);
    expect(packageDir(t.ctx, tenant.slug, exportId)).toContain(join('exports', tenant.slug, exportId));
  });
});
