// SPDX-License-Identifier: EUPL-1.2
// `radhus events replay <consumer>`: empty what the consumer feeds, move it back to the start and
// run it to the end. Reset and rewind are one transaction, taken under the consumer's row lock, so
// a dispatcher of another process (or of this server) never works on a half-reset consumer.
import type { AppContext } from '../context.ts';
import type { EventConsumer } from './types.ts';
import { dispatchConsumer, installedConsumers, prepareConsumers } from './dispatcher.ts';
import { countPendingFor, lockConsumer, rewindConsumer, tenantIds } from './repository.ts';
import { asTenant, asWorker } from './worker.ts';

export class UnknownConsumer extends Error {
  constructor(
    readonly consumer: string,
    readonly known: string[],
  ) {
    super(`no event consumer named "${consumer}"; the consumers are: ${known.join(', ') || '(none)'}`);
  }
}

export function findConsumer(ctx: AppContext, name: string): EventConsumer {
  const consumers = installedConsumers(ctx);
  const consumer = consumers.find((c) => c.name === name);
  if (!consumer) throw new UnknownConsumer(name, consumers.map((c) => c.name));
  return consumer;
}

export interface ReplayResult {
  handled: number;
  advanced: number;
  /** Set when a handler failed: the consumer stopped there (see `radhus events status`). */
  error?: string;
}

/**
 * `reset` runs once per municipality, in that municipality (radhus_app, row-level security), all
 * in the replay's one transaction: what a consumer feeds is per municipality like its events.
 */
export async function replayConsumer(ctx: AppContext, name: string, options: { timeoutMs?: number } = {}): Promise<ReplayResult> {
  const consumer = findConsumer(ctx, name);
  await prepareConsumers(ctx, [consumer]);
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await asWorker(tx);
    await lockConsumer(tx, name, { wait: true });
    if (consumer.reset) {
      for (const tenantId of await tenantIds(tx)) {
        await asTenant(tx, tenantId, `cli:events-replay`);
        await consumer.reset(tx);
        await asWorker(tx);
      }
    }
    await rewindConsumer(tx, name, ctx.clock.now());
  });
  return runToEnd(ctx, consumer, options.timeoutMs ?? 60_000);
}

/** Dispatches until no event is left after the position (waiting for other processes' batches). */
export async function runToEnd(ctx: AppContext, consumer: EventConsumer, timeoutMs: number): Promise<ReplayResult> {
  const result: ReplayResult = { handled: 0, advanced: 0 };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await dispatchConsumer(ctx, consumer);
    result.handled += run.handled;
    result.advanced += run.advanced;
    if (run.outcome === 'failed' || run.outcome === 'waiting') {
      if (run.outcome === 'failed') result.error = `event ${run.failedEventId}: ${run.error}`;
      else result.error = 'the consumer is waiting to retry a failed event (see radhus events status)';
      return result;
    }
    if (run.outcome === 'done') continue;
    // idle or busy: done only when nothing is left at all (an event may still be invisible while
    // an older transaction runs, or another process may be in the middle of a batch).
    const pending = await ctx.db.kysely.transaction().execute(async (tx) => {
      await asWorker(tx);
      return countPendingFor(tx, consumer.name);
    });
    if (pending === 0) return result;
    if (Date.now() > deadline) {
      result.error = `${pending} events are still pending after ${Math.round(timeoutMs / 1000)} s`;
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
