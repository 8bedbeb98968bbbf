// SPDX-License-Identifier: EUPL-1.2
// Calendar dates as 'YYYY-MM-DD' strings: what a deadline is in law, free of time zones. Arithmetic
// goes through UTC midnight, where every day has 24 hours.
const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar date written 'YYYY-MM-DD' (no 2026-02-30, no year 0000). */
export function isDate(value: string): boolean {
  const match = PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** UTC midnight of a date; throws a RangeError for anything but a real 'YYYY-MM-DD'. */
export function dateOf(value: string): Date {
  if (!isDate(value)) throw new RangeError(`not a date in the form YYYY-MM-DD: "${value}"`);
  const d = new Date(Date.UTC(2000, Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))));
  d.setUTCFullYear(Number(value.slice(0, 4)));
  return d;
}

export function fromDate(d: Date): string {
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(value: string, days: number): string {
  return fromDate(new Date(dateOf(value).getTime() + days * DAY_MS));
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (value: string): number => dateOf(value).getUTCDay();
