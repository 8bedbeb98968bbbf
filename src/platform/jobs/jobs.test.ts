// SPDX-License-Identifier: EUPL-1.2
// Timed jobs against the real database, with time moved by the test clock.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../../test-support/app.ts';
import { openContext } from '../../radhus.ts';
import { modules as installed } from '../../modules.ts';
import { withTenant, withoutTenant } from '../db/transaction.ts';
import { asWorker } from '../events/worker.ts';
import type { Module } from '../modules.ts';
import type { Tenant } from '../../tenants/tenant.ts';
import { LEASE_MS, runDueJobs } from './runner.ts';
import { failedJobs, jobCounts } from './status.ts';
import { claimDueJobs, scheduleJob, scheduleJobs } from './store.ts';
import type { Job } from './types.ts';

const runs: Job[] = [];
let failing = false;
const active = new Set<string>();
const overlaps: string[] = [];

const testModule: Module = {
  name: 'jobs-test',
  jobs: [
    {
      type: 'test.note',
      async run(job) {
        if (active.has(job.id)) overlaps.push(job.id);
        active.add(job.id);
        await new Promise((resolve) => setTimeout(resolve, 2));
        active.delete(job.id);
        runs.push(job);
      },
    },
    {
      type: 'test.flaky',
      maxAttempts: 3,
      async run(job) {
        runs.push(job);
        if (failing) throw new Error('the mail server is down');
      },
    },
  ],
};

let t: TestRadhus;
let tenant: Tenant;

beforeAll(async () => {
  t = await createTestRadhus({}, { modules: [...installed, testModule] });
  tenant = await t.tenant();
}, 120_000);
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  runs.length = 0;
});

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(t.ctx.db, { tenantId: tenant.id, actor: { kind: 'cli', id: 'test', name: 'test' } }, work);
const jobRow = async (id: string) =>
  (await sql<{ status: string; attempts: number; run_at: Date; last_error: string | null; tenant_id: string | null }>`select status, attempts, run_at, last_error, tenant_id from jobs where id = ${id}`.execute(t.ctx.db.kysely)).rows[0]!;

