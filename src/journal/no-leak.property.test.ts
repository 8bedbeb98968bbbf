// SPDX-License-Identifier: EUPL-1.2
// A property (fast-check): whatever the screening of thousands of generated entries — of the case,
// the entry, each party on its own, words or whole fields, wholly screened, void — no screened value
// reaches a public JSON answer (search pages, entries, counts), and no search can infer one: a
// search for a screened word finds nothing, and excluding it (-word) changes no count, exact or
// bounded (the count stops at PUBLIC_JOURNAL_COUNT_LIMIT, set low here).
// Every value is a unique marker, so any hit is a leak and not an accident; public markers must be
// found, so an empty journal cannot pass for a safe one.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRadhus, testEngine, type TestRadhus } from '../test-support/app.ts';
import { withTenant } from '../platform/db/transaction.ts';
import { createCaseFile, createRegistryEntry, updateRegistryEntry } from '../archive/service.ts';
import { syntheticNorwegianNumber } from '../common/idnumbers.ts';
import type { ScreenedField } from '../common/screening.ts';

type ScreeningInput = { legalBasis: string; fields?: ScreenedField[]; titleWords?: string[] };

let t: TestRadhus;
const COUNT_LIMIT = 400;
beforeAll(async () => {
  // The count stops at a limit (docs/decisions/0007): set below what a run usually publishes (≈500
  // of ≈800 entries; a run that publishes fewer gets an exact count) and above one word's matches,
  // so both an exact and a bounded count are checked.
  t = await createTestRadhus({ PUBLIC_JOURNAL_COUNT_LIMIT: String(COUNT_LIMIT) });
}, 120_000);
afterAll(() => t?.close());

const legalBasis = 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1';
const allFields: ScreenedField[] = ['title', 'description', 'correspondents', 'documents'];
const vocabulary = ['byggesak', 'søknad', 'klage', 'vedtak', 'tilsyn', 'skjenkebevilling', 'reguleringsplan', 'høring'];

type CaseScreening = 'none' | 'word' | 'title' | 'parties' | 'wholly';
type EntryScreening = 'none' | 'word' | 'title' | 'parties' | 'documents' | 'wholly' | 'void';
const party = fc.record({ kind: fc.constantFrom('person', 'organisation'), ownScreening: fc.boolean(), identityNumber: fc.boolean() });
const entry = fc.record({
  type: fc.constantFrom('incoming', 'outgoing', 'case-memo'),
  word: fc.constantFrom(...vocabulary),
  screening: fc.constantFrom<EntryScreening>('none', 'none', 'word', 'title', 'parties', 'documents', 'wholly', 'void'),
  parties: fc.array(party, { minLength: 1, maxLength: 3 }),
});
const caseFile = fc.record({
  word: fc.constantFrom(...vocabulary),
  screening: fc.constantFrom<CaseScreening>('none', 'none', 'word', 'title', 'parties', 'wholly'),
  entries: fc.array(entry, { minLength: 1, maxLength: 9 }),
});

/** Unique, FTS-friendly markers no stemmer shortens: q + run letter + base-20 consonants + x. */
const consonants = 'bcdfghjklmnpqrstvwz';
function markerMaker(run: number) {
  let n = 0;
  return () => {
    let value = n++;
    let text = '';
    for (let i = 0; i < 5; i += 1) {
      text += consonants[value % consonants.length];
      value = Math.floor(value / consonants.length);
    }
    return `q${consonants[run % consonants.length]}${text}x`;
  };
}

interface Generated {
  secrets: string[];
  shown: string[];
  identityNumbers: string[];
  entryIds: string[];
}

type CaseSpec = typeof caseFile extends fc.Arbitrary<infer T> ? T : never;

async function seed(tenantId: string, run: number, cases: CaseSpec[]): Promise<Generated> {
  const next = markerMaker(run);
  const out: Generated = { secrets: [], shown: [], identityNumbers: [], entryIds: [] };
  const c = { tenantId, actor: 'system:test:property', at: t.clock.now() };
  let idSeq = 0;
  // Few transactions: twenty cases each, so thousands of entries stay fast on PGlite.
  for (let from = 0; from < cases.length; from += 20) {
    await withTenant(t.ctx.db, { tenantId, actor: { kind: 'system', id: 'test', name: 'property' } }, async (tx) => {
      for (const k of cases.slice(from, from + 20)) {
        const caseMarker = next();
        const caseHidden = k.screening === 'wholly' || k.screening === 'title' || k.screening === 'word';
        const caseScreening: ScreeningInput | undefined =
          k.screening === 'none' ? undefined
          : k.screening === 'word' ? { legalBasis, titleWords: [caseMarker] }
          : k.screening === 'title' ? { legalBasis, fields: ['title' as const] }
          : k.screening === 'parties' ? { legalBasis, fields: ['correspondents' as const] }
          : { legalBasis, fields: allFields };
        const description = next();
        out.secrets.push(description);
        // The case's title is shown only through an entry that is shown.
        const caseShown = !caseHidden && k.screening !== 'wholly' && k.entries.some((e) => e.screening !== 'wholly' && e.screening !== 'void');
        (caseHidden ? out.secrets : caseShown ? out.shown : []).push(caseMarker);
        const kase = await createCaseFile(tx, c, { title: `${k.word} ${caseMarker}`, description, ...(caseScreening ? { screening: caseScreening } : {}) });
        for (const e of k.entries) {
          const marker = next();
          const gone = k.screening === 'wholly' || e.screening === 'wholly' || e.screening === 'void';
          const partiesHidden = gone || k.screening === 'parties' || e.screening === 'parties';
          const screening: ScreeningInput | undefined =
            e.screening === 'word' ? { legalBasis, titleWords: [marker] }
            : e.screening === 'title' ? { legalBasis, fields: ['title' as const] }
            : e.screening === 'parties' ? { legalBasis, fields: ['correspondents' as const] }
            : e.screening === 'documents' ? { legalBasis, fields: ['documents' as const] }
            : e.screening === 'wholly' ? { legalBasis, fields: allFields }
            : undefined;
          ((gone || e.screening === 'word' || e.screening === 'title') ? out.secrets : out.shown).push(marker);
          const entryDescription = next();
          out.secrets.push(entryDescription);
          const correspondents = e.parties.map((p) => {
            const name = `${p.kind === 'person' ? 'Person' : 'Firma'} ${next()}`;
            const hidden = partiesHidden || p.ownScreening;
            (hidden ? out.secrets : out.shown).push(name.split(' ')[1]!);
            const identityNumber = p.kind === 'person' && p.identityNumber ? syntheticNorwegianNumber('1970-01-01', ++idSeq % 400) : undefined;
            if (identityNumber) out.identityNumbers.push(identityNumber);
            return { name, kind: p.kind, role: 'sender' as const, ...(identityNumber ? { identityNumber } : {}), ...(p.ownScreening ? { screening: { legalBasis, accessCode: 'P' } } : {}) };
          });
          const written = await createRegistryEntry(tx, { ...c, country: 'NO', isSystem: true }, kase.id, {
            type: e.type,
            title: `${e.word} ${marker}`,
            description: entryDescription,
            correspondents,
            ...(screening ? { screening } : {}),
          });
          if (e.screening === 'void') await updateRegistryEntry(tx, c, written.entry.id, { status: 'void' });
          out.entryIds.push(written.entry.id);
        }
      }
    });
  }
  return out;
}

