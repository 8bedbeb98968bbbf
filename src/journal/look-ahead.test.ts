// SPDX-License-Identifier: EUPL-1.2
// A search with several words first reads the newest entries in range and checks them as they come
// (searchEntries' look-ahead, search-repository.ts); when that finds less than a page it searches
// as before. Either way the pages must be the same: generated searches (words common, rare and
// absent, a correspondent, an entry type, one municipality or all, page sizes and look-ahead
// windows from one page up) are read page by page, through their cursors, with and without it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { withPublic } from '../platform/db/transaction.ts';
import { searchEntries, type Position, type SearchFilters } from './search-repository.ts';

let t: TestRadhus;
let no: Tenant;
const ENTRIES = 40;

beforeAll(async () => {
  t = await createTestRadhus();
  no = await t.tenant({ name: 'Framvik kommune' });
  const other = await t.tenant({ name: 'Bortvik kommune' });
  for (const tenant of [no, other]) {
    const token = await t.token(tenant, 'archivist');
    const post = async (path: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}${path}`, headers: { authorization: `Bearer ${token}` }, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    const kase = await post('/case-files', { title: 'Vintervedlikehold' });
    // "brøyting" in every second entry, "strøing" in every seventh, "rekkverk" in one alone; every
    // third has Statens vegvesen as its sender.
    for (let i = 0; i < (tenant === no ? ENTRIES : 12); i += 1) {
      const words = [i % 2 === 0 ? 'brøyting' : 'vedlikehold', i % 7 === 3 ? 'strøing' : 'veg', i === 29 ? 'rekkverk' : 'fortau'];
      await post(`/case-files/${kase.id}/registry-entries`, {
        type: i % 3 === 0 ? 'incoming' : 'case-memo',
        title: `Melding ${i} om ${words.join(' og ')}`,
        ...(i % 3 === 0 ? { correspondents: [{ name: 'Statens vegvesen', kind: 'organisation', role: 'sender' }] } : {}),
      });
    }
  }
  await t.settle();
}, 180_000);
afterAll(() => t?.close());

/** Every match, page by page through the keyset, as ids. */
async function walk(filters: SearchFilters, limit: number, lookAhead: number): Promise<string[]> {
  const ids: string[] = [];
  let after: Position | undefined;
  for (let pages = 0; pages <= ENTRIES + 12; pages += 1) {
    const rows = await withPublic(t.ctx.db, (tx) => searchEntries(tx, filters, new Date(), { after, limit, lookAhead }));
    ids.push(...rows.map((r) => r.id));
    if (rows.length < limit) return ids;
    const last = rows.at(-1)!;
    after = { journalDate: last.journal_day, entryYear: last.entry_year, entrySequence: last.entry_sequence, id: last.id };
  }
  throw new Error('the pages did not end');
}

describe(`a search's look-ahead changes no page (${testEngine()})`, () => {
  it('finds every common, rare and absent match in the same order as the search without it', async () => {
    // The data is what the generated searches assume.
    expect(await walk({ tenantId: no.id, q: 'brøyting' }, 100, 0)).toHaveLength(ENTRIES / 2);
    expect(await walk({ tenantId: no.id, q: 'rekkverk' }, 100, 0)).toHaveLength(1);
    const search = fc.record({
      q: fc.constantFrom(undefined, 'brøyting', 'strøing', 'rekkverk', 'brøyting strøing', 'vedlikehold veg', '"om brøyting"', 'finnesikke'),
      correspondent: fc.constantFrom(undefined, undefined, 'Statens vegvesen'),
      entryType: fc.constantFrom(undefined, undefined, 'incoming', 'case-memo'),
      national: fc.boolean(),
      limit: fc.integer({ min: 1, max: 7 }),
      lookAhead: fc.integer({ min: 1, max: 5 }),
    });
    let lookedAhead = 0;
    await fc.assert(
      fc.asyncProperty(search, async ({ national, limit, lookAhead, ...rest }) => {
        const filters: SearchFilters = { ...rest, tenantId: national ? undefined : no.id };
        if (`${filters.q ?? ''} ${filters.correspondent ?? ''}`.trim().includes(' ')) lookedAhead += 1;
        expect(await walk(filters, limit, lookAhead)).toEqual(await walk(filters, limit, 0));
      }),
      { numRuns: 40 },
    );
    expect(lookedAhead).toBeGreaterThan(12);
  }, 120_000);
});
