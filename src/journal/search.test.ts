// SPDX-License-Identifier: EUPL-1.2
// The public journal's JSON search through the real API: stemming in the municipality's language,
// exact phrases, filters, stable keyset paging with cursors bound to their search, counts, the
// national search, bad input as 400 or a sane answer (never 500), and the 12-month rule for
// personal names by the injected clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';

let t: TestRadhus;
let no: Tenant;
let se: Tenant;
let token: string;
let seToken: string;
const ids: Record<string, string> = {};
let caseNumber = '';

async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, bearer = token) {
  return t.app.inject({ method, url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {}, ...(payload ? { payload } : {}) });
}
async function post(tenant: Tenant, path: string, payload: object, bearer = token) {
  const res = await call('POST', `/api/v1/${tenant.slug}${path}`, payload, bearer);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
/** Anonymous, as the public asks. */
async function search(query: Record<string, string | number>, tenant: Tenant | null = no) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return t.app.inject({ method: 'GET', url: `${tenant ? `/api/v1/${tenant.slug}` : '/api/v1'}/public-journal${qs ? `?${qs}` : ''}` });
}
async function hits(query: Record<string, string | number>, tenant: Tenant | null = no): Promise<{ ids: string[]; total: number }> {
  const res = await search(query, tenant);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return { ids: body.items.map((i: { id: string }) => i.id), total: body.total };
}

beforeAll(async () => {
  t = await createTestRadhus();
  no = await t.tenant({ name: 'Søkvik kommune' });
  se = await t.tenant({ name: 'Sökby kommun', country: 'SE' });
  token = await t.token(no, 'archivist');
  seToken = await t.token(se, 'archivist');
  const build = await post(no, '/case-files', { title: 'Byggesak for gnr. 12 bnr. 3, Storgata 5' });
  caseNumber = build.caseNumber;
  ids.application = (await post(no, `/case-files/${build.id}/registry-entries`, {
    type: 'incoming',
    title: 'Søknad om rammetillatelse for bolighus',
    documentDate: '2026-02-20',
    correspondents: [
      { name: 'Nordbygg Entreprenør AS', kind: 'organisation', role: 'sender' },
      { name: 'Per Kristian Hansen', kind: 'person', role: 'copy' },
    ],
  })).id;
  ids.reply = (await post(no, `/case-files/${build.id}/registry-entries`, {
    type: 'outgoing',
    title: 'Svar om støy fra veianlegg',
    correspondents: [{ name: 'Nordbygg Entreprenør AS', kind: 'organisation', role: 'recipient' }],
  })).id;
  const other = await post(no, '/case-files', { title: 'Skjenkebevilling Kaffebaren' });
  for (let i = 1; i <= 5; i += 1) {
    ids[`memo${i}`] = (await post(no, `/case-files/${other.id}/registry-entries`, { type: 'case-memo', title: `Saksframlegg nummer ${i} om skjenketider` })).id;
  }
  const seCase = await post(se, '/case-files', { title: 'Bygglov för fritidshus' }, seToken);
  ids.swedish = (await post(se, `/case-files/${seCase.id}/registry-entries`, { type: 'incoming', title: 'Ansökan om bygglov för fritidshusen', correspondents: [{ name: 'Byggfirman AB', kind: 'organisation', role: 'sender' }] }, seToken)).id;
  await t.settle();
}, 120_000);
afterAll(() => t?.close());

