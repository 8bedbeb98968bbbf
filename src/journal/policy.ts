// SPDX-License-Identifier: EUPL-1.2
// A municipality's publication policy: how many working days after publication an entry appears in
// the public journal (counted with the municipality's calendar: its country's holidays and its own
// closed days), and the classes, units and entry types that never appear (e.g. child welfare).
// Changing it rewrites the municipality's projection through the outbox, like any archive change.
import type { Tx } from '../platform/db/transaction.ts';
import { invalid, type FieldError } from '../platform/http/problem.ts';
import { writeEvent } from '../platform/outbox.ts';
import { isUuid } from '../platform/ids.ts';
import { findUnit } from '../units/service.ts';
import { addWorkingDays, type WorkingDayCalendar } from '../common/calendar/working-days.ts';
import { selectPolicy, upsertPolicy } from './repository.ts';

export const entryTypes = ['incoming', 'outgoing', 'internal-with-followup', 'internal-without-followup', 'case-memo'] as const;
export const MAX_DELAY_WORKING_DAYS = 60;

export interface PublicationPolicy {
  delayWorkingDays: number;
  excludedClassCodes: string[];
  excludedUnitIds: string[];
  excludedEntryTypes: string[];
  /** null: never set (no delay, nothing excluded). */
  updatedAt: string | null;
  updatedBy: string | null;
}

export const defaultPolicy: PublicationPolicy = { delayWorkingDays: 0, excludedClassCodes: [], excludedUnitIds: [], excludedEntryTypes: [], updatedAt: null, updatedBy: null };

export async function getPublicationPolicy(tx: Tx): Promise<PublicationPolicy> {
  const row = await selectPolicy(tx);
  if (!row) return defaultPolicy;
  return {
    delayWorkingDays: row.delay_working_days,
    excludedClassCodes: row.excluded_class_codes,
    excludedUnitIds: row.excluded_unit_ids,
    excludedEntryTypes: row.excluded_entry_types,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

export interface PolicyInput {
  delayWorkingDays: number;
  excludedClassCodes: string[];
  excludedUnitIds: string[];
  excludedEntryTypes: string[];
}

const unique = (list: readonly string[]) => [...new Set(list.map((x) => x.trim()))];

export async function setPublicationPolicy(tx: Tx, c: { tenantId: string; actor: string; at: Date }, input: PolicyInput): Promise<PublicationPolicy> {
  const errors: FieldError[] = [];
  if (!Number.isInteger(input.delayWorkingDays) || input.delayWorkingDays < 0 || input.delayWorkingDays > MAX_DELAY_WORKING_DAYS)
    errors.push({ field: 'delayWorkingDays', code: 'tooLarge', message: `must be a whole number of working days from 0 to ${MAX_DELAY_WORKING_DAYS}` });
  for (const [i, code] of input.excludedClassCodes.entries())
    if (!code.trim()) errors.push({ field: `excludedClassCodes.${i}`, code: 'required', message: 'must not be empty' });
  for (const [i, id] of input.excludedUnitIds.entries())
    if (!isUuid(id) || !(await findUnit(tx, id))) errors.push({ field: `excludedUnitIds.${i}`, code: 'notFound', message: 'no such unit in this municipality' });
  for (const [i, type] of input.excludedEntryTypes.entries())
    if (!(entryTypes as readonly string[]).includes(type)) errors.push({ field: `excludedEntryTypes.${i}`, code: 'notAllowed', message: `must be one of ${entryTypes.join(', ')}` });
  if (errors.length) throw invalid(errors);
  await upsertPolicy(tx, c.tenantId, {
    delay_working_days: input.delayWorkingDays,
    excluded_class_codes: unique(input.excludedClassCodes),
    excluded_unit_ids: unique(input.excludedUnitIds),
    excluded_entry_types: unique(input.excludedEntryTypes),
    updated_at: c.at,
    updated_by: c.actor,
  });
  // The projection applies the policy to every entry (journal-projection handles this event).
  await writeEvent(tx, { tenantId: c.tenantId, type: 'publication-policy.updated', aggregateType: 'publication-policy', aggregateId: c.tenantId, payload: {}, at: c.at });
  return getPublicationPolicy(tx);
}

/** Whether the policy keeps an entry out of the public journal altogether. */
export function excludedByPolicy(policy: PublicationPolicy, entry: { classCode: string | null; unitId: string | null; type: string }): boolean {
  return (
    (entry.classCode !== null && policy.excludedClassCodes.some((c) => c.toLocaleLowerCase() === entry.classCode!.toLocaleLowerCase())) ||
    (entry.unitId !== null && policy.excludedUnitIds.includes(entry.unitId)) ||
    policy.excludedEntryTypes.includes(entry.type)
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When an entry appears: `delay` working days after it was published (the same time of day, on the
 * working day the calendar gives), and not before its accessibleAfter.
 */
export function visibleFrom(publishedAt: Date, accessibleAfter: Date | null, delay: number, calendar: WorkingDayCalendar | null): Date {
  let at = publishedAt;
  if (delay > 0 && calendar) {
    const day = publishedAt.toISOString().slice(0, 10);
    const due = addWorkingDays(day, delay, calendar);
    at = new Date(publishedAt.getTime() + Math.round((Date.parse(due) - Date.parse(day)) / DAY_MS) * DAY_MS);
  }
  return accessibleAfter && accessibleAfter > at ? accessibleAfter : at;
}

/** Personal names are searchable for 12 months after publication (offentleglova, Noark krav 5.2.33). */
export function namesSearchableUntil(published: Date): Date {
  const until = new Date(published);
  until.setUTCFullYear(until.getUTCFullYear() + 1);
  return until;
}

/** Gnr/bnr (gårdsnummer/bruksnummer) where a public title records them, e.g. "gnr. 12 bnr. 3" or "gnr 12/3". */
export function propertyOf(...texts: string[]): { gnr: number | null; bnr: number | null } {
  for (const text of texts) {
    const m = /\bgnr\.?\s*(\d{1,5})\s*(?:,?\s*bnr\.?\s*|\/\s*)(\d{1,5})/iu.exec(text);
    if (m) return { gnr: Number(m[1]), bnr: Number(m[2]) };
  }
  return { gnr: null, bnr: null };
}
