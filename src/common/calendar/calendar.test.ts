// SPDX-License-Identifier: EUPL-1.2
// Holidays pinned against the official lists for 2026 and 2027 (written out by hand, not computed),
// and the working-day arithmetic checked by properties over many years and closed days.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { easterSunday, holidays } from './holidays.ts';
import { addDays, isDate, weekday } from './dates.ts';
import { addWorkingDays, calendarFor, isWorkingDay, workingDaysBetween } from './working-days.ts';

const datesOf = (country: 'NO' | 'SE', year: number) => holidays(country, year).map((h) => h.date);

describe('public holidays', () => {
  it('Norway 2026 and 2027 (lovdata: helligdagsloven, 1. og 17. mai)', () => {
    expect(datesOf('NO', 2026)).toEqual([
      '2026-01-01', '2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01',
      '2026-05-14', '2026-05-17', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26',
    ]);
    expect(datesOf('NO', 2027)).toEqual([
      '2027-01-01', '2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-01',
      '2027-05-06', '2027-05-16', '2027-05-17', '2027-05-17', '2027-12-25', '2027-12-26',
    ]);
    // 17 May 2027 is both Grunnlovsdag and Andre pinsedag.
    expect(holidays('NO', 2027).filter((h) => h.date === '2027-05-17').map((h) => h.name).sort()).toEqual(['Andre pinsedag', 'Grunnlovsdag']);
  });

  it('Sweden 2026 and 2027 (lag om allmänna helgdagar, plus midsommar-, jul- och nyårsafton)', () => {
    expect(datesOf('SE', 2026)).toEqual([
      '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01',
      '2026-05-14', '2026-05-24', '2026-06-06', '2026-06-19', '2026-06-20', '2026-10-31',
      '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31',
    ]);
    expect(datesOf('SE', 2027)).toEqual([
      '2027-01-01', '2027-01-06', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-01',
      '2027-05-06', '2027-05-16', '2027-06-06', '2027-06-25', '2027-06-26', '2027-11-06',
      '2027-12-24', '2027-12-25', '2027-12-26', '2027-12-31',
    ]);
    expect(holidays('SE', 2026).filter((h) => h.deFacto).map((h) => h.name)).toEqual(['Midsommarafton', 'Julafton', 'Nyårsafton']);
  });

  it('Easter Sunday in known years', () => {
    expect(['2000', '2008', '2011', '2019', '2024', '2025', '2026', '2027', '2038', '2285'].map((y) => easterSunday(Number(y)))).toEqual([
      '2000-04-23', '2008-03-23', '2011-04-24', '2019-04-21', '2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25', '2285-03-22',
    ]);
  });

  it('Easter is a Sunday between 22 March and 25 April; Swedish movable days fall on their weekday and window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(weekday(easter)).toBe(0);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
        const se = Object.fromEntries(holidays('SE', year).map((h) => [h.key, h.date]));
        expect(weekday(se['midsummer-eve']!)).toBe(5);
        expect(se['midsummer-eve']!.slice(5) >= '06-19' && se['midsummer-eve']!.slice(5) <= '06-25').toBe(true);
        expect(se['midsummer-day']).toBe(addDays(se['midsummer-eve']!, 1));
        expect(weekday(se['all-saints-day']!)).toBe(6);
        expect(se['all-saints-day']! >= `${year}-10-31` && se['all-saints-day']! <= `${year}-11-06`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('working days', () => {
  const no = calendarFor('NO');
  const se = calendarFor('SE');

  it('knows weekends, holidays, de facto days and closed days', () => {
    expect(isWorkingDay('2026-05-13', no)).toBe(true); // Wednesday before Ascension
    expect(isWorkingDay('2026-05-14', no)).toBe(false); // Kristi himmelfartsdag
    expect(isWorkingDay('2026-05-16', no)).toBe(false); // Saturday
    expect(isWorkingDay('2026-06-19', se)).toBe(false); // midsommarafton
    expect(isWorkingDay('2026-06-19', no)).toBe(true);
    expect(isWorkingDay('2026-05-15', calendarFor('NO', ['2026-05-15']))).toBe(false); // a municipality's own "inneklemt dag"
  });

  it('adds and counts working days over Easter and Ascension', () => {
    // Wednesday 1 April 2026 + 1 working day in Norway: Thu, Fri, Sat, Sun, Mon are all off → Tuesday 7 April.
    expect(addWorkingDays('2026-04-01', 1, no)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-01', 1, se)).toBe('2026-04-02'); // skärtorsdagen is a working day in Sweden
    expect(workingDaysBetween('2026-04-01', '2026-04-07', no)).toBe(1);
    expect(addWorkingDays('2026-05-13', 2, calendarFor('NO', ['2026-05-15']))).toBe('2026-05-19');
    expect(addWorkingDays('2026-04-07', -1, no)).toBe('2026-04-01');
    expect(addWorkingDays('2026-04-04', 0, no)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-07', 0, no)).toBe('2026-04-07');
    expect(workingDaysBetween('2026-12-23', '2027-01-04', se)).toBe(4); // 28, 29, 30 Dec and 4 Jan (1 Jan off)
    expect(() => addWorkingDays('2026-02-30', 1, no)).toThrow(RangeError);
    expect(() => calendarFor('NO', ['0000-01-01'])).toThrow(RangeError);
  });

  const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2015-01-01', n));
  const calendar = fc
    .tuple(fc.constantFrom<'NO' | 'SE'>('NO', 'SE'), fc.array(day, { maxLength: 20 }))
    .map(([country, closed]) => calendarFor(country, closed));

  it('a working day is never a weekend, a holiday or a closed day', () => {
    fc.assert(
      fc.property(day, calendar, (d, cal) => {
        if (!isWorkingDay(d, cal)) return;
        expect([0, 6]).not.toContain(weekday(d));
        expect(holidays(cal.country, Number(d.slice(0, 4))).map((h) => h.date)).not.toContain(d);
        expect(cal.closedDays.has(d)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('addWorkingDays lands on a working day that workingDaysBetween counts back to n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), calendar, (d, n, cal) => {
        const result = addWorkingDays(d, n, cal);
        expect(isDate(result)).toBe(true);
        expect(isWorkingDay(result, cal)).toBe(true);
        if (n !== 0 || isWorkingDay(d, cal)) expect(workingDaysBetween(d, result, cal)).toBe(n);
        if (n > 0) expect(result > d).toBe(true);
        if (n < 0) expect(result <= d).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotone in the date and in n; workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), calendar, (a, b, m, n, cal) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(early, n, cal) <= addWorkingDays(late, n, cal)).toBe(true);
        const [few, many] = m <= n ? [m, n] : [n, m];
        expect(addWorkingDays(a, few, cal) <= addWorkingDays(a, many, cal)).toBe(true);
        expect(workingDaysBetween(a, b, cal) + workingDaysBetween(b, a, cal)).toBe(0);
        expect(workingDaysBetween(a, b, cal) + workingDaysBetween(b, late, cal)).toBe(workingDaysBetween(a, late, cal));
      }),
      { numRuns: 150 },
    );
  });
});
