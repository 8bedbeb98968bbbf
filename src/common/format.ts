// SPDX-License-Identifier: EUPL-1.2
// Dates, numbers and file sizes written the way each language writes them, and dates typed by a
// person read back. Done by hand rather than with Intl: the output must not depend on the ICU data
// a browser or Node happens to ship (nynorsk is often missing), and the server's pages and the web
// UI must write a date the same way.
//   nb, nn: 01.03.2026 · 1 234 567 · 1,5 MB
//   sv:     2026-03-01 · 1 234 567 · 1,5 MB
//   en:     1 Mar 2026 · 1,234,567 · 1.5 MB (day first with the month's name: never read as 3 January)
import type { Language } from './languages.ts';

const NBSP = '\u00a0';
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function isRealDate({ year, month, day }: Ymd): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar date of an ISO date (YYYY-MM-DD) or the local date of a timestamp. */
function ymdOf(value: string | Date): Ymd | undefined {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    value = new Date(value);
  }
  if (Number.isNaN(value.getTime())) return undefined;
  return { year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() };
}

function writeDate(language: Language, { year, month, day }: Ymd): string {
  switch (language) {
    case 'sv':
      return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    case 'en':
      return `${day} ${monthsEn[month - 1]} ${year}`;
    default:
      return `${pad(day)}.${pad(month)}.${pad(year, 4)}`;
  }
}

/**
 * A date for reading: an ISO date is taken as the calendar date it names (no time zone shift), a
 * timestamp as its local date. Empty or unreadable input gives ''.
 */
export function formatDate(language: Language, value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const ymd = ymdOf(value);
  return ymd ? writeDate(language, ymd) : '';
}

/** A timestamp as its local date and time (24-hour clock in all four languages). */
export function formatDateTime(language: Language, value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return `${formatDate(language, date)}${language === 'en' ? ', ' : ' '}${time}`;
}

/** A whole or decimal number with the language's separators. */
export function formatNumber(language: Language, value: number, decimals = 0): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.') as [string, string | undefined];
  const group = language === 'en' ? ',' : NBSP;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && Number(whole + (fraction ?? '')) !== 0 ? '−' : '';
  return `${sign}${grouped}${fraction ? (language === 'en' ? '.' : ',') + fraction : ''}`;
}

/** A file size in bytes, kB or MB (SI units, 1 kB = 1000 bytes, as file managers show them today). */
export function formatFileSize(language: Language, bytes: number): string {
  if (bytes < 1000) return `${formatNumber(language, bytes)}${NBSP}B`;
  if (bytes < 1000 * 1000) return `${formatNumber(language, bytes / 1000, bytes < 10_000 ? 1 : 0)}${NBSP}kB`;
  if (bytes < 1000 ** 3) return `${formatNumber(language, bytes / 1000 ** 2, 1)}${NBSP}MB`;
  return `${formatNumber(language, bytes / 1000 ** 3, 1)}${NBSP}GB`;
}

/** How a person types a date in each language, for the hint beside a date field. */
export const datePattern: Record<Language, string> = { nb: 'dd.mm.åååå', nn: 'dd.mm.åååå', sv: 'åååå-mm-dd', en: 'dd/mm/yyyy' };

/** A date as it is prefilled in a date field of the language (what parseDateInput reads back). */
export function dateInputValue(language: Language, iso: string | null | undefined): string {
  const ymd = iso ? ymdOf(iso) : undefined;
  if (!ymd) return '';
  return language === 'en' ? `${pad(ymd.day)}/${pad(ymd.month)}/${ymd.year}` : writeDate(language, ymd);
}

export type DateInput = { ok: true; iso: string | undefined } | { ok: false };

/**
 * Reads a date typed in the language's way back to ISO: nb/nn 1.3.2026 or 01.03.2026, sv
 * 2026-03-01, en 1/3/2026 or 01/03/2026; ISO dates are read in every language, and a dot, slash or
 * dash between day, month and year is accepted where the order is day first. Blank is no date.
 */
export function parseDateInput(language: Language, text: string): DateInput {
  const value = text.trim();
  if (!value) return { ok: true, iso: undefined };
  let ymd: Ymd | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (iso) ymd = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  else if (dayFirst && language !== 'sv') ymd = { year: Number(dayFirst[3]), month: Number(dayFirst[2]), day: Number(dayFirst[1]) };
  if (!ymd || !isRealDate(ymd)) return { ok: false };
  return { ok: true, iso: `${pad(ymd.year, 4)}-${pad(ymd.month)}-${pad(ymd.day)}` };
}
