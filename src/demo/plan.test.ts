// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { DemoCase, DemoMunicipality, DemoPerson } from './model.ts';
import { checkStory, planSteps, squeeze, workingDay } from './plan.ts';

const officer: DemoPerson = { kind: 'person', name: 'Kari Saksbehandler', born: '1980-01-01' };
const sender: DemoPerson = { kind: 'person', name: 'Ola Avsender', born: '1970-01-01' };

const story = (cases: DemoCase[]): DemoMunicipality => ({
  slug: 'test', officialNumber: '5532', name: 'Test kommune', country: 'NO', language: 'nb', address: 'Vei 1', postalCode: '9050', postalTown: 'Storsteinnes', email: 'a@b.example', cases,
});

const letterCase = (over: Partial<DemoCase> = {}): DemoCase => ({
  daysAgo: 30,
  title: 'Sak',
  classCode: '000',
  unit: 'Enhet',
  officer,
  entries: [
    { key: 'in', daysAgo: 30, type: 'incoming', title: 'Brev inn', party: sender, body: ['Tekst'] },
    { daysAgo: 20, type: 'outgoing', title: 'Svar', party: sender, followsUp: ['in'], body: ['Svar'] },
  ],
  closed: { daysAgo: 10 },
  ...over,
});

describe('checkStory', () => {
  it('accepts a sound story', () => expect(checkStory(story([letterCase()]))).toEqual([]));

  it('finds a reply before its letter, an unknown key, a closed case with a loose end, and entries older than their case', () => {
    const problems = checkStory(
      story([
        letterCase({ entries: [{ key: 'in', daysAgo: 30, type: 'incoming', title: 'Brev', party: sender, body: [] }, { daysAgo: 31, type: 'outgoing', title: 'Svar', party: sender, followsUp: ['in', 'nope'], body: [] }] }),
        letterCase({ entries: [{ daysAgo: 40, type: 'incoming', title: 'Uten svar', party: sender, body: [] }] }),
      ]),
    );
    expect(problems.join('\n')).toMatch(/follows up "in" before it arrives/);
    expect(problems.join('\n')).toMatch(/follows up "nope", which is not an earlier entry/);
    expect(problems.join('\n')).toMatch(/is closed but "Uten svar" is not followed up/);
    expect(problems.join('\n')).toMatch(/"Uten svar": is older than its case/);
  });

  it('requires a document title without the name for screened entries', () => {
    const screened = letterCase({ entries: [{ key: 'in', daysAgo: 30, type: 'incoming', title: 'Søknad – Ola Avsender', party: sender, screened: true, documentTitle: 'Søknad – Ola Avsender', body: [] }], closed: undefined });
    expect(checkStory(story([screened])).join()).toMatch(/repeats the screened name/);
  });
});

describe('squeeze and workingDay', () => {
  it('keeps the story inside the current year early in the year, and leaves it alone later', () => {
    expect(squeeze(new Date('2026-03-02T09:00:00Z'), 120)).toBeCloseTo(57 / 120);
    expect(squeeze(new Date('2026-09-01T09:00:00Z'), 120)).toBe(1);
    expect(squeeze(new Date('2026-01-10T09:00:00Z'), 120)).toBe(1);
  });

  it('moves weekend days back to Friday and never lands on today', () => {
    const monday = new Date('2026-03-02T09:00:00Z');
    expect(new Date(workingDay(monday, 1, 1)).toISOString().slice(0, 10)).toBe('2026-02-27');
    expect(new Date(workingDay(monday, 2, 1)).toISOString().slice(0, 10)).toBe('2026-02-27');
    expect(new Date(workingDay(monday, 0, 1)).toISOString().slice(0, 10)).toBe('2026-02-27');
    expect(new Date(workingDay(monday, 3, 1)).toISOString().slice(0, 10)).toBe('2026-02-27');
    expect(new Date(workingDay(monday, 4, 1)).toISOString().slice(0, 10)).toBe('2026-02-26');
  });
});

describe('planSteps', () => {
  const now = new Date('2026-06-15T12:00:00Z');

  it('orders the steps oldest first with strictly rising times, each case before its letters and its closing last', () => {
    const steps = planSteps(story([letterCase(), letterCase({ daysAgo: 25, entries: [{ key: 'in2', daysAgo: 25, type: 'incoming', title: 'B', party: sender, body: [], followUp: { daysAgo: 25, method: 'noted' } }] })]), now);
    const times = steps.map((s) => s.at.getTime());
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
    expect(steps.map((s) => `${s.kind}:${s.caseIndex}`)).toEqual(['case:0', 'entry:0', 'case:1', 'entry:1', 'follow-up:1', 'entry:0', 'close:0', 'close:1']);
    expect(steps.every((s) => s.at < now)).toBe(true);
    expect(steps.every((s) => ![0, 6].includes(s.at.getUTCDay()))).toBe(true);
  });

  it('refuses an inconsistent story', () => {
    expect(() => planSteps(story([letterCase({ closed: { daysAgo: 25 } })]), now)).toThrow(/closed before its last entry/);
  });
});
