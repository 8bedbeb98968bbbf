// SPDX-License-Identifier: EUPL-1.2
// SQL of the dispatcher: consumer positions and the outbox in commit-safe order. Every function
// expects a transaction that is already radhus_worker (worker.ts).
import { sql } from 'kysely';
import type { Tx } from '../db/transaction.ts';

export interface ConsumerRow {
  name: string;
  position_tx: string;
  position_id: number;
  status: 'ok' | 'failing';
  attempts: number;
  failing_event_id: number | null;
  last_error: string | null;
  last_error_at: Date | null;
  next_attempt_at: Date | null;
  handled_at: Date | null;
  updated_at: Date;
}

export interface OutboxRow {
  id: number;
  tx_id: string;
  tenant_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/** Rows of every consumer this installation declares; a new consumer starts at the beginning. */
export async function ensureConsumers(tx: Tx, names: readonly string[], at: Date): Promise<void> {
  for (const name of names) {
    await sql`insert into event_consumers (name, updated_at) values (${name}, ${at}) on conflict (name) do nothing`.execute(tx);
  }
}

/** The consumer's row, locked for this transaction; undefined when another process holds it now. */
export async function lockConsumer(tx: Tx, name: string, options: { wait?: boolean } = {}): Promise<ConsumerRow | undefined> {
  const result = options.wait
    ? await sql<ConsumerRow>`select name, position_tx::text as position_tx, position_id, status, attempts, failing_event_id, last_error, last_error_at, next_attempt_at, handled_at, updated_at
        from event_consumers where name = ${name} for update`.execute(tx)
    : await sql<ConsumerRow>`select name, position_tx::text as position_tx, position_id, status, attempts, failing_event_id, last_error, last_error_at, next_attempt_at, handled_at, updated_at
        from event_consumers where name = ${name} for update skip locked`.execute(tx);
  return result.rows[0];
}

export async function listConsumerRows(tx: Tx): Promise<ConsumerRow[]> {
  const result = await sql<ConsumerRow>`select name, position_tx::text as position_tx, position_id, status, attempts, failing_event_id, last_error, last_error_at, next_attempt_at, handled_at, updated_at
    from event_consumers order by name`.execute(tx);
  return result.rows;
}

/**
 * The next events after a position that can no longer be overtaken: written by transactions older
 * than every transaction still running (migration 0006 explains why).
 */
export async function eventsAfter(tx: Tx, positionTx: string, positionId: number, limit: number): Promise<OutboxRow[]> {
  const result = await sql<OutboxRow>`
    select id, tx_id::text as tx_id, tenant_id, event_type, aggregate_type, aggregate_id, payload, created_at
    from outbox
    where (tx_id, id) > (${positionTx}::xid8, ${positionId}::bigint)
      and tx_id < pg_snapshot_xmin(pg_current_snapshot())
    -- Qualified: a bare tx_id here would be the text alias above, and '10' sorts before '9'.
    order by outbox.tx_id, outbox.id
    limit ${limit}`.execute(tx);
  return result.rows;
}

/**
 * Consumers with an event after their position and no back-off to wait for. Reads only: an idle
 * poll writes nothing. `ready` (the dispatcher): only events that can no longer be overtaken, below
 * the horizon. `committed` (settle()): any committed event — also one the horizon still holds back
 * (an older transaction, perhaps of another database in the same cluster, has not ended) or let
 * through since the last look. Nothing is lost either way (the next poll takes it); settle() goes on
 * while there are such, so that a test's "now at rest" holds.
 */
export async function consumersWithWork(tx: Tx, names: readonly string[], now: Date, events: 'ready' | 'committed' = 'ready'): Promise<string[]> {
  if (!names.length) return [];
  const horizon = events === 'ready' ? sql`and o.tx_id < pg_snapshot_xmin(pg_current_snapshot())` : sql``;
  const result = await sql<{ name: string }>`
    select c.name from event_consumers c
    where c.name in (${sql.join(names)})
      and (c.next_attempt_at is null or c.next_attempt_at <= ${now})
      and exists (select 1 from outbox o
                  where (o.tx_id, o.id) > (c.position_tx, c.position_id)
                    ${horizon})
    order by c.name`.execute(tx);
  return result.rows.map((r) => r.name);
}

export async function advanceConsumer(tx: Tx, name: string, event: { tx_id: string; id: number }, at: Date): Promise<void> {
  await sql`update event_consumers
    set position_tx = ${event.tx_id}::xid8, position_id = ${event.id}, handled_at = ${at}, updated_at = ${at},
        status = 'ok', attempts = 0, failing_event_id = null, next_attempt_at = null
    where name = ${name}`.execute(tx);
}

export async function recordFailure(tx: Tx, name: string, failure: { eventId: number; attempts: number; error: string; nextAttemptAt: Date }, at: Date): Promise<void> {
  await sql`update event_consumers
    set status = 'failing', attempts = ${failure.attempts}, failing_event_id = ${failure.eventId}, last_error = ${failure.error},
        last_error_at = ${at}, next_attempt_at = ${failure.nextAttemptAt}, updated_at = ${at}
    where name = ${name}`.execute(tx);
}

/** For replay: back to the beginning, with a clean slate. */
export async function rewindConsumer(tx: Tx, name: string, at: Date): Promise<void> {
  await sql`update event_consumers
    set position_tx = '0'::xid8, position_id = 0, status = 'ok', attempts = 0, failing_event_id = null,
        next_attempt_at = null, updated_at = ${at}
    where name = ${name}`.execute(tx);
}

export interface ConsumerLagRow {
  name: string;
  pending: number;
  oldest_pending_at: Date | null;
  last_event_id: number | null;
}

/** Events after each consumer's position (visible or not yet), and how old the oldest of them is. */
export async function consumerLag(tx: Tx): Promise<ConsumerLagRow[]> {
  const result = await sql<ConsumerLagRow>`
    select c.name,
           (select count(*)::int from outbox o where (o.tx_id, o.id) > (c.position_tx, c.position_id)) as pending,
           (select min(o.created_at) from outbox o where (o.tx_id, o.id) > (c.position_tx, c.position_id)) as oldest_pending_at,
           (select max(id) from outbox) as last_event_id
    from event_consumers c order by c.name`.execute(tx);
  return result.rows;
}

export async function tenantIds(tx: Tx): Promise<string[]> {
  const result = await sql<{ id: string }>`select id from tenants order by id`.execute(tx);
  return result.rows.map((r) => r.id);
}

export async function outboxSummary(tx: Tx): Promise<{ n: number; oldest: Date | null }> {
  const result = await sql<{ n: number; oldest: Date | null }>`select count(*)::int as n, min(created_at) as oldest from outbox`.execute(tx);
  return result.rows[0]!;
}

export async function countPendingFor(tx: Tx, name: string): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from outbox o, event_consumers c
    where c.name = ${name} and (o.tx_id, o.id) > (c.position_tx, c.position_id)`.execute(tx);
  return result.rows[0]!.n;
}
