// SPDX-License-Identifier: EUPL-1.2
// Bad input to the public journal's search, generated with fast-check over every search parameter at
// once (issue 7 §5). The conformance walk (src/conformance/hostile-input.test.ts) sends one value at
// a time that the schema refuses; this test sends what the schema lets through and the SQL must
// survive — tsquery and SQL metacharacters, unbalanced quotes, any Unicode, text at its maximum
// length, dates at the ends of the calendar, integers at their bounds, every filter combined — and
// cursors forged with the right fingerprint but positions at the ends of every range. Each answer
// is a 200 with a sane page (at most `limit` items, newest first, total ≥ items, a next cursor that
// works) or a 400 problem naming the failing fields; never a 5xx. Raw query strings (bad
// percent-encoding, repeated parameters, a 10 kB q) get a 4xx at worst.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { entryTypes } from './policy.ts';

let t: TestRadhus;
let no: Tenant;
const RUNS = Number(process.env.HOSTILE_RUNS ?? 60);

beforeAll(async () => {
  t = await createTestRadhus();
  no = await t.tenant({ name: 'Fiendtlig kommune' });
  const token = await t.token(no, 'archivist');
  const post = async (path: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/${no.slug}${path}`, headers: { authorization: `Bearer ${token}` }, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const kase = await post('/case-files', { title: 'Byggesak for gnr. 12 bnr. 3, Storgata 5' });
  for (let i = 0; i < 5; i++)
    await post(`/case-files/${kase.id}/registry-entries`, {
      type: entryTypes[i % entryTypes.length],
      title: `Søknad om "rammetillatelse" & dispensasjon ${i} (a|b) !`,
      correspondents: [{ name: i % 2 ? 'Nordbygg AS' : "O'Brien Hansen", kind: i % 2 ? 'organisation' : 'person', role: 'sender' }],
    });
  await t.settle();
}, 120_000);
afterAll(() => t?.close());

const meta = [...`"'&|!():*<->\\;%_-+~^$[]{}/,.`, ' or ', ' and ', '--', '/*', '*/', 'ø', 'Å', '\u200b', '\ud83d\ude00', "'; drop table public_registry_entries; --", 'select', 'null'];
/** Text built from metacharacters, words and any Unicode, up to `max` characters (the schema's maxLength). */
const words = (max: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...meta), fc.constantFrom('søknad', 'bygg', 'Hansen', 'rammetillatelse'), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 30 })
    .map((parts) => parts.join('').slice(0, max));
/** NUL and lone surrogates (refused as invalidCharacters) now and then, among text the search must answer. */
const nasty = (max: number) =>
  fc.oneof({ arbitrary: words(max), weight: 24 }, { arbitrary: fc.tuple(words(max / 2), fc.constantFrom('\u0000', '\ud800', 'a\udfff'), fc.string({ unit: 'binary', maxLength: 4 })).map((p) => p.join('').slice(0, max)), weight: 1 });
const validDates = fc.constantFrom('0001-01-01', '1000-01-01', '1970-01-01', '2000-02-29', '2026-03-02', '9999-12-31');
const edgeDates = fc.oneof({ arbitrary: validDates, weight: 12 }, { arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '26-01-01', ''), weight: 1 });
/** Mostly values the search must answer (so most cases reach the SQL), sometimes ones it must refuse. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
const query = fc.record(
  {
    q: fc.oneof(nasty(500), fc.constant('x'.repeat(500)), fc.constant('"'.repeat(500)), fc.constant('!'.repeat(500))),
    fromDate: edgeDates,
    toDate: edgeDates,
    entryType: fc.constantFrom(...entryTypes),
    unit: nasty(200),
    caseNumber: mostly(fc.constantFrom('2026/1', '0000/0', '9999/999999999'), fc.oneof(fc.constant('2026/2147483648'), nasty(20))),
    correspondent: nasty(200),
    gnr: mostly(fc.oneof(fc.constantFrom(0, 99999), fc.integer({ min: 0, max: 99999 })), fc.constantFrom(-1, 100000)),
    bnr: fc.oneof(fc.constantFrom(0, 99999), fc.integer({ min: 0, max: 99999 })),
    limit: mostly(fc.oneof(fc.constantFrom(1, 100), fc.integer({ min: 1, max: 100 })), fc.constantFrom(0, -5, 101)),
  },
  { requiredKeys: [] },
);
/** Dates in order most of the time (a range ending before it starts is a 400, tested now and then). */
const ordered = fc.tuple(query, fc.integer({ min: 0, max: 4 })).map(([q, keep]) =>
  q.fromDate && q.toDate && q.fromDate > q.toDate && keep > 0 ? { ...q, fromDate: q.toDate, toDate: q.fromDate } : q,
);

