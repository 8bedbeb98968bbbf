// SPDX-License-Identifier: EUPL-1.2
// Case and registry numbers (2026/123) are the archive's: allocated per tenant, kind and year inside
// the writing transaction. The upsert takes a row lock, so concurrent writers queue on it; a rolled
// back transaction gives its number back, so the series has no gaps.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';

export type NumberKind = 'case-file' | 'registry-entry';

export async function nextNumber(tx: Tx, tenantId: string, kind: NumberKind, year: number): Promise<number> {
  const result = await sql<{ last_value: number }>`
    insert into number_series (tenant_id, kind, year, last_value) values (${tenantId}, ${kind}, ${year}, 1)
    on conflict (tenant_id, kind, year) do update set last_value = number_series.last_value + 1
    returning last_value`.execute(tx);
  return result.rows[0]!.last_value;
}

export const formatNumber = (year: number, sequence: number): string => `${year}/${sequence}`;

/** registreringsID: the case number and the entry's number within the case, e.g. 2026/123-2. */
export const formatDocumentNumber = (caseYear: number, caseSequence: number, numberInCase: number): string =>
  `${caseYear}/${caseSequence}-${numberInCase}`;

// Building an Intl.DateTimeFormat costs ~0.5 ms; registering an entry asks three times.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (YYYY-MM-DD) in the municipality's time zone: 31 Dec 23:30 UTC is 1 Jan in Oslo. */
export const dateIn = (date: Date, timeZone = 'Europe/Oslo'): string => dayFormatter(timeZone).format(date);

export const yearIn = (date: Date, timeZone = 'Europe/Oslo'): number => Number(dateIn(date, timeZone).slice(0, 4));
