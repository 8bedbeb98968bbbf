// SPDX-License-Identifier: EUPL-1.2
// The contract of timed work: jobs are rows in the database, due at a time of the injected clock,
// run once across several server processes, retried with back-off, and kept across restarts.
// Modules declare handlers in their manifest (`jobs`) and schedule work with `scheduleJob`
// (platform/jobs/store.ts) inside the transaction that decides it, so a job exists exactly when
// that decision committed.
import type { AppContext } from '../context.ts';

export interface Job {
  id: string;
  type: string;
  /** The municipality it belongs to, or null for installation-wide work. */
  tenantId: string | null;
  payload: Record<string, unknown>;
  runAt: Date;
  /** Attempts made before this one. */
  attempts: number;
}

export interface NewJob {
  type: string;
  tenantId?: string | null;
  runAt: Date;
  payload?: Record<string, unknown>;
  /** Idempotency key: scheduling a job whose key exists already does nothing. */
  key?: string;
}

export interface JobHandler {
  /** e.g. 'mail.send'; unique across modules. */
  type: string;
  /**
   * Does the work. Runs outside any transaction, so it may talk to the network (SMTP); it opens its
   * own transactions for database work. Throwing schedules a retry with back-off; after
   * `maxAttempts` the job is marked failed and shows in `radhus events status` and /metrics.
   */
  run(job: Job, ctx: AppContext): Promise<void>;
  maxAttempts?: number;
}
