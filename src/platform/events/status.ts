// SPDX-License-Identifier: EUPL-1.2
// Read functions for `radhus events status` and for /metrics: where each consumer stands.
import type { AppContext } from '../context.ts';
import { installedConsumers } from './dispatcher.ts';
import { consumerLag, listConsumerRows, outboxSummary } from './repository.ts';
import { asWorker } from './worker.ts';

export interface ConsumerStatus {
  name: string;
  /** Declared by a module of this installation (false: a row left by a renamed or removed consumer). */
  installed: boolean;
  /** The outbox id of the last event it dealt with (0: none yet). */
  position: number;
  /** Events after its position. */
  lagEvents: number;
  /** Age of the oldest of those events, by the injected clock. */
  lagSeconds: number;
  status: 'ok' | 'failing';
  attempts: number;
  failingEventId: number | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  nextAttemptAt: Date | null;
}

export async function consumerStatuses(ctx: AppContext): Promise<ConsumerStatus[]> {
  const installed = installedConsumers(ctx).map((c) => c.name);
  const { rows, lag, total } = await ctx.db.kysely.transaction().execute(async (tx) => {
    await asWorker(tx);
    const rows = await listConsumerRows(tx);
    const lag = await consumerLag(tx);
    const total = await outboxSummary(tx);
    return { rows, lag, total };
  });
  const now = ctx.clock.now().getTime();
  const seconds = (at: Date | null) => (at ? Math.max(0, Math.round((now - at.getTime()) / 1000)) : 0);
  const statuses: ConsumerStatus[] = rows.map((row) => {
    const l = lag.find((x) => x.name === row.name);
    return {
      name: row.name,
      installed: installed.includes(row.name),
      position: Number(row.position_id),
      lagEvents: l?.pending ?? 0,
      lagSeconds: seconds(l?.oldest_pending_at ?? null),
      status: row.status,
      attempts: row.attempts,
      failingEventId: row.failing_event_id === null ? null : Number(row.failing_event_id),
      lastError: row.last_error,
      lastErrorAt: row.last_error_at,
      nextAttemptAt: row.next_attempt_at,
    };
  });
  // A consumer that has never run has no row yet: it starts at the beginning.
  for (const name of installed) {
    if (!statuses.some((s) => s.name === name))
      statuses.push({ name, installed: true, position: 0, lagEvents: total.n, lagSeconds: seconds(total.oldest), status: 'ok', attempts: 0, failingEventId: null, lastError: null, lastErrorAt: null, nextAttemptAt: null });
  }
  return statuses.sort((a, b) => a.name.localeCompare(b.name));
}

/** For /metrics: lag per consumer, in events and seconds. */
export async function consumerLagMetrics(ctx: AppContext): Promise<{ consumer: string; events: number; seconds: number; failing: boolean }[]> {
  return (await consumerStatuses(ctx)).filter((s) => s.installed).map((s) => ({ consumer: s.name, events: s.lagEvents, seconds: s.lagSeconds, failing: s.status === 'failing' }));
}
