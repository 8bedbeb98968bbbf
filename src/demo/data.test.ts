// SPDX-License-Identifier: EUPL-1.2
// The demo stories themselves: consistent, in the right classification, with valid numbers, and
// every letter fits its one-page PDF.
import { describe, expect, it } from 'vitest';
import { classesFor } from '../archive/classification-plans.ts';
import { isValidOrganisationNumber, parseIdentityNumber } from '../common/idnumbers.ts';
import { demoMunicipalities } from './data/index.ts';
import { letterLines } from './letter.ts';
import type { DemoParty } from './model.ts';
import { demoOrganisationNumber, IdentityNumbers } from './numbers.ts';
import { renderPdf } from './pdf.ts';
import { checkStory } from './plan.ts';

describe('demo data', () => {
  it('has Balsfjord and the five Höglandet municipalities', () => {
    expect(demoMunicipalities.map((m) => [m.slug, m.officialNumber, m.country, m.language])).toEqual([
      ['balsfjord', '5532', 'NO', 'nb'],
      ['aneby', '0604', 'SE', 'sv'],
      ['eksjo', '0686', 'SE', 'sv'],
      ['nassjo', '0682', 'SE', 'sv'],
      ['savsjo', '0684', 'SE', 'sv'],
      ['vetlanda', '0685', 'SE', 'sv'],
    ]);
  });

  for (const m of demoMunicipalities) {
    describe(m.slug, () => {
      it('tells a consistent story', () => expect(checkStory(m)).toEqual([]));

      it('has 6–10 cases in its classification, open and closed, with several entry types', () => {
        expect(m.cases.length).toBeGreaterThanOrEqual(6);
        expect(m.cases.length).toBeLessThanOrEqual(10);
        const codes = new Set(classesFor(m.country).map((c) => c.code));
        for (const c of m.cases) expect(codes, c.title).toContain(c.classCode);
        expect(m.cases.some((c) => c.closed)).toBe(true);
        expect(m.cases.filter((c) => !c.closed).length).toBeGreaterThanOrEqual(2);
        const types = new Set(m.cases.flatMap((c) => c.entries.map((e) => e.type)));
        for (const type of ['incoming', 'outgoing', 'internal-without-followup'] as const) expect(types).toContain(type);
        expect(m.cases.some((c) => c.entries.some((e) => e.screened))).toBe(true);
        expect(m.cases.some((c) => c.entries.some((e) => e.followsUp?.length))).toBe(true);
      });

      it('gives every person a valid synthetic number and every fictional organisation a valid one', () => {
        const ids = new IdentityNumbers();
        const parties = m.cases.flatMap((c) => c.entries.flatMap((e) => [e.party, e.from, e.to, ...(e.copyTo ?? [])])).filter((p): p is DemoParty => p !== undefined);
        for (const p of parties) {
          if (p.kind === 'person') {
            const parsed = parseIdentityNumber(ids.of(p, m.country));
            expect(parsed.ok && parsed.synthetic && parsed.country === m.country, `${p.name}: ${JSON.stringify(parsed)}`).toBe(true);
          } else if (p.numberSeed !== undefined) {
            expect(isValidOrganisationNumber(demoOrganisationNumber({ ...p, numberSeed: p.numberSeed }, m.country), m.country), p.name).toBe(true);
          }
        }
        // The same person keeps one number; different people never share one.
        const persons = [...new Set(parties.filter((p) => p.kind === 'person'))];
        expect(new Set(persons.map((p) => ids.of(p, m.country))).size).toBe(persons.length);
      });

      it('fits every letter and memo on one page', () => {
        for (const c of m.cases) {
          for (const e of c.entries) {
            const lines = letterLines({ municipality: m, type: e.type, title: e.documentTitle ?? e.title, body: e.body, date: '2026-02-02', reference: '2026/100-10', unit: c.unit, party: e.party, from: e.from, to: e.to, signedBy: e.signedBy ?? c.officer });
            expect(() => renderPdf({ title: e.title, lines }), e.title).not.toThrow();
          }
        }
      });
    });
  }
});

describe('demo organisation numbers', () => {
  it('are valid in both countries and differ by seed', () => {
    const no = [1, 2, 3].map((numberSeed) => demoOrganisationNumber({ kind: 'organisation', name: 'x', numberSeed }, 'NO'));
    const se = [1, 2, 3].map((numberSeed) => demoOrganisationNumber({ kind: 'organisation', name: 'x', numberSeed, association: numberSeed === 3 }, 'SE'));
    expect(new Set(no).size).toBe(3);
    expect(new Set(se).size).toBe(3);
    for (const n of no) expect(isValidOrganisationNumber(n, 'NO')).toBe(true);
    for (const n of se) expect(isValidOrganisationNumber(n, 'SE')).toBe(true);
    expect(se[2]).toMatch(/^769/);
    expect(() => demoOrganisationNumber({ kind: 'organisation', name: 'x', numberSeed: -1 }, 'NO')).toThrow(RangeError);
  });
});
