// SPDX-License-Identifier: EUPL-1.2
// The public journal's bounded count (docs/decisions/0007): a search counts at most
// PUBLIC_JOURNAL_COUNT_LIMIT matches; up to it `total` is exact, above it `total` is the limit and
// `totalIsLowerBound` is true, in the JSON API (one municipality and national) and on the postliste
// page ("more than …" in the page's language). Paging is not bounded: every match can be read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { loadConfig } from '../platform/config.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { withPublic } from '../platform/db/transaction.ts';
import { countEntries, type SearchFilters } from './search-repository.ts';

const LIMIT = 3;
let t: TestRadhus;
let no: Tenant;
let token: string;

async function post(path: string, payload: object) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/${no.slug}${path}`, headers: { authorization: `Bearer ${token}` }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function search(query: string, root = `/api/v1/${no.slug}`) {
  const res = await t.app.inject({ method: 'GET', url: `${root}/public-journal?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; journalDate: string }[]; total: number; totalIsLowerBound: boolean; nextCursor: string | null };
}

beforeAll(async () => {
  t = await createTestRadhus({ PUBLIC_JOURNAL_COUNT_LIMIT: String(LIMIT) });
  no = await t.tenant({ name: 'Tellevik kommune' });
  token = await t.token(no, 'archivist');
  const kase = await post('/case-files', { title: 'Skjenkebevilling Kaffebaren' });
  // 3 entries about "skjenketider" (exactly the limit), 4 about "åpningstider" (above it), 1 "rammetillatelse" (below).
  for (let i = 1; i <= 3; i += 1) await post(`/case-files/${kase.id}/registry-entries`, { type: 'case-memo', title: `Saksframlegg ${i} om skjenketider` });
  for (let i = 1; i <= 4; i += 1) await post(`/case-files/${kase.id}/registry-entries`, { type: 'case-memo', title: `Notat ${i} om åpningstider` });
  await post(`/case-files/${kase.id}/registry-entries`, { type: 'incoming', title: 'Søknad om rammetillatelse', correspondents: [{ name: 'Nordbygg AS', kind: 'organisation', role: 'sender' }] });
  await t.settle();
}, 120_000);
afterAll(() => t?.close());

describe(`the public journal's count stops at its limit (${testEngine()})`, () => {
  it('is exact up to the limit and a lower bound above it, on every page', async () => {
    expect(await search('q=rammetillatelse')).toMatchObject({ total: 1, totalIsLowerBound: false });
    expect(await search('q=skjenketider')).toMatchObject({ total: 3, totalIsLowerBound: false });
    expect(await search('q=skjenketider&limit=1')).toMatchObject({ total: 3, totalIsLowerBound: false });
    expect(await search('q=åpningstider')).toMatchObject({ total: LIMIT, totalIsLowerBound: true });
    expect(await search('q=åpningstider&limit=2')).toMatchObject({ total: LIMIT, totalIsLowerBound: true });
    expect(await search('q=finnesikke')).toMatchObject({ total: 0, totalIsLowerBound: false });
    expect(await search('q=åpningstider', '/api/v1')).toMatchObject({ total: LIMIT, totalIsLowerBound: true });

    // Paging still reaches every match: the bound is on counting, not on reading.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page).toMatchObject({ total: LIMIT, totalIsLowerBound: true });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(8);
  });

  it('counts with words within the date range, whichever form its conditions take', async () => {
    // The count writes the dates so no index takes them when there are words (search-repository.ts);
    // the range must still hold: a day after every entry counts none, the entries' own day all.
    const day = (await search('q=skjenketider&limit=1')).items[0]!.journalDate;
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const count = (filters: SearchFilters) => withPublic(t.ctx.db, (tx) => countEntries(tx, { tenantId: no.id, ...filters }, new Date(), 100));
    expect(await count({ q: 'skjenketider', fromDate: day, toDate: day })).toBe(3);
    expect(await count({ q: 'skjenketider', fromDate: next })).toBe(0);
    expect(await count({ q: 'skjenketider', toDate: '2000-01-01' })).toBe(0);
    expect(await count({ correspondent: 'Nordbygg', fromDate: next })).toBe(0);
    expect(await count({ correspondent: 'Nordbygg', fromDate: day })).toBe(1);
    expect(await count({ fromDate: next })).toBe(0);
    expect(await count({ fromDate: day })).toBe(8);
  });

  it('shows "more than" on the postliste page in the page\'s language, and the exact count below the limit', async () => {
    const page = async (query: string, language: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/${no.slug}/postliste?${query}&lang=${language}` });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
      return res.body;
    };
    expect(await page('q=åpningstider', 'nb')).toContain('Mer enn 3 treff');
    expect(await page('q=åpningstider', 'nn')).toContain('Meir enn 3 treff');
    expect(await page('q=åpningstider', 'sv')).toContain('Fler än 3 träffar');
    expect(await page('q=åpningstider', 'en')).toContain('More than 3 results');
    const exact = await page('q=skjenketider', 'nb');
    expect(exact).toContain('3 treff');
    expect(exact).not.toContain('Mer enn');
  });

  it('takes its limit from PUBLIC_JOURNAL_COUNT_LIMIT, 10 000 unless set, and refuses what is not a count', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).publicJournalCountLimit).toBe(10_000);
    expect(loadConfig({ NODE_ENV: 'test', PUBLIC_JOURNAL_COUNT_LIMIT: '2500' }).publicJournalCountLimit).toBe(2500);
    for (const bad of ['0', '-1', '1.5', 'many']) expect(() => loadConfig({ NODE_ENV: 'test', PUBLIC_JOURNAL_COUNT_LIMIT: bad }), bad).toThrow(/PUBLIC_JOURNAL_COUNT_LIMIT/);
  });
});
