// SPDX-License-Identifier: EUPL-1.2
// Norwegian and Swedish public holidays for any Gregorian year, computed rather than listed so no
// table runs out. Part of src/common: pure, shared by the server and the web UI.
// Sweden also has days that are not public holidays in law but on which municipal offices are
// closed all the same (midsommarafton, julafton, nyårsafton): deadlines must not fall on them, so
// they count as non-working days here and are marked `deFacto`.
import { addDays, dateOf, isoDate } from './dates.ts';

export type Country = 'NO' | 'SE';
export const countries: readonly Country[] = ['NO', 'SE'];

export interface Holiday {
  /** 'YYYY-MM-DD' */
  date: string;
  /** Stable key, e.g. 'ascension-day'. */
  key: string;
  /** The day's name in the country's own language. */
  name: string;
  /** A day off by custom (collective agreements), not a public holiday by law. */
  deFacto: boolean;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The first date from `from` on (inclusive) that falls on `weekday` (0 = Sunday … 6 = Saturday). */
function firstWeekdayFrom(from: string, weekday: number): string {
  const offset = (weekday - dateOf(from).getUTCDay() + 7) % 7;
  return addDays(from, offset);
}

type Rule = [key: string, name: string, date: (year: number, easter: string) => string, deFacto?: boolean];

const fixed = (month: number, day: number) => (year: number) => isoDate(year, month, day);
const fromEaster = (days: number) => (_year: number, easter: string) => addDays(easter, days);

const rules: Record<Country, readonly Rule[]> = {
  NO: [
    ['new-years-day', 'Første nyttårsdag', fixed(1, 1)],
    ['maundy-thursday', 'Skjærtorsdag', fromEaster(-3)],
    ['good-friday', 'Langfredag', fromEaster(-2)],
    ['easter-sunday', 'Første påskedag', fromEaster(0)],
    ['easter-monday', 'Andre påskedag', fromEaster(1)],
    ['labour-day', 'Første mai', fixed(5, 1)],
    ['constitution-day', 'Grunnlovsdag', fixed(5, 17)],
    ['ascension-day', 'Kristi himmelfartsdag', fromEaster(39)],
    ['whit-sunday', 'Første pinsedag', fromEaster(49)],
    ['whit-monday', 'Andre pinsedag', fromEaster(50)],
    ['christmas-day', 'Første juledag', fixed(12, 25)],
    ['boxing-day', 'Andre juledag', fixed(12, 26)],
  ],
  SE: [
    ['new-years-day', 'Nyårsdagen', fixed(1, 1)],
    ['epiphany', 'Trettondedag jul', fixed(1, 6)],
    ['good-friday', 'Långfredagen', fromEaster(-2)],
    ['easter-sunday', 'Påskdagen', fromEaster(0)],
    ['easter-monday', 'Annandag påsk', fromEaster(1)],
    ['labour-day', 'Första maj', fixed(5, 1)],
    ['ascension-day', 'Kristi himmelsfärdsdag', fromEaster(39)],
    ['whit-sunday', 'Pingstdagen', fromEaster(49)],
    ['national-day', 'Sveriges nationaldag', fixed(6, 6)],
    ['midsummer-eve', 'Midsommarafton', (year) => firstWeekdayFrom(isoDate(year, 6, 19), 5), true],
    ['midsummer-day', 'Midsommardagen', (year) => firstWeekdayFrom(isoDate(year, 6, 20), 6)],
    ['all-saints-day', 'Alla helgons dag', (year) => firstWeekdayFrom(isoDate(year, 10, 31), 6)],
    ['christmas-eve', 'Julafton', fixed(12, 24), true],
    ['christmas-day', 'Juldagen', fixed(12, 25)],
    ['boxing-day', 'Annandag jul', fixed(12, 26)],
    ['new-years-eve', 'Nyårsafton', fixed(12, 31), true],
  ],
};

/** The holidays of a country in a year, in date order (two may share a date, e.g. 17 May 2027). */
export function holidays(country: Country, year: number): Holiday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`holidays are computed for Gregorian years 1583–9999, not ${year}`);
  const easter = easterSunday(year);
  return rules[country]
    .map(([key, name, date, deFacto]) => ({ date: date(year, easter), key, name, deFacto: deFacto ?? false }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const cache = new Map<string, ReadonlySet<string>>();

/** The dates of a country's holidays in a year, remembered: working-day arithmetic asks often. */
export function holidayDates(country: Country, year: number): ReadonlySet<string> {
  const key = `${country}${year}`;
  let dates = cache.get(key);
  if (!dates) {
    dates = new Set(holidays(country, year).map((h) => h.date));
    cache.set(key, dates);
  }
  return dates;
}