describe(`searching the public journal (${testEngine()})`, () => {
  it('finds by word with the municipality\'s stemming, by exact phrase, and counts', async () => {
    expect(await hits({ q: 'rammetillatelse' })).toEqual({ ids: [ids.application], total: 1 });
    // Norwegian stemming: "søknader" finds "Søknad"; Swedish: "bygglovet" finds "bygglov".
    expect((await hits({ q: 'søknader' })).ids).toEqual([ids.application]);
    expect((await hits({ q: 'fritidshus' }, se)).ids).toEqual([ids.swedish]);
    expect((await hits({ q: '"støy fra veianlegg"' })).ids).toEqual([ids.reply]);
    expect((await hits({ q: '"veianlegg fra støy"' })).ids).toEqual([]);
    // The case's public title and organisation names are searched too.
    expect((await hits({ q: 'Storgata' })).total).toBe(2);
    expect((await hits({ q: 'Nordbygg' })).total).toBe(2);
    expect((await hits({})).total).toBe(7);
  });

  it('filters by date, type, case number, correspondent, unit and gnr/bnr', async () => {
    expect((await hits({ entryType: 'case-memo' })).total).toBe(5);
    expect((await hits({ caseNumber })).ids.sort()).toEqual([ids.application, ids.reply].sort());
    expect((await hits({ gnr: 12, bnr: 3 })).total).toBe(2);
    expect((await hits({ gnr: 12, bnr: 4 })).total).toBe(0);
    expect((await hits({ correspondent: 'Per Kristian Hansen' })).ids).toEqual([ids.application]);
    expect((await hits({ correspondent: 'Nordbygg Entreprenør' })).total).toBe(2);
    expect((await hits({ fromDate: '2026-03-02', toDate: '2026-03-02' })).total).toBe(7);
    expect((await hits({ fromDate: '2026-03-03' })).total).toBe(0);
    expect((await hits({ unit: 'Ingen slik enhet' })).total).toBe(0);
  });

  it('pages newest first with a stable cursor; a forged or foreign cursor is a 400', async () => {
    const all = await hits({ limit: 100 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await search({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.total).toBe(7);
      seen.push(...body.items.map((i: { id: string }) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.ids);
    // Newest first: the last registered comes first.
    expect(all.ids[0]).toBe(ids.memo5);

    const first = (await search({ limit: 2 })).json();
    const forged = [Buffer.from('["2026-03-02",2026,1,"x","y"]').toString('base64url'), 'not a cursor', 'AAAA', first.nextCursor.slice(0, -2) + 'zz'];
    for (const c of forged) {
      const res = await search({ limit: 2, cursor: c });
      expect(res.statusCode, c).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'cursor', code: 'invalidCursor' });
    }
    // A cursor is bound to its search.
    expect((await search({ limit: 2, cursor: first.nextCursor, q: 'skjenketider' })).statusCode).toBe(400);
  });

  it('searches every municipality at once', async () => {
    const both = await hits({ q: 'Nordbygg OR Byggfirman' }, null);
    expect(both.ids.sort()).toEqual([ids.application, ids.reply, ids.swedish].sort());
    const res = await search({ q: 'bygglov' }, null);
    expect(res.json().items[0]).toMatchObject({ id: ids.swedish, tenant: { slug: se.slug, name: 'Sökby kommun' } });
  });

  it('answers bad input with 400 or a sane result, never 500', async () => {
    const sane = ['"unbalanced', 'a & b | !c', "'; drop table x; --", ':* <-> ( ) !!', '\\', '""', 'or', '-', '%_%'];
    for (const q of sane) expect((await search({ q })).statusCode, q).toBe(200);
    for (const query of [{ q: 'x'.repeat(10_000) }, { fromDate: '2026-02-30' }, { toDate: 'yesterday' }, { limit: -1 }, { limit: 0 }, { limit: 101 }, { gnr: -1 }, { entryType: 'secret' }, { caseNumber: "1' or 1=1" }, { fromDate: '2026-03-05', toDate: '2026-03-01' }, { page: 2 }]) {
      const res = await search(query as unknown as Record<string, string | number>);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${no.slug}/public-journal/not-a-uuid` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/${no.slug}/public-journal/${ids.swedish}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/ingen-kommune/public-journal` })).statusCode).toBe(404);
  });

  it('reads one entry with its parties; personal names are searchable for 12 months and no longer', async () => {
    const entry = await t.app.inject({ method: 'GET', url: `/api/v1/${no.slug}/public-journal/${ids.application}` });
    expect(entry.statusCode).toBe(200);
    expect(entry.json()).toMatchObject({
      caseNumber,
      title: 'Søknad om rammetillatelse for bolighus',
      documentDate: '2026-02-20',
      journalDate: '2026-03-02',
      correspondents: [{ name: 'Nordbygg Entreprenør AS', role: 'sender' }, { name: 'Per Kristian Hansen', role: 'copy' }],
      documents: [],
    });
    expect((await hits({ q: 'Hansen' })).ids).toEqual([ids.application]);
    t.clock.set('2027-03-01T12:00:00Z');
    expect((await hits({ q: 'Hansen' })).ids).toEqual([ids.application]);
    t.clock.set('2027-03-02T09:00:01Z');
    // A day past 12 months: not found by the name, by word or as correspondent; still listed and viewable.
    expect(await hits({ q: 'Hansen' })).toEqual({ ids: [], total: 0 });
    expect(await hits({ q: '"Per Kristian Hansen"' })).toEqual({ ids: [], total: 0 });
    expect(await hits({ correspondent: 'Per Kristian Hansen' })).toEqual({ ids: [], total: 0 });
    expect((await hits({ q: 'rammetillatelse Hansen' })).total).toBe(0);
    expect((await hits({ q: 'rammetillatelse' })).ids).toEqual([ids.application]);
    expect((await hits({ correspondent: 'Nordbygg Entreprenør' })).total).toBe(2);
    expect((await hits({})).ids).toContain(ids.application);
    const later = await t.app.inject({ method: 'GET', url: `/api/v1/${no.slug}/public-journal/${ids.application}` });
    expect(later.json().correspondents).toContainEqual({ name: 'Per Kristian Hansen', role: 'copy' });
    t.clock.set('2026-03-02T09:00:00Z');
  });
});
