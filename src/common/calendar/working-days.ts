// SPDX-License-Identifier: EUPL-1.2
// Working days: not a Saturday or Sunday, not a public holiday of the municipality's country (see
// holidays.ts, Swedish de facto days included), and not one of the municipality's own closed days.
// Deadlines in law ("within three working days") and timed jobs count with these.
//
// Counting rule, so that the two functions invert each other: workingDaysBetween(a, b) is the
// number of working days after a up to and including b (negative when b is before a: minus those
// after b up to and including a), and addWorkingDays(d, n) is the working day w with
// workingDaysBetween(d, w) = n. For n = 0 that is d itself if it is a working day, else the next one.
import { addDays, dateOf, fromDate, weekday } from './dates.ts';

const DAY_MS = 86_400_000;
import { holidayDates, type Country } from './holidays.ts';

export interface WorkingDayCalendar {
  readonly country: Country;
  /** The municipality's own closed days ('YYYY-MM-DD'), e.g. the day after Ascension. */
  readonly closedDays: ReadonlySet<string>;
}

export function calendarFor(country: Country, closedDays: Iterable<string> = []): WorkingDayCalendar {
  const days = new Set<string>();
  for (const day of closedDays) days.add(addDays(day, 0)); // validates each date
  return { country, closedDays: days };
}

export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  if (holidayDates(calendar.country, Number(date.slice(0, 4))).has(date)) return false;
  return !calendar.closedDays.has(date);
}

/** The n-th working day after `date` (before it for negative n); see the counting rule above. */
export function addWorkingDays(date: string, n: number, calendar: WorkingDayCalendar): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`the number of working days must be an integer, got ${n}`);
  dateOf(date);
  let current = date;
  if (n === 0) {
    while (!isWorkingDay(current, calendar)) current = addDays(current, 1);
    return current;
  }
  let remaining = Math.abs(n);
  if (n < 0) {
    // Going back: the working day with exactly |n| working days after it up to and including `date`.
    let counted = 0;
    for (;;) {
      if (isWorkingDay(current, calendar)) {
        if (counted === remaining) return current;
        counted += 1;
      }
      current = addDays(current, -1);
    }
  }
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) remaining -= 1;
  }
  return current;
}

/** Working days after a up to and including b; negative when b is before a. */
export function workingDaysBetween(a: string, b: string, calendar: WorkingDayCalendar): number {
  const from = dateOf(a).getTime();
  const to = dateOf(b).getTime();
  if (from === to) return 0;
  const [start, end, sign] = from < to ? [a, b, 1] : [b, a, -1];
  // Walks timestamps rather than strings: this runs over years of days for long ranges.
  let count = 0;
  const last = dateOf(end).getTime();
  for (let t = dateOf(start).getTime() + DAY_MS; t <= last; t += DAY_MS) {
    const d = new Date(t);
    const day = d.getUTCDay();
    if (day === 0 || day === 6) continue;
    const iso = fromDate(d);
    if (!holidayDates(calendar.country, d.getUTCFullYear()).has(iso) && !calendar.closedDays.has(iso)) count += 1;
  }
  return count === 0 ? 0 : sign * count;
}
