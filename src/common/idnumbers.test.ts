// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isValidOrganisationNumber,
  luhnDigit,
  norwegianBirthYear,
  norwegianOrganisationNumber,
  parseIdentityNumber,
  syntheticNorwegianNumber,
  syntheticSwedishNumber,
} from './idnumbers.ts';

const today = new Date('2026-03-02T12:00:00Z');
const parse = (value: string, country?: 'NO' | 'SE') => parseIdentityNumber(value, country, { today });

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const dateIn = (from: string, to: string) => fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map(isoDay);

/** Every other digit at one position. */
function flips(value: string, position: number): string[] {
  const out: string[] = [];
  for (let d = 0; d <= 9; d++) if (String(d) !== value[position]) out.push(value.slice(0, position) + d + value.slice(position + 1));
  return out;
}

describe('Norwegian personal numbers', () => {
  it('accepts a fødselsnummer and derives the birth date with its century', () => {
    const fnr = '15076500565';
    expect(parse(fnr)).toEqual({ ok: true, kind: 'fodselsnummer', country: 'NO', normalised: fnr, birthDate: '1965-07-15', synthetic: false });
  });

  it('knows the century rules of the individual number', () => {
    expect(norwegianBirthYear(65, 5)).toBe(1965);
    expect(norwegianBirthYear(60, 600)).toBe(1860);
    expect(norwegianBirthYear(10, 600)).toBe(2010);
    expect(norwegianBirthYear(45, 950)).toBe(1945);
    expect(norwegianBirthYear(45, 600)).toBeUndefined();
  });

  it('recognises D-numbers (day + 40) and H-numbers (month + 40)', () => {
    const fnr = syntheticNorwegianNumber('1980-01-01', 0);
    const d = parse(withControls('410180012'));
    expect(d.ok && d.kind).toBe('d-number');
    expect(d.ok && d.birthDate).toBe('1980-01-01');
    const h = parse(withControls('014180123'));
    expect(h.ok && h.kind).toBe('h-number');
    expect(h.ok && h.birthDate).toBe('1980-01-01');
    expect(parse(fnr).ok).toBe(true);
  });

  it('explains what is wrong', () => {
    expect(parse('1507650056', 'NO')).toEqual({ ok: false, code: 'wrongLength', reason: 'a Norwegian fødselsnummer or D-number has exactly 11 digits' });
    expect(parse('15076500575')).toMatchObject({ ok: false, code: 'checksum', reason: expect.stringContaining('first control digit') });
    expect(parse('15076500564')).toMatchObject({ ok: false, reason: expect.stringContaining('second control digit') });
    expect(parse(withControls('310265123'))).toMatchObject({ ok: false, code: 'invalidDate', reason: expect.stringContaining('real date') });
    expect(parse(withControls('010130601'))).toMatchObject({ ok: false, code: 'futureDate', reason: expect.stringContaining('in the future') });
    expect(parse('1507 6500 565').ok).toBe(true);
    expect(parse('15x76500565')).toMatchObject({ ok: false, code: 'invalidCharacters' });
  });

  it('generates synthetic numbers that validate, are synthetic and keep the birth date', () => {
    fc.assert(
      fc.property(dateIn('1854-01-01', '2026-03-01'), fc.nat({ max: 150 }), (birthDate, seq) => {
        const number = syntheticNorwegianNumber(birthDate, seq);
        const result = parse(number);
        expect(result).toEqual({ ok: true, kind: 'fodselsnummer', country: 'NO', normalised: number, birthDate, synthetic: true });
        expect(Number(number.slice(2, 4))).toBeGreaterThan(80);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every single-digit change of a valid fødselsnummer', () => {
    fc.assert(
      fc.property(dateIn('1900-01-01', '2026-03-01'), fc.nat({ max: 100 }), fc.nat({ max: 10 }), (birthDate, seq, position) => {
        const number = syntheticNorwegianNumber(birthDate, seq);
        for (const changed of flips(number, position)) expect(parse(changed).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('generates distinct numbers for distinct sequence numbers', () => {
    const numbers = Array.from({ length: 50 }, (_, i) => syntheticNorwegianNumber('1990-05-17', i));
    expect(new Set(numbers).size).toBe(50);
    expect(() => syntheticNorwegianNumber('1990-02-30', 0)).toThrow(RangeError);
  });
});

describe('Swedish personal numbers', () => {
  it('accepts the 10- and 12-digit forms and keeps the century', () => {
    expect(parse('811218-9876')).toEqual({ ok: true, kind: 'personnummer', country: 'SE', normalised: '198112189876', birthDate: '1981-12-18', synthetic: true });
    expect(parse('198112189876')).toMatchObject({ ok: true, normalised: '198112189876' });
    expect(parse('19811218-9876')).toMatchObject({ ok: true, normalised: '198112189876' });
    expect(parse('8112189876', 'SE')).toMatchObject({ ok: true, normalised: '198112189876' });
  });

  it('reads + as 100 years or older', () => {
    expect(parse('811218+9876')).toMatchObject({ ok: true, normalised: '188112189876', birthDate: '1881-12-18' });
    // Born in 2020 is written with a minus; the same digits with a plus are 1920.
    const young = syntheticSwedishNumber('2020-06-01', 0).slice(2);
    expect(parse(`${young.slice(0, 6)}-${young.slice(6)}`)).toMatchObject({ ok: true, birthDate: '2020-06-01' });
    expect(parse(`${young.slice(0, 6)}+${young.slice(6)}`)).toMatchObject({ ok: true, birthDate: '1920-06-01' });
  });

  it('puts a 10-digit date later this year in the previous century', () => {
    const number = syntheticSwedishNumber('1926-12-01', 3).slice(2);
    expect(parse(`${number.slice(0, 6)}-${number.slice(6)}`)).toMatchObject({ ok: true, birthDate: '1926-12-01' });
  });

  it('recognises samordningsnummer (day + 60)', () => {
    const nine = '811278987';
    const number = nine + luhnDigit([...nine].map(Number));
    expect(parse(number, 'SE')).toMatchObject({ ok: true, kind: 'samordningsnummer', birthDate: '1981-12-18', synthetic: true });
  });

  it('explains what is wrong', () => {
    expect(parse('811218-9875')).toMatchObject({ ok: false, reason: expect.stringContaining('check digit') });
    expect(parse('21811218-9876')).toMatchObject({ ok: false, reason: expect.stringContaining('century') });
    expect(parse('19811218+9876')).toMatchObject({ ok: false, reason: expect.stringContaining('+') });
    expect(parse('811318-9876', 'SE').ok).toBe(false);
    expect(parse('12345', 'SE')).toMatchObject({ ok: false, reason: expect.stringContaining('YYMMDD') });
  });

  it('generates test numbers (980–999) that validate and are synthetic', () => {
    fc.assert(
      fc.property(dateIn('1900-01-01', '2026-03-01'), fc.integer({ min: 0, max: 19 }), (birthDate, seq) => {
        const number = syntheticSwedishNumber(birthDate, seq);
        expect(number).toHaveLength(12);
        expect(parse(number)).toEqual({ ok: true, kind: 'personnummer', country: 'SE', normalised: number, birthDate, synthetic: true });
        expect(Number(number.slice(8, 11))).toBeGreaterThanOrEqual(980);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every single-digit change in the 10 Luhn-checked digits', () => {
    fc.assert(
      fc.property(dateIn('1900-01-01', '2026-03-01'), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 2, max: 11 }), (birthDate, seq, position) => {
        const number = syntheticSwedishNumber(birthDate, seq);
        for (const changed of flips(number, position)) expect(parse(changed).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a changed century digit is outside Luhn: it is rejected or names a date whole centuries away', () => {
    fc.assert(
      fc.property(dateIn('1900-01-01', '2026-03-01'), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 1 }), (birthDate, seq, position) => {
        const number = syntheticSwedishNumber(birthDate, seq);
        for (const changed of flips(number, position)) {
          const result = parse(changed);
          if (!result.ok) continue;
          expect(result.kind).toBe('personnummer');
          expect(result.normalised.slice(2)).toBe(number.slice(2));
          expect(result.birthDate!.slice(2)).toBe(birthDate.slice(2));
          expect(result.birthDate!.slice(0, 2)).not.toBe(birthDate.slice(0, 2));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('organisation numbers', () => {
  it('validates Norwegian organisasjonsnummer (mod 11)', () => {
    expect(parse('923609016')).toEqual({ ok: true, kind: 'organisation-number', country: 'NO', normalised: '923609016', synthetic: false });
    expect(isValidOrganisationNumber('923 609 016')).toBe(true);
    expect(isValidOrganisationNumber('923609017')).toBe(false);
    expect(isValidOrganisationNumber('15076500565')).toBe(false);
  });

  it('rejects every single-digit change of a Norwegian organisation number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 80_000_000, max: 99_999_999 }), fc.nat({ max: 8 }), (base, position) => {
        const number = norwegianOrganisationNumber(String(base));
        if (!number) return;
        expect(isValidOrganisationNumber(number, 'NO')).toBe(true);
        for (const changed of flips(number, position)) expect(isValidOrganisationNumber(changed, 'NO')).toBe(false);
      }),
    );
  });

  it('validates Swedish organisationsnummer (Luhn, third digit ≥ 2, optional 16 prefix)', () => {
    expect(parse('556016-0680')).toEqual({ ok: true, kind: 'organisation-number', country: 'SE', normalised: '556016-0680', synthetic: false });
    expect(isValidOrganisationNumber('5560160680')).toBe(true);
    expect(isValidOrganisationNumber('165560160680')).toBe(true);
    expect(isValidOrganisationNumber('16556016-0680')).toBe(true);
    expect(isValidOrganisationNumber('556016-0681')).toBe(false);
    expect(parse('551016-0680', 'SE').ok).toBe(false);
    expect(isValidOrganisationNumber('811218-9876')).toBe(false);
  });
});

/** Appends both control digits to nine digits (they may not exist: then the test data is wrong). */
function withControls(nine: string): string {
  for (let k1 = 0; k1 <= 9; k1++)
    for (let k2 = 0; k2 <= 9; k2++) {
      const candidate = `${nine}${k1}${k2}`;
      const result = parseIdentityNumber(candidate, 'NO', { today });
      if (result.ok || !/control digit/.test(result.reason)) return candidate;
    }
  throw new Error(`no control digits exist for ${nine}`);
}
