// SPDX-License-Identifier: EUPL-1.2
// Norwegian and Swedish identity numbers and organisation numbers: pure validation, the birth date
// they encode, and generators of synthetic numbers for demo data. Synthetic numbers pass every
// checksum but are marked so that no real person is ever mistaken for a demo one: Norway's
// Skatteetaten/Tenor series adds 80 to the month; Swedish test personnummer use the individual
// numbers 980–999. Part of src/common: the archive validates correspondents with it and the web UI
// can check a number before it is sent. A failure has a stable field-error code (errors.ts) for
// the person and an English reason for API users.
import type { FieldErrorCode } from './errors.ts';

export type Country = 'NO' | 'SE';
export type IdentityKind = 'fodselsnummer' | 'd-number' | 'h-number' | 'personnummer' | 'samordningsnummer' | 'organisation-number';

export type IdentityResult =
  | { ok: true; kind: IdentityKind; country: Country; normalised: string; birthDate?: string; synthetic: boolean }
  | { ok: false; code: IdentityErrorCode; reason: string };

export interface ParseOptions {
  /** Today's date; Swedish 10-digit numbers need it to know the century. Defaults to now. */
  today?: Date;
}

/** The field-error codes a failed identity or organisation number can carry. */
export const identityErrorCodes = ['wrongType', 'required', 'invalidCharacters', 'wrongLength', 'pattern', 'checksum', 'invalidDate', 'futureDate', 'invalidNumber'] as const satisfies readonly FieldErrorCode[];
export type IdentityErrorCode = (typeof identityErrorCodes)[number];

const fail = (code: IdentityErrorCode, reason: string): IdentityResult => ({ ok: false, code, reason });
const digitsOf = (s: string): number[] => [...s].map(Number);
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const isoDate = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;
const todayIso = (today: Date): string => isoDate(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate());

// ---------------------------------------------------------------------------------------- Norway

const NO_K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const NO_K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const NO_ORG = [3, 2, 7, 6, 5, 4, 3, 2];

/** The mod-11 control digit for the weights, or undefined when the remainder makes it 10 (unusable). */
export function mod11(digits: number[], weights: number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const control = (11 - (sum % 11)) % 11;
  return control === 10 ? undefined : control;
}

/** The birth year from the two-digit year and the individual number (digits 7–9). */
export function norwegianBirthYear(yy: number, individual: number): number | undefined {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  return undefined;
}

function parseNorwegianPerson(value: string, today: Date): IdentityResult {
  if (!/^\d{11}$/.test(value)) return fail('wrongLength', 'a Norwegian fødselsnummer or D-number has exactly 11 digits');
  const d = digitsOf(value);
  const k1 = mod11(d, NO_K1);
  if (k1 === undefined || k1 !== d[9]) return fail('checksum', 'the first control digit (digit 10) is wrong: check for a mistyped digit');
  const k2 = mod11(d, NO_K2);
  if (k2 === undefined || k2 !== d[10]) return fail('checksum', 'the second control digit (digit 11) is wrong: check for a mistyped digit');
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  let kind: IdentityKind = 'fodselsnummer';
  let synthetic = false;
  if (day > 40) {
    kind = 'd-number';
    day -= 40;
  }
  if (month > 80) {
    synthetic = true;
    month -= 80;
  } else if (month > 40) {
    if (kind === 'd-number') return fail('invalidNumber', 'a number cannot be both a D-number (day + 40) and an H-number (month + 40)');
    kind = 'h-number';
    month -= 40;
  }
  const year = norwegianBirthYear(Number(value.slice(4, 6)), Number(value.slice(6, 9)));
  if (year === undefined) return fail('invalidNumber', 'the individual number (digits 7–9) is not used with this birth year');
  if (!isRealDate(year, month, day)) return fail('invalidDate', `digits 1–6 do not form a real date (${isoDate(year, month, day)})`);
  const birthDate = isoDate(year, month, day);
  if (birthDate > todayIso(today)) return fail('futureDate', `the birth date ${birthDate} is in the future`);
  return { ok: true, kind, country: 'NO', normalised: value, birthDate, synthetic };
}

