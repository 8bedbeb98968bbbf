// SPDX-License-Identifier: EUPL-1.2
// Transparency statistics on the real app: entries published per month from the projection, access
// requests received, answered in time and the median answer time from access-requests' read
// function; the page draws each series as an SVG chart with a table of the same figures beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, linkIn, publishedLetter, sentMail, type Published } from '../access-requests/test-support.ts';
import { createTestRadhus, type TestRadhus } from '../test-support/app.ts';

let t: TestRadhus;
let a: Published;

async function askAndDecide(email: string, decideAt: string): Promise<void> {
  t.clock.set('2026-03-02T09:00:00Z');
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/access-requests', payload: { entries: [a.entry.id], email } });
  expect(created.statusCode, created.body).toBe(201);
  const confirmation = (await sentMail(t)).find((m) => m.to === email && m.template === 'access-requests.confirm')!;
  expect((await t.app.inject({ url: linkIn(confirmation.text), headers: { accept: 'text/html' } })).statusCode).toBe(200);
  const api = (p: string) => `/api/v1/${a.tenant.slug}${p}`;
  const item = (await call(t, a.officer, 'GET', api('/access-requests'))).items.find((i: { requesterEmail: string }) => i.requesterEmail === email);
  t.clock.set(decideAt);
  await call(t, a.officer, 'POST', api(`/access-requests/${item.id}/decision`), { outcome: 'granted' });
}

beforeAll(async () => {
  t = await createTestRadhus();
  t.clock.set('2026-03-02T08:00:00Z');
  a = await publishedLetter(t);
  // One answered in a day (in time), one after 17 days (late): median (24 + 408) / 2 hours.
  await askAndDecide('rask@example.no', '2026-03-03T09:00:00Z');
  await askAndDecide('sein@example.no', '2026-03-19T09:00:00Z');
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('transparency statistics', () => {
  it('as JSON: published, received, answered in time, median answer time per month', async () => {
    const stats = await call(t, {}, 'GET', `/api/v1/${a.tenant.slug}/transparency-statistics`);
    expect(stats.months).toEqual([{ month: '2026-03', published: 1, received: 2, answered: 2, answeredInTime: 1, shareInTime: 0.5, medianHours: 216 }]);
    expect((await t.app.inject({ url: '/api/v1/ingen-slik/transparency-statistics' })).statusCode).toBe(404);
  });

  it('as a page: a chart and a table beside it for each figure, in every language', async () => {
    for (const lang of ['nb', 'nn', 'sv', 'en']) {
      const res = await t.app.inject({ url: `/${a.tenant.slug}/statistikk?lang=${lang}`, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${lang}"`);
      expect(res.body.match(/<svg /g)).toHaveLength(4);
      expect(res.body.match(/<table /g)).toHaveLength(4);
      expect(res.body).toContain('<th scope="row">2026-03</th><td>50 %</td>');
      expect(res.body).toContain('<td>216</td>');
    }
    // Nothing about who asked.
    const page = await t.app.inject({ url: `/${a.tenant.slug}/statistikk`, headers: { accept: 'text/html' } });
    expect(page.body).not.toContain('rask@example.no');
  });
});
