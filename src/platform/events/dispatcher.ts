// SPDX-License-Identifier: EUPL-1.2
// The outbox dispatcher: hands each event to every consumer the modules declare, each consumer from
// its own durable position. One transaction takes a batch for one consumer: it locks the
// consumer's row (so two processes never work on one consumer at once; SKIP LOCKED lets the other
// go on with other consumers), runs the handler of each event in the event's municipality, and
// moves the position in that same transaction, so what a handler writes happens exactly once.
// A handler that throws is rolled back to its savepoint; the position stops before that event and
// the consumer waits (back-off) before trying it again. Nothing is ever skipped.
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/transaction.ts';
import type { DomainEvent, EventConsumer } from './types.ts';
import { advanceConsumer, consumersWithWork, ensureConsumers, eventsAfter, lockConsumer, recordFailure, type OutboxRow } from './repository.ts';
import { asTenant, asWorker, backoffMs, errorText } from './worker.ts';

export interface ConsumerRun {
  consumer: string;
  /** idle: nothing to do; busy: another process has it; waiting: back-off; failed: a handler threw. */
  outcome: 'idle' | 'done' | 'busy' | 'waiting' | 'failed';
  /** Events the position moved past (handled or not subscribed to). */
  advanced: number;
  /** Events whose handler ran and committed. */
  handled: number;
  error?: string;
  failedEventId?: number;
}

const BATCH = 50;

/** Every consumer of the installation's modules, checked for unique names. */
export function installedConsumers(ctx: Pick<AppContext, 'modules'>): EventConsumer[] {
  const consumers = ctx.modules.flatMap((m) => m.consumers ?? []);
  const seen = new Set<string>();
  for (const c of consumers) {
    if (seen.has(c.name)) throw new Error(`two event consumers are named "${c.name}"; consumer names must be unique`);
    seen.add(c.name);
  }
  return consumers;
}

const ensured = new WeakMap<object, Set<string>>();

/** Creates the position rows of consumers new to this database (once per process and database). */
export async function prepareConsumers(ctx: AppContext, consumers: readonly EventConsumer[]): Promise<void> {
  const known = ensured.get(ctx.db) ?? new Set<string>();
  const missing = consumers.map((c) => c.name).filter((n) => !known.has(n));
  if (!missing.length) return;
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await asWorker(tx);
    await ensureConsumers(tx, missing, ctx.clock.now());
  });
  for (const name of missing) known.add(name);
  ensured.set(ctx.db, known);
}

export const toDomainEvent = (row: OutboxRow): DomainEvent => ({
  id: Number(row.id),
  tenantId: row.tenant_id,
  type: row.event_type,
  aggregateType: row.aggregate_type,
  aggregateId: row.aggregate_id,
  payload: row.payload ?? {},
  at: row.created_at,
});

/** One batch of one consumer. */
export async function dispatchConsumer(ctx: AppContext, consumer: EventConsumer, options: { batch?: number } = {}): Promise<ConsumerRun> {
  await prepareConsumers(ctx, [consumer]);
  return ctx.db.kysely.transaction().execute(async (tx) => {
    await asWorker(tx);
    const run: ConsumerRun = { consumer: consumer.name, outcome: 'idle', advanced: 0, handled: 0 };
    const row = await lockConsumer(tx, consumer.name);
    if (!row) return { ...run, outcome: 'busy' };
    const now = ctx.clock.now();
    if (row.next_attempt_at && row.next_attempt_at > now) return { ...run, outcome: 'waiting' };
    const events = await eventsAfter(tx, row.position_tx, Number(row.position_id), options.batch ?? BATCH);
    if (!events.length) return run;
    let last: OutboxRow | undefined;
    for (const event of events) {
      if (consumer.types.includes(event.event_type)) {
        const error = await handleOne(tx, ctx, consumer, event);
        if (error !== undefined) {
          if (last) await advanceConsumer(tx, consumer.name, last, now);
          const attempts = (row.failing_event_id !== null && Number(row.failing_event_id) === Number(event.id) ? row.attempts : 0) + 1;
          await recordFailure(tx, consumer.name, { eventId: Number(event.id), attempts, error, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) }, now);
          return { ...run, outcome: 'failed', error, failedEventId: Number(event.id) };
        }
        run.handled += 1;
      }
      run.advanced += 1;
      last = event;
    }
    await advanceConsumer(tx, consumer.name, last!, now);
    return { ...run, outcome: 'done' };
  });
}

/** Runs the handler behind a savepoint; returns the error text if it threw (its writes are undone). */
async function handleOne(tx: Tx, ctx: AppContext, consumer: EventConsumer, event: OutboxRow): Promise<string | undefined> {
  await sql`savepoint radhus_event`.execute(tx);
  try {
    await asTenant(tx, event.tenant_id, `system:events/${consumer.name}`);
    await consumer.handle(tx, toDomainEvent(event), ctx);
    await sql`release savepoint radhus_event`.execute(tx);
    await asWorker(tx);
    return undefined;
  } catch (error) {
    // Also undoes the role and tenant settings made after the savepoint: back to radhus_worker.
    await sql`rollback to savepoint radhus_event`.execute(tx);
    return errorText(error);
  }
}

/** One batch for every consumer that has work now; the others are not even locked. */
export async function dispatchPending(ctx: AppContext): Promise<ConsumerRun[]> {
  const consumers = installedConsumers(ctx);
  if (!consumers.length) return [];
  await prepareConsumers(ctx, consumers);
  const names = await ctx.db.kysely.transaction().execute(async (tx) => {
    await asWorker(tx);
    return consumersWithWork(tx, consumers.map((c) => c.name), ctx.clock.now());
  });
  const runs: ConsumerRun[] = [];
  for (const consumer of consumers) {
    if (names.includes(consumer.name)) runs.push(await dispatchConsumer(ctx, consumer));
  }
  return runs;
}

/** Consumers with a committed event after their position, held back by the horizon or not (see consumersWithWork). */
export async function heldBackConsumers(ctx: AppContext): Promise<string[]> {
  const consumers = installedConsumers(ctx);
  if (!consumers.length) return [];
  return ctx.db.kysely.transaction().execute(async (tx) => {
    await asWorker(tx);
    return consumersWithWork(tx, consumers.map((c) => c.name), ctx.clock.now(), 'committed');
  });
}