function parseNorwegianOrganisation(value: string): IdentityResult {
  if (!/^\d{9}$/.test(value)) return fail('wrongLength', 'a Norwegian organisasjonsnummer has exactly 9 digits');
  const d = digitsOf(value);
  const control = mod11(d, NO_ORG);
  if (control === undefined || control !== d[8]) return fail('checksum', 'the control digit (digit 9) of the organisasjonsnummer is wrong');
  return { ok: true, kind: 'organisation-number', country: 'NO', normalised: value, synthetic: false };
}

// ---------------------------------------------------------------------------------------- Sweden

/** The Luhn check digit for the given digits (the number without its check digit). */
export function luhnDigit(digits: number[]): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts from the digit next to the check digit, i.e. the rightmost payload digit.
    const doubled = (digits.length - i) % 2 === 1;
    let v = digits[i]! * (doubled ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

const luhnValid = (ten: string): boolean => {
  const d = digitsOf(ten);
  return luhnDigit(d.slice(0, -1)) === d[d.length - 1];
};

const SWEDISH_SHAPE = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;

function parseSwedishPerson(value: string, today: Date): IdentityResult {
  const m = SWEDISH_SHAPE.exec(value);
  if (!m) return fail('pattern', 'a Swedish personnummer is YYMMDD-NNNN, YYMMDD+NNNN (100 years or older) or YYYYMMDDNNNN');
  const [, century, birth, separator, tail] = m as unknown as [string, string | undefined, string, string, string];
  const ten = birth + tail;
  if (!luhnValid(ten)) return fail('checksum', 'the check digit (the last digit) is wrong: check for a mistyped digit');
  const yy = Number(birth.slice(0, 2));
  const month = Number(birth.slice(2, 4));
  let day = Number(birth.slice(4, 6));
  let kind: IdentityKind = 'personnummer';
  if (day > 60) {
    kind = 'samordningsnummer';
    day -= 60;
  }
  let year: number;
  if (century !== undefined) {
    if (!['18', '19', '20'].includes(century)) return fail('invalidNumber', 'the century must be 18, 19 or 20');
    if (separator === '+') return fail('invalidNumber', 'the + separator marks a person of 100 years or more in the 10-digit form; with a four-digit year, leave it out');
    year = Number(century) * 100 + yy;
  } else {
    // The latest year ending in yy whose date is not in the future; '+' means the person has
    // turned 100, one century further back.
    const current = today.getUTCFullYear();
    year = current - (((current - yy) % 100) + 100) % 100;
    if (isoDate(year, month, day) > todayIso(today)) year -= 100;
    if (separator === '+') year -= 100;
  }
  if (!isRealDate(year, month, day)) return fail('invalidDate', `the date part does not form a real date (${isoDate(year, month, day)})`);
  const birthDate = isoDate(year, month, day);
  if (birthDate > todayIso(today)) return fail('futureDate', `the birth date ${birthDate} is in the future`);
  const individual = Number(tail.slice(0, 3));
  return { ok: true, kind, country: 'SE', normalised: `${year}${birth.slice(2)}${tail}`, birthDate, synthetic: individual >= 980 };
}

function parseSwedishOrganisation(value: string): IdentityResult {
  const m = /^(16)?(\d{6})-?(\d{4})$/.exec(value);
  if (!m) return fail('pattern', 'a Swedish organisationsnummer is NNNNNN-NNNN (optionally prefixed with 16)');
  const ten = m[2]! + m[3]!;
  if (Number(ten[2]) < 2) return fail('invalidNumber', 'the third digit of a Swedish organisationsnummer is 2 or more (otherwise it is a personnummer)');
  if (!luhnValid(ten)) return fail('checksum', 'the check digit (the last digit) of the organisationsnummer is wrong');
  return { ok: true, kind: 'organisation-number', country: 'SE', normalised: `${m[2]}-${m[3]}`, synthetic: false };
}

// ------------------------------------------------------------------------------------ entry point

/**
 * Validates a personal or organisation number of Norway or Sweden. Without a country it is told
 * apart by shape: 11 digits is Norwegian personal, 9 Norwegian organisation, the rest Swedish.
 */
export function parseIdentityNumber(input: string, country?: Country, options: ParseOptions = {}): IdentityResult {
  if (typeof input !== 'string') return fail('wrongType', 'must be a text of digits');
  const value = input.trim().replace(/\s+/g, '');
  if (!value) return fail('required', 'is empty');
  if (!/^[\d+-]+$/.test(value)) return fail('invalidCharacters', 'may contain only digits, and for Swedish numbers one - or +');
  const today = options.today ?? new Date();
  const digits = value.replace(/[-+]/g, '');
  const guessed: Country = country ?? (!/[-+]/.test(value) && (digits.length === 11 || digits.length === 9) ? 'NO' : 'SE');
  if (guessed === 'NO') {
    if (/[-+]/.test(value)) return fail('invalidCharacters', 'Norwegian numbers are written as digits only');
    if (digits.length === 9) return parseNorwegianOrganisation(digits);
    return parseNorwegianPerson(digits, today);
  }
  if (digits.length === 12 && digits.startsWith('16')) return parseSwedishOrganisation(value);
  if (digits.length === 10 && Number(digits[2]) >= 2) return parseSwedishOrganisation(value);
  return parseSwedishPerson(value, today);
}

export function isValidOrganisationNumber(input: string, country?: Country): boolean {
  const result = parseIdentityNumber(input, country);
  return result.ok && result.kind === 'organisation-number';
}

// ------------------------------------------------------------------------------------ generators

function splitDate(birthDate: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RangeError(`birth date must be YYYY-MM-DD, got "${birthDate}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Individual numbers (digits 7–9) that encode this birth year, in ascending order. */
function norwegianIndividualRange(year: number): [number, number][] {
  if (year >= 1854 && year <= 1899) return [[500, 749]];
  if (year >= 1900 && year <= 1939) return [[0, 499]];
  if (year >= 1940 && year <= 1999) return [[0, 499], [900, 999]];
  if (year >= 2000 && year <= 2039) return [[500, 999]];
  throw new RangeError(`a Norwegian fødselsnummer cannot encode the year ${year}`);
}

/**
 * The `seq`-th (from 0) synthetic Norwegian fødselsnummer for the birth date: month + 80, both
 * control digits valid. Individual numbers whose control digit would be 10 are skipped.
 */
export function syntheticNorwegianNumber(birthDate: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 0) throw new RangeError('seq must be a non-negative integer');
  const [year, month, day] = splitDate(birthDate);
  const prefix = `${pad(day)}${pad(month + 80)}${pad(year % 100)}`;
  let found = 0;
  for (const [from, to] of norwegianIndividualRange(year)) {
    for (let individual = from; individual <= to; individual++) {
      const nine = digitsOf(prefix + pad(individual, 3));
      const k1 = mod11(nine, NO_K1);
      if (k1 === undefined) continue;
      const k2 = mod11([...nine, k1], NO_K2);
      if (k2 === undefined) continue;
      if (found++ === seq) return `${prefix}${pad(individual, 3)}${k1}${k2}`;
    }
  }
  throw new RangeError(`only ${found} synthetic numbers exist for ${birthDate}`);
}

/** The `seq`-th (0–19) Swedish test personnummer for the birth date, 12 digits: individual numbers 980–999. */
export function syntheticSwedishNumber(birthDate: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 0 || seq > 19) throw new RangeError('seq must be an integer from 0 to 19 (individual numbers 980–999)');
  const [year, month, day] = splitDate(birthDate);
  const nine = `${pad(year % 100)}${pad(month)}${pad(day)}${980 + seq}`;
  return `${year}${nine.slice(2)}${luhnDigit(digitsOf(nine))}`;
}

/** A valid Norwegian organisasjonsnummer from an 8-digit base, or undefined when none exists for it. */
export function norwegianOrganisationNumber(base: string): string | undefined {
  if (!/^\d{8}$/.test(base)) throw new RangeError('base must be 8 digits');
  const control = mod11(digitsOf(base), NO_ORG);
  return control === undefined ? undefined : base + control;
}
