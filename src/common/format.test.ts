// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInputValue, formatDate, formatDateTime, formatFileSize, formatNumber, parseDateInput } from './format.ts';
import { languages } from './languages.ts';

const NBSP = '\u00a0';

describe('formatDate', () => {
  it('writes 1 March 2026 the way each language does', () => {
    expect(formatDate('nb', '2026-03-01')).toBe('01.03.2026');
    expect(formatDate('nn', '2026-03-01')).toBe('01.03.2026');
    expect(formatDate('sv', '2026-03-01')).toBe('2026-03-01');
    expect(formatDate('en', '2026-03-01')).toBe('1 Mar 2026');
  });

  it('takes an ISO date as the day it names, and empty input as no date', () => {
    expect(formatDate('nb', '2026-12-31')).toBe('31.12.2026');
    expect(formatDate('nb', null)).toBe('');
    expect(formatDate('nb', '')).toBe('');
    expect(formatDate('nb', 'not a date')).toBe('');
  });

  it('writes a timestamp as local date and time', () => {
    const at = new Date(2026, 2, 1, 9, 5);
    expect(formatDateTime('nb', at)).toBe('01.03.2026 09:05');
    expect(formatDateTime('sv', at)).toBe('2026-03-01 09:05');
    expect(formatDateTime('en', at)).toBe('1 Mar 2026, 09:05');
  });
});

describe('numbers and file sizes', () => {
  it('groups thousands and writes the decimal sign of the language', () => {
    expect(formatNumber('nb', 1234567)).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
    expect(formatNumber('sv', 1.5, 1)).toBe('1,5');
    expect(formatNumber('en', 1.5, 1)).toBe('1.5');
  });

  it('writes 1,5 MB in the Nordic languages and 1.5 MB in English', () => {
    expect(formatFileSize('nb', 1_500_000)).toBe(`1,5${NBSP}MB`);
    expect(formatFileSize('sv', 1_500_000)).toBe(`1,5${NBSP}MB`);
    expect(formatFileSize('en', 1_500_000)).toBe(`1.5${NBSP}MB`);
    expect(formatFileSize('nb', 512)).toBe(`512${NBSP}B`);
    expect(formatFileSize('nb', 2_500)).toBe(`2,5${NBSP}kB`);
    expect(formatFileSize('en', 250_000)).toBe(`250${NBSP}kB`);
  });
});

describe('parseDateInput', () => {
  it('reads the language’s own way of writing a date', () => {
    expect(parseDateInput('nb', '01.03.2026')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parseDateInput('nn', '1.3.2026')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parseDateInput('sv', '2026-03-01')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parseDateInput('en', '01/03/2026')).toEqual({ ok: true, iso: '2026-03-01' });
    expect(parseDateInput('nb', ' 2026-03-01 ')).toEqual({ ok: true, iso: '2026-03-01' });
  });

  it('reads blank as no date and refuses dates that do not exist', () => {
    expect(parseDateInput('nb', '  ')).toEqual({ ok: true, iso: undefined });
    expect(parseDateInput('nb', '30.02.2026')).toEqual({ ok: false });
    expect(parseDateInput('nb', 'i går')).toEqual({ ok: false });
    expect(parseDateInput('sv', '01.03.2026')).toEqual({ ok: false });
  });

  it('reads back every date it prefills, in every language', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), fc.constantFrom(...languages), (date, language) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseDateInput(language, dateInputValue(language, iso))).toEqual({ ok: true, iso });
      }),
    );
  });
});
