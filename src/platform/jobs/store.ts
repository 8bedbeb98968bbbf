// SPDX-License-Identifier: EUPL-1.2
// The job store: scheduling (in the caller's transaction) and the runner's claims and outcomes.
// Functions other than scheduleJob expect a transaction that is radhus_worker (events/worker.ts).
import { sql } from 'kysely';
import type { Tx } from '../db/transaction.ts';
import { newId } from '../ids.ts';
import type { NewJob } from './types.ts';

export interface JobRow {
  id: string;
  type: string;
  tenant_id: string | null;
  payload: Record<string, unknown>;
  key: string | null;
  run_at: Date;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  last_error: string | null;
  locked_by: string | null;
  locked_until: Date | null;
  created_at: Date;
  finished_at: Date | null;
}

/**
 * Schedules a job in the caller's transaction, so it exists exactly when that transaction commits.
 * `tenantId` left out means the transaction's own municipality (none outside one); null means
 * installation-wide. A job whose key exists already (in the same municipality) is not scheduled
 * again: returns the new job's id, or null when the key was taken.
 */
export async function scheduleJob(tx: Tx, job: NewJob): Promise<string | null> {
  const id = newId();
  const tenant = job.tenantId === undefined ? sql`radhus_tenant()` : sql`${job.tenantId}::uuid`;
  // No RETURNING: it would need the row to be readable, and installation-wide jobs are not to radhus_app.
  const result = await sql`
    insert into jobs (id, type, tenant_id, payload, key, run_at, status, attempts, created_at)
    values (${id}, ${job.type}, ${tenant}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.key ?? null}, ${job.runAt}, 'pending', 0, now())
    on conflict do nothing`.execute(tx);
  return Number(result.numAffectedRows ?? 0) > 0 ? id : null;
}

/**
 * Schedules many jobs in one statement, with scheduleJob's semantics: each job whose key exists
 * already (in its municipality), or repeats a key earlier in the same batch, is not scheduled.
 * One multi-row insert instead of one per job, for callers that fan out (a notice to 300 signers)
 * while holding a lock. Returns how many were scheduled.
 */
export async function scheduleJobs(tx: Tx, jobs: readonly NewJob[]): Promise<number> {
  if (!jobs.length) return 0;
  const rows = jobs.map((job) => {
    const tenant = job.tenantId === undefined ? sql`radhus_tenant()` : sql`${job.tenantId}::uuid`;
    return sql`(${newId()}, ${job.type}, ${tenant}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.key ?? null}, ${job.runAt}::timestamptz, 'pending', 0, now())`;
  });
  // No RETURNING, as in scheduleJob. DO NOTHING also skips a key repeated within this insert.
  const result = await sql`
    insert into jobs (id, type, tenant_id, payload, key, run_at, status, attempts, created_at)
    values ${sql.join(rows)}
    on conflict do nothing`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Claims due jobs of the given types: pending ones whose time has come, and running ones whose
 * lease ran out (their process died). SKIP LOCKED: two runners never claim the same job.
 */
export async function claimDueJobs(tx: Tx, input: { types: readonly string[]; now: Date; limit: number; worker: string; leaseUntil: Date }): Promise<JobRow[]> {
  if (!input.types.length) return [];
  const result = await sql<JobRow>`
    with due as (
      select id from jobs
      where type in (${sql.join(input.types)})
        and ((status = 'pending' and run_at <= ${input.now}) or (status = 'running' and locked_until <= ${input.now}))
      order by run_at, id
      limit ${input.limit}
      for update skip locked)
    update jobs j set status = 'running', attempts = j.attempts + 1, locked_by = ${input.worker}, locked_until = ${input.leaseUntil}
    from due where j.id = due.id
    returning j.*`.execute(tx);
  return result.rows;
}

export async function renewLease(tx: Tx, id: string, worker: string, until: Date): Promise<void> {
  await sql`update jobs set locked_until = ${until} where id = ${id} and locked_by = ${worker} and status = 'running'`.execute(tx);
}

export async function completeJob(tx: Tx, id: string, worker: string, at: Date): Promise<boolean> {
  const result = await sql`update jobs set status = 'done', finished_at = ${at}, locked_by = null, locked_until = null
    where id = ${id} and locked_by = ${worker} and status = 'running'`.execute(tx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function retryJob(tx: Tx, id: string, worker: string, input: { runAt: Date; error: string }): Promise<boolean> {
  const result = await sql`update jobs set status = 'pending', run_at = ${input.runAt}, last_error = ${input.error}, locked_by = null, locked_until = null
    where id = ${id} and locked_by = ${worker} and status = 'running'`.execute(tx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function failJob(tx: Tx, id: string, worker: string, input: { at: Date; error: string }): Promise<boolean> {
  const result = await sql`update jobs set status = 'failed', finished_at = ${input.at}, last_error = ${input.error}, locked_by = null, locked_until = null
    where id = ${id} and locked_by = ${worker} and status = 'running'`.execute(tx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export interface JobCountsRow {
  due: number;
  scheduled: number;
  running: number;
  failed: number;
}

export async function jobCountsAt(tx: Tx, now: Date): Promise<JobCountsRow> {
  const result = await sql<JobCountsRow>`
    select count(*) filter (where status = 'pending' and run_at <= ${now})::int as due,
           count(*) filter (where status = 'pending' and run_at > ${now})::int as scheduled,
           count(*) filter (where status = 'running')::int as running,
           count(*) filter (where status = 'failed')::int as failed
    from jobs where status <> 'done'`.execute(tx);
  return result.rows[0]!;
}

/** Unfinished jobs by type and state, for /metrics (the mail queue is type 'mail.send'). */
export async function jobCountsByType(tx: Tx, now: Date): Promise<{ type: string; state: string; count: number }[]> {
  const result = await sql<{ type: string; state: string; count: number }>`
    select type, case when status = 'pending' and run_at <= ${now} then 'due' when status = 'pending' then 'scheduled' else status end as state,
           count(*)::int as count
    from jobs where status <> 'done' group by 1, 2 order by 1, 2`.execute(tx);
  return result.rows;
}

export async function failedJobRows(tx: Tx, limit: number): Promise<JobRow[]> {
  const result = await sql<JobRow>`select * from jobs where status = 'failed' order by finished_at desc, id limit ${limit}`.execute(tx);
  return result.rows;
}
