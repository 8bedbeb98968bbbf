// SPDX-License-Identifier: EUPL-1.2
// The server's background work: the outbox dispatcher and the job runner, as two loops that stop
// cleanly with the server. On PostgreSQL a LISTEN connection wakes the dispatcher at the commit of
// an outbox row (trigger in migration 0006); a short poll catches what a notification cannot (an
// event held back while an older transaction is still running, a consumer's back-off ending).
// Tests do not start these loops; they call `settle()` (test-support/app.ts) to run the same steps.
import pg from 'pg';
import type { AppContext } from '../context.ts';
import { runDueJobs } from '../jobs/runner.ts';
import { dispatchPending, heldBackConsumers, installedConsumers, type ConsumerRun } from './dispatcher.ts';
import { errorText } from './worker.ts';

export interface BackgroundOptions {
  log?: { info(message: string): void; warn(message: string): void; error(message: string): void };
  /** Poll interval of the dispatcher (default 200 ms on PGlite, 500 ms on PostgreSQL). */
  pollMs?: number;
  /** Poll interval of the job runner (default 1 s). */
  jobPollMs?: number;
}

export interface BackgroundWork {
  /** Look at the outbox now (e.g. after a write in this process). */
  wake(): void;
  /** Lets the running batch and job finish, then stops; the database may be closed afterwards. */
  stop(): Promise<void>;
}

const silent = { info: () => {}, warn: () => {}, error: () => {} };

class Sleeper {
  private wakeUp: (() => void) | undefined;
  private pending = false;
  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
  wake(): void {
    if (this.wakeUp) {
      const w = this.wakeUp;
      this.wakeUp = undefined;
      w();
    } else this.pending = true;
  }
}

export function startBackgroundWork(ctx: AppContext, options: BackgroundOptions = {}): BackgroundWork {
  const log = options.log ?? silent;
  const pollMs = options.pollMs ?? (ctx.db.engine === 'pglite' ? 200 : 500);
  const jobPollMs = options.jobPollMs ?? 1_000;
  let stopped = false;
  const events = new Sleeper();
  const jobs = new Sleeper();
  // Check the declarations at start, not at the first event.
  installedConsumers(ctx);
  const failing = new Set<string>();

  const report = (runs: ConsumerRun[]) => {
    for (const run of runs) {
      if (run.outcome === 'failed') {
        if (!failing.has(run.consumer)) log.error(`event consumer ${run.consumer} failed at event ${run.failedEventId} and will retry: ${run.error}`);
        failing.add(run.consumer);
      } else if (run.advanced > 0 && failing.delete(run.consumer)) log.info(`event consumer ${run.consumer} is past the failing event`);
    }
  };

  const dispatchLoop = (async () => {
    while (!stopped) {
      let progressed = false;
      try {
        const runs = await dispatchPending(ctx);
        report(runs);
        progressed = runs.some((r) => r.advanced > 0);
      } catch (error) {
        if (!stopped) log.warn(`event dispatcher: ${errorText(error)}`);
      }
      if (!progressed && !stopped) await events.sleep(pollMs);
      // PGlite answers within the same turn of the event loop (WASM, no I/O): without this yield a
      // long backlog would be worked off batch after batch while no HTTP request got in.
      else await yieldToEventLoop();
    }
  })();

  const jobLoop = (async () => {
    while (!stopped) {
      let ran = 0;
      try {
        const runs = await runDueJobs(ctx);
        ran = runs.length;
        for (const run of runs) if (run.outcome !== 'done') log.warn(`job ${run.type} ${run.id}: ${run.outcome}${run.error ? `: ${run.error}` : ''}`);
      } catch (error) {
        if (!stopped) log.warn(`job runner: ${errorText(error)}`);
      }
      if (!ran && !stopped) await jobs.sleep(jobPollMs);
      else await yieldToEventLoop();
    }
  })();

  const listener = ctx.db.engine === 'postgres' && ctx.config.databaseUrl ? listen(ctx.config.databaseUrl, () => events.wake(), log, () => stopped) : undefined;

  return {
    wake: () => events.wake(),
    async stop() {
      stopped = true;
      events.wake();
      jobs.wake();
      await Promise.all([dispatchLoop, jobLoop, listener?.close()]);
    },
  };
}

/** LISTEN radhus_outbox on a connection of its own, reconnecting after a failure. */
function listen(url: string, onNotify: () => void, log: NonNullable<BackgroundOptions['log']>, isStopped: () => boolean): { close(): Promise<void> } {
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (isStopped()) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('notification', () => onNotify());
    c.on('error', (error) => {
      log.warn(`event dispatcher: LISTEN connection lost (${error.message}); polling until it is back`);
      void c.end().catch(() => undefined);
      if (client === c) client = undefined;
      if (!isStopped()) retry = setTimeout(() => void connect(), 2_000);
    });
    try {
      await c.connect();
      await c.query('LISTEN radhus_outbox');
      // Events committed while we were not listening.
      onNotify();
    } catch (error) {
      c.emit('error', error);
    }
  };
  void connect();
  return {
    async close() {
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}

export interface SettleReport {
  /** Events the consumers moved past, and how many of them a handler handled. */
  advanced: number;
  handled: number;
  jobs: number;
  /** Consumers that failed on the way (they wait for their back-off), with the error. */
  failures: { consumer: string; eventId: number; error: string }[];
  jobFailures: { id: string; type: string; error: string }[];
}

/**
 * The background steps until nothing is left to do now: every consumer up to the end of the outbox
 * (or its failing event), every due job run. Deterministic, for tests and one-off runs; due-ness
 * follows the injected clock, so a test moves time with TestClock and settles again.
 */
export async function settle(ctx: AppContext, options: { maxRounds?: number; heldBackMs?: number } = {}): Promise<SettleReport> {
  const report: SettleReport = { advanced: 0, handled: 0, jobs: 0, failures: [], jobFailures: [] };
  // On a shared PostgreSQL server another database's transaction can hold the horizon back for a
  // while (tests in parallel processes): an event already committed then waits, and so does settle.
  const heldBackUntil = Date.now() + (options.heldBackMs ?? 120_000);
  for (let round = 0; round < (options.maxRounds ?? 10_000); round++) {
    const runs = await dispatchPending(ctx);
    for (const run of runs) {
      report.advanced += run.advanced;
      report.handled += run.handled;
      if (run.outcome === 'failed') report.failures.push({ consumer: run.consumer, eventId: run.failedEventId!, error: run.error ?? '' });
    }
    const jobs = await runDueJobs(ctx);
    report.jobs += jobs.length;
    for (const job of jobs) if (job.outcome === 'retry' || job.outcome === 'failed') report.jobFailures.push({ id: job.id, type: job.type, error: job.error ?? '' });
    if (!runs.some((r) => r.advanced > 0 || r.outcome === 'busy') && jobs.length === 0) {
      // heldBackMs 0: at rest as far as this moment's horizon allows (a test of the horizon itself).
      const heldBack = options.heldBackMs === 0 ? [] : await heldBackConsumers(ctx);
      if (!heldBack.length) return report;
      if (Date.now() > heldBackUntil) throw new Error(`settle: events for ${heldBack.join(', ')} are held back by a transaction that does not end`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  throw new Error('settle: the background work did not come to rest');
}

/** Lets timers and I/O (incoming requests) run before the next batch. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