const url = (params: Record<string, unknown>, tenant: boolean) =>
  `${tenant ? `/api/v1/${no.slug}` : '/api/v1'}/public-journal?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;

interface Page {
  items: { journalDate: string; registryNumber: string }[];
  total: number;
  nextCursor: string | null;
}

/** 200 with a sane page, or 400 problem+json naming fields; anything else fails. */
async function expectSane(target: string, limit: number | undefined): Promise<Page | undefined> {
  const res = await t.app.inject({ method: 'GET', url: target });
  expect(res.statusCode, `${target} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode !== 200) {
    expect(res.statusCode, target).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const problem = res.json();
    if (process.env.DEBUG_HOSTILE) console.log(JSON.stringify(problem.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)));
    expect(problem.errors?.length, res.body).toBeGreaterThan(0);
    return undefined;
  }
  const page = res.json() as Page;
  expect(page.items.length).toBeLessThanOrEqual(limit ?? 20);
  expect(page.total).toBeGreaterThanOrEqual(page.items.length);
  const days = page.items.map((i) => i.journalDate);
  expect([...days].sort().reverse()).toEqual(days);
  return page;
}

/** The service's cursor fingerprint, computed as a forger would: it is not a secret, only a binding. */
const fingerprint = (filters: Record<string, unknown>) =>
  createHash('sha256').update(JSON.stringify(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '').sort(([a], [b]) => a.localeCompare(b)))).digest('base64url').slice(0, 16);

describe(`hostile search parameters (${testEngine()})`, () => {
  it('answers any combination of filters with a sane page or a 400 naming the field, never a 5xx', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(ordered, fc.boolean(), async (params, tenant) => {
        const page = await expectSane(url(params, tenant), params.limit);
        if (page) answered += 1;
        // The next page of the same search works too.
        if (page?.nextCursor) await expectSane(url({ ...params, cursor: page.nextCursor }, tenant), params.limit);
      }),
      { numRuns: RUNS },
    );
    // Many cases must get past validation into the SQL, or this would only test the validation.
    // Measured over 600 runs, 69 % of the generated queries are answered (the rest have one refused
    // value). With 60 runs that is 41 ± 4, so a third (20) is six standard deviations below: the
    // bound cannot fail by chance, as a quarter with the old 39 % mix did (CI: 15 of 60).
    expect(answered).toBeGreaterThan(RUNS / 3);
  }, 300_000);

  it('refuses forged cursors with a 400, and answers well-formed ones at the ends of every range sanely', async () => {
    const forged = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 400 }),
      fc.json().map((j) => Buffer.from(j).toString('base64url')),
      fc.tuple(edgeDates, fc.integer(), fc.integer(), fc.uuid(), fc.string()).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
    );
    await fc.assert(
      fc.asyncProperty(forged, async (cursor) => {
        await expectSane(url({ cursor }, true), undefined);
      }),
      { numRuns: RUNS },
    );
    // Right shape and fingerprint, positions at the extremes: a sane (possibly empty) page.
    const print = fingerprint({ tenantId: no.id });
    const extremes = fc.tuple(fc.constantFrom('0001-01-01', '9999-12-31', '2026-03-02'), fc.constantFrom(1000, 9999, 2026), fc.constantFrom(0, 2_147_483_647, 1), fc.uuid());
    await fc.assert(
      fc.asyncProperty(extremes, async ([day, year, sequence, id]) => {
        const cursor = Buffer.from(JSON.stringify([day, year, sequence, id, print])).toString('base64url');
        const page = await expectSane(url({ cursor }, true), undefined);
        expect(page, cursor).toBeDefined();
      }),
      { numRuns: 30 },
    );
  }, 300_000);

  it('answers raw query strings — bad percent-encoding, repeated and unknown parameters, 10 kB — with a 4xx at worst', async () => {
    const raw = fc.oneof(
      fc.constantFrom('q=%', 'q=%zz', 'q=%C3', 'q=%00', 'q=%ED%A0%80', 'q=a&q=b', 'limit=1&limit=2', 'fromDate=2026-01-01&fromDate=x', 'cursor=&q=', 'page=-1', `q=${'x'.repeat(10_240)}`, `q=${'%22'.repeat(3000)}`),
      fc.string({ unit: fc.constantFrom(...'qlimt=&%0123456789abcdefABCDEF"\'+;'), maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(raw, fc.boolean(), async (qs, tenant) => {
        const res = await t.app.inject({ method: 'GET', url: `${tenant ? `/api/v1/${no.slug}` : '/api/v1'}/public-journal?${qs}` });
        expect(res.statusCode, `${qs} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