describe(`timed jobs (${testEngine()})`, () => {
  it('are scheduled in the deciding transaction, once per key, in its municipality', async () => {
    const at = new Date(t.clock.now().getTime() + 60_000);
    const first = await inTenant((tx) => scheduleJob(tx, { type: 'test.note', runAt: at, key: 'reminder-1', payload: { n: 1 } }));
    const again = await inTenant((tx) => scheduleJob(tx, { type: 'test.note', runAt: at, key: 'reminder-1', payload: { n: 2 } }));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(again).toBeNull();
    expect((await jobRow(first!)).tenant_id).toBe(tenant.id);
    // A transaction that rolls back leaves no job behind.
    await expect(
      inTenant(async (tx) => {
        await scheduleJob(tx, { type: 'test.note', runAt: at, key: 'rolled-back' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await sql<{ n: number }>`select count(*)::int as n from jobs where key = 'rolled-back'`.execute(t.ctx.db.kysely)).rows[0]!.n).toBe(0);
    // Installation-wide work, outside any municipality.
    const global = await withoutTenant(t.ctx.db, (tx) => scheduleJob(tx, { type: 'test.note', tenantId: null, runAt: at, key: 'reminder-1' }));
    expect(global).not.toBeNull();
    // A municipality cannot schedule work for another.
    const stranger = await t.tenant();
    await expect(inTenant((tx) => scheduleJob(tx, { type: 'test.note', tenantId: stranger.id, runAt: at }))).rejects.toThrow(/row-level security/);
  });

  it('run when the clock says they are due, once', async () => {
    expect((await t.settle()).jobs).toBe(0);
    expect(await jobCounts(t.ctx)).toMatchObject({ due: 0, scheduled: 2, running: 0, failed: 0 });
    t.clock.advance(60_000);
    expect(await jobCounts(t.ctx)).toMatchObject({ due: 2, scheduled: 0 });
    await t.settle();
    expect(runs.map((r) => ({ payload: r.payload, attempts: r.attempts }))).toEqual([
      { payload: { n: 1 }, attempts: 0 },
      { payload: {}, attempts: 0 },
    ]);
    expect(await t.settle()).toMatchObject({ jobs: 0 });
    expect(await jobCounts(t.ctx)).toMatchObject({ due: 0, scheduled: 0, running: 0, failed: 0 });
  });

  it('run once across two runners', { timeout: 60_000 }, async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await inTenant((tx) => scheduleJob(tx, { type: 'test.note', runAt: t.clock.now(), payload: { i } })))!);
    const second = testEngine() === 'postgres' ? await openContext(t.config, { clock: t.clock, modules: [...installed, testModule] }) : t.ctx;
    try {
      const drain = async (ctx: typeof t.ctx, worker: string) => {
        let total = 0;
        for (let n = -1; n !== 0; total += n) n = (await runDueJobs(ctx, { worker, limit: 3 })).length;
        return total;
      };
      const [a, b] = await Promise.all([drain(t.ctx, 'runner-a'), drain(second, 'runner-b')]);
      expect(a + b).toBe(30);
      expect(overlaps).toEqual([]);
      expect(runs.map((r) => r.id).sort()).toEqual([...ids].sort());
    } finally {
      if (second !== t.ctx) await second.db.close();
    }
  });

  it('are retried with back-off and marked failed after their last attempt', async () => {
    failing = true;
    const id = (await inTenant((tx) => scheduleJob(tx, { type: 'test.flaky', runAt: t.clock.now() })))!;
    const first = await t.settle({ allowFailures: true });
    expect(first.jobFailures).toEqual([{ id, type: 'test.flaky', error: 'the mail server is down' }]);
    expect(await jobRow(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'the mail server is down', run_at: new Date(t.clock.now().getTime() + 1_000) });
    // Not before its time.
    expect((await t.settle({ allowFailures: true })).jobs).toBe(0);
    t.clock.advance(1_000);
    await t.settle({ allowFailures: true });
    expect(await jobRow(id)).toMatchObject({ status: 'pending', attempts: 2, run_at: new Date(t.clock.now().getTime() + 2_000) });
    t.clock.advance(2_000);
    await t.settle({ allowFailures: true });
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(runs.map((r) => r.attempts)).toEqual([0, 1, 2]);
    expect(await jobCounts(t.ctx)).toMatchObject({ failed: 1 });
    expect(await failedJobs(t.ctx)).toEqual([expect.objectContaining({ id, type: 'test.flaky', attempts: 3, lastError: 'the mail server is down' })]);
    // Failed means failed: no more attempts, however much time passes.
    t.clock.advance(24 * 3600_000);
    expect((await t.settle({ allowFailures: true })).jobs).toBe(0);
    failing = false;
  });

  it('are taken over when the process that claimed one died, once its lease has run out', async () => {
    const id = (await inTenant((tx) => scheduleJob(tx, { type: 'test.note', runAt: t.clock.now() })))!;
    // A process claims it and dies (nothing more happens to the claim).
    const claimed = await t.ctx.db.kysely.transaction().execute(async (tx) => {
      await asWorker(tx);
      return claimDueJobs(tx, { types: ['test.note'], now: t.clock.now(), limit: 10, worker: 'dead-process', leaseUntil: new Date(t.clock.now().getTime() + LEASE_MS) });
    });
    expect(claimed.map((c) => c.id)).toEqual([id]);
    expect(await jobCounts(t.ctx)).toMatchObject({ running: 1 });
    await t.settle();
    expect(runs).toEqual([]);
    t.clock.advance(LEASE_MS);
    await t.settle();
    expect(runs.map((r) => ({ id: r.id, attempts: r.attempts }))).toEqual([{ id, attempts: 1 }]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('are scheduled many in one statement, once per key (taken before or repeated in the batch), each in its municipality', async () => {
    const at = new Date(t.clock.now().getTime() + 3_600_000);
    await inTenant((tx) => scheduleJob(tx, { type: 'test.note', runAt: at, key: 'batch-taken' }));
    const scheduled = await inTenant((tx) =>
      scheduleJobs(tx, [
        { type: 'test.note', runAt: at, key: 'batch-1', payload: { n: 1 } },
        { type: 'test.note', runAt: at, key: 'batch-taken', payload: { n: 2 } },
        { type: 'test.note', runAt: at, key: 'batch-1', payload: { n: 3 } },
        { type: 'test.note', runAt: at, payload: { n: 4 } },
        { type: 'test.note', tenantId: tenant.id, runAt: at, key: 'batch-2', payload: { n: 5 } },
      ]),
    );
    expect(scheduled).toBe(3);
    const rows = (await sql<{ key: string | null; n: number; tenant_id: string }>`select key, (payload->>'n')::int as n, tenant_id from jobs where key like 'batch-%' or (payload->>'n')::int = 4 order by key`.execute(t.ctx.db.kysely)).rows;
    expect(rows).toEqual([
      { key: 'batch-1', n: 1, tenant_id: tenant.id },
      { key: 'batch-2', n: 5, tenant_id: tenant.id },
      { key: 'batch-taken', n: null, tenant_id: tenant.id },
      { key: null, n: 4, tenant_id: tenant.id },
    ]);
    // Again: every key is taken now, only the keyless job is new.
    expect(await inTenant((tx) => scheduleJobs(tx, [{ type: 'test.note', runAt: at, key: 'batch-1' }, { type: 'test.note', runAt: at, key: 'batch-2' }]))).toBe(0);
    expect(await inTenant((tx) => scheduleJobs(tx, []))).toBe(0);
    // A municipality cannot schedule work for another, and then none of the batch is scheduled.
    const stranger = await t.tenant();
    await expect(inTenant((tx) => scheduleJobs(tx, [{ type: 'test.note', runAt: at, key: 'batch-3' }, { type: 'test.note', tenantId: stranger.id, runAt: at }]))).rejects.toThrow(/row-level security/);
    expect((await sql<{ n: number }>`select count(*)::int as n from jobs where key = 'batch-3'`.execute(t.ctx.db.kysely)).rows[0]!.n).toBe(0);
  });
});