async function get(url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
  return res;
}

describe(`no screened value reaches a public answer, for any screening (${testEngine()})`, () => {
  it('holds for thousands of generated entries', async () => {
    let run = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(caseFile, { minLength: 170, maxLength: 170 }), async (cases) => {
        run += 1;
        const tenant = await t.tenant();
        let at = Date.now();
        const lap = (what: string) => {
          if (process.env.RADHUS_TIMINGS) console.log(what, Date.now() - at, 'ms');
          at = Date.now();
        };
        const g = await seed(tenant.id, run, cases);
        total += g.entryIds.length;
        lap(`seeded ${g.entryIds.length} entries`);
        await t.settle();
        lap('projected');
        const base = `/api/v1/${tenant.slug}/public-journal`;

        // Everything public: every page of the municipality's journal and of the national search, and every entry.
        const bodies: string[] = [];
        let published = 0;
        for (const root of [base, '/api/v1/public-journal']) {
          let cursor: string | null = null;
          do {
            const res = await get(`${root}?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
            bodies.push(res.body);
            if (root === base) published += (res.json().items as unknown[]).length;
            cursor = res.json().nextCursor;
          } while (cursor);
        }
        // Every entry is on the pages above; one in three is also read on its own (its documents, 404 when not public).
        for (const id of g.entryIds.filter((_, i) => i % 3 === 0)) bodies.push((await get(`${base}/${id}`)).body);
        const everything = bodies.join('\n').toLocaleLowerCase();
        for (const secret of g.secrets) expect(everything.includes(secret), secret).toBe(false);
        for (const number of g.identityNumbers) expect(everything.includes(number), number).toBe(false);
        // Not vacuous: the public values are there.
        for (const shown of g.shown) expect(everything.includes(shown), shown).toBe(true);
        lap('read every page and entry');

        // No search infers a secret: searching it finds nothing, and excluding it changes no count,
        // neither a bounded one (the whole journal) nor an exact one (one word's matches).
        const counted = async (query: string, root = base) => {
          const body = (await get(`${root}?limit=1&${query}`)).json();
          return { total: body.total as number, totalIsLowerBound: body.totalIsLowerBound as boolean };
        };
        const count = async (query: string) => (await counted(query)).total;
        const all = await counted('');
        // Usually more than the limit (a bounded count), but the generator may publish fewer (an exact one).
        expect(all).toEqual(published >= COUNT_LIMIT ? { total: COUNT_LIMIT, totalIsLowerBound: true } : { total: published, totalIsLowerBound: false });
        const word = vocabulary[run % vocabulary.length]!;
        const oneWord = await counted(`q=${word}`);
        expect(oneWord.totalIsLowerBound, word).toBe(false);
        expect(oneWord.total, word).toBeGreaterThan(0);
        for (const secret of g.secrets.filter((_, i) => i % 17 === 0)) {
          expect(await counted(`q=${secret}`), secret).toEqual({ total: 0, totalIsLowerBound: false });
          expect(await count(`correspondent=${secret}`), secret).toBe(0);
          expect(await counted(`q=${secret}`, '/api/v1/public-journal'), secret).toEqual({ total: 0, totalIsLowerBound: false });
        }
        for (const secret of g.secrets.filter((_, i) => i % 61 === 0)) {
          expect(await counted(`q=-${secret}`), secret).toEqual(all);
          expect(await counted(`q=${word} -${secret}`), secret).toEqual(oneWord);
        }
        for (const shown of g.shown.filter((_, i) => i % 29 === 0)) expect(await count(`q=${shown}`), shown).toBeGreaterThan(0);
        lap('searched');
      }),
      { numRuns: 2, endOnFailure: true, verbose: 0 },
    );
    // Two runs of 170 generated cases make 1 483 entries on average (sampled from these generators
    // over 400 seeds: 1 319 at the least, sd ≈ 47). 1 200 is six deviations below, so the bound only
    // fails when the generators stop making thousands of entries; 1 400 failed 4 % of runs (CI: 1 395).
    expect(total).toBeGreaterThan(1200);
  }, 300_000);
});
