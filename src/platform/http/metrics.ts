// SPDX-License-Identifier: EUPL-1.2
// GET /metrics in Prometheus text: requests and latency per route, the database pool, the process,
// and whatever other platform parts add (event-dispatcher lag, jobs, the mail queue) through
// `metricSources`. Answered to callers on this machine that did not come through a proxy, and to
// callers with METRICS_TOKEN; refused to everyone else, since route names and queue sizes are
// internal. A registry per app, so several apps in one test process do not share counters.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context.ts';
import { ProblemError } from './problem.ts';
import type { App } from './app.ts';

/** Adds gauges or counters to the registry; called once per app. */
export type MetricSource = (registry: Registry, ctx: AppContext) => void;

export function registerMetrics(app: App, ctx: AppContext, sources: readonly MetricSource[] = []): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'radhus_' });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({ name: 'radhus_http_requests_total', help: 'HTTP requests answered, by route template', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'radhus_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route template',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = new Gauge({
    name: 'radhus_db_pool_connections',
    help: 'Database connections by state (PGlite is one connection)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = ctx.db.poolStats();
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  void pool;
  for (const source of sources) source(registry, ctx);

  app.addHook('onResponse', async (request, reply) => {
    // The route template, never the path: ids in paths would make a series per case file.
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true }, config: { authentication: false, access: 'operator' } }, async (request, reply) => {
    if (!mayRead(request, ctx.config.metricsToken))
      throw new ProblemError('forbidden', 'metrics are answered on this machine, or with "Authorization: Bearer <METRICS_TOKEN>"');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}

function mayRead(request: FastifyRequest, token: string | undefined): boolean {
  const header = request.headers.authorization;
  if (token && header) {
    const given = Buffer.from(header);
    const expected = Buffer.from(`Bearer ${token}`);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  }
  // The socket's address, not request.ip: with TRUST_PROXY on, request.ip is what the proxy says.
  // A request that came through a proxy on this machine is not a local caller.
  const address = request.socket.remoteAddress ?? '';
  const loopback = address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
  const proxied = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return loopback && !proxied;
}
