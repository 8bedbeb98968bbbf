// SPDX-License-Identifier: EUPL-1.2
// SQL of the deposit jobs (migration 0020): every function takes the municipality's transaction
// first, so row-level security keeps each municipality to its own jobs.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';

export type DepositJobKind = 'export' | 'verification';
export type DepositFormat = 'noark5' | 'fgs';
export type DepositJobState = 'queued' | 'running' | 'done' | 'failed';

export interface DepositJobRow {
  id: string;
  tenant_id: string;
  kind: DepositJobKind;
  format: DepositFormat;
  series_id: string | null;
  source_job_id: string | null;
  state: DepositJobState;
  phase: string | null;
  done_count: string | number;
  total_count: string | number;
  rate: number;
  heartbeat_at: Date | null;
  result: Record<string, unknown> | null;
  passed: boolean | null;
  error: string | null;
  created_at: Date;
  created_by: string;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface NewDepositJob {
  id: string;
  kind: DepositJobKind;
  format: DepositFormat;
  seriesId: string | null;
  sourceJobId: string | null;
  at: Date;
  by: string;
}

export async function insertDepositJob(tx: Tx, job: NewDepositJob): Promise<void> {
  await sql`insert into deposit_jobs (id, tenant_id, kind, format, series_id, source_job_id, state, created_at, created_by)
    values (${job.id}, radhus_tenant(), ${job.kind}, ${job.format}, ${job.seriesId}, ${job.sourceJobId}, 'queued', ${job.at}, ${job.by})`.execute(tx);
}

export async function selectDepositJob(tx: Tx, id: string): Promise<DepositJobRow | undefined> {
  return (await sql<DepositJobRow>`select * from deposit_jobs where id = ${id}`.execute(tx)).rows[0];
}

export async function selectDepositJobs(tx: Tx, limit: number): Promise<DepositJobRow[]> {
  return (await sql<DepositJobRow>`select * from deposit_jobs order by created_at desc, id desc limit ${limit}`.execute(tx)).rows;
}

/** Moves a queued job to running; false when it is not queued (it ran already, or was failed at a restart). */
export async function markRunning(tx: Tx, id: string, at: Date): Promise<boolean> {
  const result = await sql`update deposit_jobs set state = 'running', started_at = ${at}, heartbeat_at = ${at} where id = ${id} and state = 'queued'`.execute(tx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function updateProgress(tx: Tx, id: string, p: { phase: string; done: number; total: number; rate: number; at: Date }): Promise<void> {
  await sql`update deposit_jobs set phase = ${p.phase}, done_count = ${p.done}, total_count = ${p.total}, rate = ${p.rate}, heartbeat_at = ${p.at}
    where id = ${id} and state = 'running'`.execute(tx);
}

export async function finishDepositJob(tx: Tx, id: string, outcome: { state: 'done' | 'failed'; result?: unknown; passed?: boolean | null; error?: string | null; at: Date }): Promise<void> {
  await sql`update deposit_jobs set state = ${outcome.state}, result = ${outcome.result === undefined ? null : JSON.stringify(outcome.result)}::jsonb,
      passed = ${outcome.passed ?? null}, error = ${outcome.error ?? null}, finished_at = ${outcome.at}, heartbeat_at = ${outcome.at}
    where id = ${id} and state in ('queued', 'running')`.execute(tx);
}

/**
 * Fails the municipality's jobs left running by a process that stopped: their heartbeat is older
 * than `staleBefore`. Returns how many.
 */
export async function failInterrupted(tx: Tx, staleBefore: Date, at: Date, error: string): Promise<number> {
  const result = await sql`update deposit_jobs set state = 'failed', error = ${error}, finished_at = ${at}
    where state = 'running' and (heartbeat_at is null or heartbeat_at < ${staleBefore})`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}
