// SPDX-License-Identifier: EUPL-1.2
// The background work behind the archivist's deposit page: an export (Noark 5 or FGS) written under
// DATA_DIR/exports/<tenant>/<id>/, or a verification of such a package. It runs as a platform job
// (one attempt: an export interrupted half way is started again by the archivist, not retried
// behind their back) and writes its progress to its deposit_jobs row every second, which the page
// polls. A row left "running" by a process that stopped is failed when the server starts.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../../platform/context.ts';
import { withTenant, withoutTenant, type Tx } from '../../platform/db/transaction.ts';
import type { JobHandler } from '../../platform/jobs/types.ts';
import { listTenants } from '../../tenants/service.ts';
import type { Tenant } from '../../tenants/service.ts';
import { exportNoark5 } from '../export/package.ts';
import type { Progress } from '../export/progress.ts';
import { exportFgs } from '../fgs/package.ts';
import { verifyNoark5 } from '../verify/verify.ts';
import * as repo from './repository.ts';

export const DEPOSIT_JOB = 'deposit.run';
/** How often a running job writes its progress (and so its heartbeat). */
export const HEARTBEAT_MS = 1_000;
/** A running row whose heartbeat is older than this at start-up belongs to a process that stopped. */
export const STALE_MS = 15_000;

const actor = { kind: 'system' as const, id: 'deposit', name: 'deposit' };
const inTenant = <T>(ctx: AppContext, tenantId: string, work: (tx: Tx) => Promise<T>) => withTenant(ctx.db, { tenantId, actor }, work);

/** The folder of a job's package: DATA_DIR/exports/<tenant>/<id>/. */
export const packageDir = (ctx: AppContext, tenantSlug: string, jobId: string): string => join(ctx.config.dataDir, 'exports', tenantSlug, jobId);

/**
 * Progress into the job's row: counts and the rate of the current phase, written at most once per
 * HEARTBEAT_MS (one write at a time; a tick while one is under way is folded into the next).
 */
function rowProgress(ctx: AppContext, tenantId: string, jobId: string): Progress & { flush(): Promise<void> } {
  let phase = '';
  let total = 0;
  let done = 0;
  let started = Date.now();
  let last = 0;
  let writing: Promise<void> = Promise.resolve();
  const write = () => {
    last = Date.now();
    const snapshot = { phase, done, total, rate: done / Math.max((last - started) / 1000, 0.001), at: ctx.clock.now() };
    writing = writing.then(() => inTenant(ctx, tenantId, (tx) => repo.updateProgress(tx, jobId, snapshot))).catch(() => undefined);
  };
  return {
    phase(name, expected) {
      phase = name;
      total = expected;
      done = 0;
      started = Date.now();
      write();
    },
    tick(n = 1) {
      done += n;
      if (Date.now() - last >= HEARTBEAT_MS) write();
    },
    done() {
      write();
    },
    flush: () => writing,
  };
}

interface Payload {
  depositJobId: string;
  tenant: Tenant;
}

const payloadOf = (job: { id: string; payload: Record<string, unknown> }): Payload => {
  const p = job.payload as Partial<Payload>;
  if (typeof p.depositJobId !== 'string' || !p.tenant?.id) throw new Error(`job ${job.id}: no deposit job or municipality`);
  return p as Payload;
};

async function runExport(ctx: AppContext, tenant: Tenant, row: repo.DepositJobRow, progress: Progress, warnings: string[]): Promise<{ result: unknown }> {
  const out = packageDir(ctx, tenant.slug, row.id);
  // A package is made in one go: what an earlier, interrupted attempt left is not part of it.
  await rm(out, { recursive: true, force: true });
  const options = { tenant, series: row.series_id ?? 'all', out, actor: row.created_by, progress, warn: (line: string) => warnings.push(line) };
  if (row.format === 'fgs') {
    const result = await exportFgs(ctx, options);
    return { result: { counts: result.counts, warnings } };
  }
  const result = await exportNoark5(ctx, options);
  return { result: { counts: result.counts, series: result.series, converted: result.converted, unconverted: result.unconverted, warnings } };
}

async function runVerification(ctx: AppContext, tenant: Tenant, row: repo.DepositJobRow, progress: Progress): Promise<{ result: unknown; passed: boolean }> {
  progress.phase('verify', 0);
  const report = await verifyNoark5(packageDir(ctx, tenant.slug, row.source_job_id!));
  progress.done();
  // The server's folders are nobody's business: the report names the package by its job.
  return { result: { ...report, dir: row.source_job_id }, passed: report.passed };
}

export const depositJob: JobHandler = {
  type: DEPOSIT_JOB,
  maxAttempts: 1,
  async run(job, ctx) {
    const { depositJobId, tenant } = payloadOf(job);
    const row = await inTenant(ctx, tenant.id, async (tx) => ((await repo.markRunning(tx, depositJobId, ctx.clock.now())) ? repo.selectDepositJob(tx, depositJobId) : undefined));
    // Not queued: failed at a restart, or the platform ran the job twice; either way nothing to do.
    if (!row) return;
    const progress = rowProgress(ctx, tenant.id, row.id);
    const warnings: string[] = [];
    try {
      const outcome = row.kind === 'export' ? { ...(await runExport(ctx, tenant, row, progress, warnings)), passed: null } : await runVerification(ctx, tenant, row, progress);
      await progress.flush();
      await inTenant(ctx, tenant.id, (tx) => repo.finishDepositJob(tx, row.id, { state: 'done', result: outcome.result, passed: outcome.passed, at: ctx.clock.now() }));
    } catch (error) {
      await progress.flush();
      const text = error instanceof Error ? error.message : String(error);
      await inTenant(ctx, tenant.id, (tx) => repo.finishDepositJob(tx, row.id, { state: 'failed', error: text, result: warnings.length ? { warnings } : undefined, at: ctx.clock.now() }));
    }
  },
};

/**
 * At start-up: every municipality's deposit jobs left running by a process that stopped are marked
 * failed, so none stays "running" for ever; the archivist starts it again.
 */
export async function failInterruptedJobs(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const staleBefore = new Date(now.getTime() - STALE_MS);
  let failed = 0;
  for (const tenant of await withoutTenant(ctx.db, (tx) => listTenants(tx))) {
    failed += await inTenant(ctx, tenant.id, (tx) => repo.failInterrupted(tx, staleBefore, now, 'interrupted: the server stopped while the job ran; start it again'));
  }
  return failed;
}
