// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, type TestRadhus } from '../../test-support/app.ts';

let t: TestRadhus;
beforeAll(async () => {
  t = await createTestRadhus({ METRICS_TOKEN: 'metrics-secret-123' });
});
afterAll(() => t.close());

const get = (headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });

describe('/metrics', () => {
  it('counts requests and their latency by route template, with the database pool', async () => {
    const tenant = await t.tenant();
    const token = await t.token(tenant, 'case-officer');
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/case-files`, headers: { authorization: `Bearer ${token}` }, payload: { title: 'Byggesak' } });
    expect(created.statusCode).toBe(201);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/${tenant.slug}/case-files/${created.json().id}`, headers: { authorization: `Bearer ${token}` } });
    expect(read.statusCode).toBe(200);

    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain('radhus_http_requests_total{method="POST",route="/api/v1/:tenant/case-files",status_code="201"} 1');
    expect(res.body).toMatch(/radhus_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/:tenant\/case-files\/:id",status_code="200"\} 1/);
    // Ids never become label values.
    expect(res.body).not.toContain(created.json().id);
    expect(res.body).toMatch(/radhus_db_pool_connections\{state="total"\} \d+/);
    expect(res.body).toContain('radhus_process_cpu_seconds_total');
  });

  it('answers other machines only with the token, and a proxied request is not a local one', async () => {
    expect((await get({}, '203.0.113.7')).statusCode).toBe(403);
    expect((await get({ authorization: 'Bearer wrong' }, '203.0.113.7')).statusCode).toBe(403);
    expect((await get({ authorization: 'Bearer metrics-secret-123' }, '203.0.113.7')).statusCode).toBe(200);
    const proxied = await get({ 'x-forwarded-for': '198.51.100.4' });
    expect(proxied.statusCode).toBe(403);
    expect(proxied.headers['content-type']).toMatch(/problem\+json/);
    expect((await get({ forwarded: 'for=198.51.100.4' }, '::ffff:127.0.0.1')).statusCode).toBe(403);
    expect((await get({}, '::1')).statusCode).toBe(200);
  });
});
