// SPDX-License-Identifier: EUPL-1.2
// Read functions for `radhus events status` and for /metrics: how many jobs wait, run and failed.
import type { AppContext } from '../context.ts';
import { asWorker } from '../events/worker.ts';
import { failedJobRows, jobCountsAt, jobCountsByType, type JobCountsRow } from './store.ts';

export type JobCounts = JobCountsRow;

/** due: their time has come; scheduled: later; running: claimed now; failed: gave up (see failedJobs). */
export async function jobCounts(ctx: AppContext): Promise<JobCounts> {
  return ctx.db.kysely.transaction().execute(async (tx) => {
    await asWorker(tx);
    return jobCountsAt(tx, ctx.clock.now());
  });
}

export interface FailedJob {
  id: string;
  type: string;
  tenantId: string | null;
  attempts: number;
  lastError: string | null;
  finishedAt: Date | null;
}

export async function failedJobs(ctx: AppContext, limit = 20): Promise<FailedJob[]> {
  const rows = await ctx.db.kysely.transaction().execute(async (tx) => {
    await asWorker(tx);
    return failedJobRows(tx, limit);
  });
  return rows.map((r) => ({ id: r.id, type: r.type, tenantId: r.tenant_id, attempts: r.attempts, lastError: r.last_error, finishedAt: r.finished_at }));
}

export async function jobCountsPerType(ctx: AppContext): Promise<{ type: string; state: string; count: number }[]> {
  return ctx.db.kysely.transaction().execute(async (tx) => {
    await asWorker(tx);
    return jobCountsByType(tx, ctx.clock.now());
  });
}
