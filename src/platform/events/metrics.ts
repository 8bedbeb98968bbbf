// SPDX-License-Identifier: EUPL-1.2
// What /metrics shows of the background work: each consumer's lag (events and seconds behind the
// outbox, and whether it is stopped on a failing event) and the jobs by type and state, so the
// mail queue (type mail.send) and failed jobs can be alerted on.
import { Gauge, type Registry } from 'prom-client';
import type { AppContext } from '../context.ts';
import { jobCountsPerType } from '../jobs/status.ts';
import { consumerLagMetrics } from './status.ts';

/** One read per scrape for the three consumer gauges, not one each. */
function perScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at > 1_000) last = { at: now, value: read() };
    return last.value;
  };
}

export function backgroundMetrics(registry: Registry, ctx: AppContext): void {
  const lag = perScrape(() => consumerLagMetrics(ctx));
  const gauge = (name: string, help: string, pick: (m: Awaited<ReturnType<typeof consumerLagMetrics>>[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['consumer'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const m of await lag()) this.set({ consumer: m.consumer }, pick(m));
      },
    });
  gauge('radhus_event_consumer_lag_events', 'Outbox events a consumer has not handled yet', (m) => m.events);
  gauge('radhus_event_consumer_lag_seconds', 'Age of the oldest event a consumer has not handled yet', (m) => m.seconds);
  gauge('radhus_event_consumer_failing', '1 while a consumer is stopped on a failing event', (m) => (m.failing ? 1 : 0));
  new Gauge({
    name: 'radhus_jobs',
    help: 'Unfinished jobs by type and state (due, scheduled, running, failed); mail.send is the mail queue',
    labelNames: ['type', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await jobCountsPerType(ctx)) this.set({ type: row.type, state: row.state }, row.count);
    },
  });
}
