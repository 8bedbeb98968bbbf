// SPDX-License-Identifier: EUPL-1.2
// Runs due jobs: claim (a short transaction), run the handler outside any transaction (it may talk
// to the network), then record the outcome. A job's lease is renewed while it runs, so only a job
// whose process died is taken over by another.
import type { AppContext } from '../context.ts';
import { asWorker, backoffMs, errorText, workerId } from '../events/worker.ts';
import type { Job, JobHandler } from './types.ts';
import type { Tx } from '../db/transaction.ts';
import { claimDueJobs, completeJob, failJob, renewLease, retryJob, type JobRow } from './store.ts';

export const DEFAULT_MAX_ATTEMPTS = 5;
export const LEASE_MS = 5 * 60_000;

export interface JobRun {
  id: string;
  type: string;
  outcome: 'done' | 'retry' | 'failed' | 'lost';
  error?: string;
}

/** Every job handler of the installation's modules, by type. */
export function installedJobHandlers(ctx: Pick<AppContext, 'modules'>): Map<string, JobHandler> {
  const handlers = new Map<string, JobHandler>();
  for (const handler of ctx.modules.flatMap((m) => m.jobs ?? [])) {
    if (handlers.has(handler.type)) throw new Error(`two job handlers are for type "${handler.type}"; job types must be unique`);
    handlers.set(handler.type, handler);
  }
  return handlers;
}

const inWorker = <T>(ctx: AppContext, work: (tx: Tx) => Promise<T>): Promise<T> =>
  ctx.db.kysely.transaction().execute(async (tx) => {
    await asWorker(tx);
    return work(tx);
  });

/** Claims up to `limit` due jobs and runs them one after the other. */
export async function runDueJobs(ctx: AppContext, options: { limit?: number; worker?: string; leaseMs?: number } = {}): Promise<JobRun[]> {
  const handlers = installedJobHandlers(ctx);
  if (!handlers.size) return [];
  const worker = options.worker ?? workerId;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const now = ctx.clock.now();
  const claimed = await inWorker(ctx, (tx) => claimDueJobs(tx, { types: [...handlers.keys()], now, limit: options.limit ?? 10, worker, leaseUntil: new Date(now.getTime() + leaseMs) }));
  const runs: JobRun[] = [];
  for (const row of claimed) runs.push(await runOne(ctx, handlers.get(row.type)!, row, worker, leaseMs));
  return runs;
}

async function runOne(ctx: AppContext, handler: JobHandler, row: JobRow, worker: string, leaseMs: number): Promise<JobRun> {
  const maxAttempts = handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const job: Job = { id: row.id, type: row.type, tenantId: row.tenant_id, payload: row.payload ?? {}, runAt: row.run_at, attempts: row.attempts - 1 };
  const base = { id: row.id, type: row.type };
  // Taken over after its process died during the last allowed attempt: that attempt counts.
  if (job.attempts >= maxAttempts) {
    const error = row.last_error ?? 'the process running it stopped before it finished';
    await inWorker(ctx, (tx) => failJob(tx, row.id, worker, { at: ctx.clock.now(), error }));
    return { ...base, outcome: 'failed', error };
  }
  const renew = setInterval(() => {
    void inWorker(ctx, (tx) => renewLease(tx, row.id, worker, new Date(ctx.clock.now().getTime() + leaseMs))).catch(() => undefined);
  }, Math.max(1_000, leaseMs / 3));
  renew.unref();
  try {
    await handler.run(job, ctx);
  } catch (error) {
    clearInterval(renew);
    const text = errorText(error);
    const at = ctx.clock.now();
    const attempts = row.attempts;
    if (attempts >= maxAttempts) {
      const kept = await inWorker(ctx, (tx) => failJob(tx, row.id, worker, { at, error: text }));
      return { ...base, outcome: kept ? 'failed' : 'lost', error: text };
    }
    const kept = await inWorker(ctx, (tx) => retryJob(tx, row.id, worker, { runAt: new Date(at.getTime() + backoffMs(attempts)), error: text }));
    return { ...base, outcome: kept ? 'retry' : 'lost', error: text };
  }
  clearInterval(renew);
  const kept = await inWorker(ctx, (tx) => completeJob(tx, row.id, worker, ctx.clock.now()));
  return { ...base, outcome: kept ? 'done' : 'lost' };
}
