// SPDX-License-Identifier: EUPL-1.2
// A municipality's working-day calendar: its country's public holidays (computed, src/common/calendar)
// and its own closed days (stored). Other modules count deadlines with `workingDayCalendar` and the
// pure functions of src/common/calendar/working-days.ts.
import type { Tx } from '../platform/db/transaction.ts';
import type { TenantRef } from '../platform/http/auth.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { isDate } from '../common/calendar/dates.ts';
import { calendarFor, type WorkingDayCalendar } from '../common/calendar/working-days.ts';
import { deleteClosedDay, findClosedDayOn, insertClosedDay, selectClosedDayDates, selectClosedDays, type ClosedDayRow } from './repository.ts';

export interface ClosedDay {
  id: string;
  date: string;
  reason: string;
  createdAt: string;
  createdBy: string;
}

/** Closed days are accepted for these years: enough for planning, and within the holiday computation. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

const present = (row: ClosedDayRow): ClosedDay => ({
  id: row.id,
  date: row.day,
  reason: row.reason,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
});

/** The calendar that deadlines of this municipality are counted with. */
export async function workingDayCalendar(tx: Tx, tenant: Pick<TenantRef, 'country'>): Promise<WorkingDayCalendar> {
  return calendarFor(tenant.country, await selectClosedDayDates(tx));
}

function checkDate(field: string, value: string | undefined, errors: FieldError[]): void {
  if (value === undefined) return;
  if (!isDate(value)) errors.push({ field, code: 'invalidDate', message: 'must be a real date written YYYY-MM-DD' });
  else if (Number(value.slice(0, 4)) < FIRST_YEAR || Number(value.slice(0, 4)) > LAST_YEAR)
    errors.push({ field, code: 'outOfRange', message: `must be in the years ${FIRST_YEAR}–${LAST_YEAR}` });
}

export async function listClosedDays(tx: Tx, range: { from?: string; to?: string }): Promise<ClosedDay[]> {
  const errors: FieldError[] = [];
  checkDate('from', range.from, errors);
  checkDate('to', range.to, errors);
  if (errors.length) throw invalid(errors);
  return (await selectClosedDays(tx, range)).map(present);
}

export async function addClosedDay(tx: Tx, input: { tenantId: string; date: string; reason: string; createdBy: string; at: Date }): Promise<ClosedDay> {
  const errors: FieldError[] = [];
  checkDate('date', input.date, errors);
  const reason = input.reason.trim();
  if (!reason || reason.length > 200) errors.push({ field: 'reason', code: reason ? 'tooLong' : 'required', message: 'must be 1–200 characters' });
  if (errors.length) throw invalid(errors);
  if (await findClosedDayOn(tx, input.date))
    throw conflict(`${input.date} is already a closed day`, [{ field: 'date', code: 'taken', message: 'is already a closed day' }]);
  const row: ClosedDayRow = { id: newId(), tenant_id: input.tenantId, day: input.date, reason, created_at: input.at, created_by: input.createdBy };
  await insertClosedDay(tx, row);
  return present(row);
}

export async function removeClosedDay(tx: Tx, id: string): Promise<void> {
  if (!(await deleteClosedDay(tx, id))) throw notFound(`the closed day ${id}`);
}
