// SPDX-License-Identifier: EUPL-1.2
// Periodisering: a series (arkivdel) is closed at the end of its period and a successor takes the
// new case files. Noark 5 knows two ways: a sharp separation (skarpt skille) moves the case files
// still open into the successor, so the old series closes at once; a soft one (mykt skille) keeps
// them where they are, the old series stays in an overlap period until the last one closes, and only
// then is it closed (closeSeries again). Either way the two series point at each other.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { writeEvent } from '../platform/outbox.ts';
import { logChanges, logCreated, type ArchiveCtx } from './change-log.ts';
import { dateIn } from './numbering.ts';
import type { ArchiveTables, SeriesTable } from './tables.ts';

export interface ClosePeriodInput {
  separation: 'sharp' | 'soft';
  /** Title of the successor; default: the old title with the new start year. */
  successorTitle?: string | undefined;
  /** Last day of the closing period (arkivperiodeSluttDato); default: the day before today. */
  periodEnd?: string | undefined;
}

export interface ClosePeriodResult {
  closed: SeriesTable;
  successor: SeriesTable | null;
  movedCaseFiles: string[];
  /** case files left open in the old series (soft separation) */
  openCaseFiles: number;
}

const db = (tx: Tx) => tables<ArchiveTables>(tx);
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function requireSeries(tx: Tx, id: string): Promise<SeriesTable> {
  const row = isUuid(id) ? await db(tx).selectFrom('series').selectAll().where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
  if (!row) throw notFound(`series ${id}`);
  return row;
}

const openCases = (tx: Tx, seriesId: string) =>
  sql<{ id: string }>`select id from case_files where series_id = ${seriesId} and status not in ('closed', 'void') order by case_year, case_sequence`.execute(tx);

/**
 * Closes an active series and opens its successor, or (a series in its overlap period) finishes a
 * soft separation once its last open case file is closed.
 */
export async function closeSeriesPeriod(tx: Tx, c: ArchiveCtx, seriesId: string, input: ClosePeriodInput): Promise<ClosePeriodResult> {
  const series = await requireSeries(tx, seriesId);
  if (series.status === 'closed') throw conflict(`series "${series.title}" is closed already`);
  if (series.status === 'overlap') return finishOverlap(tx, c, series);

  const today = dateIn(c.at);
  const periodEnd = input.periodEnd ?? dayBefore(today);
  const errors: FieldError[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(periodEnd)) errors.push({ field: 'periodEnd', code: 'invalidDate', message: 'must be a date YYYY-MM-DD' });
  else if (periodEnd < series.period_start) errors.push({ field: 'periodEnd', code: 'invalidDate', message: `must not be before the period's start ${series.period_start}` });
  if (input.successorTitle !== undefined && !input.successorTitle.trim()) errors.push({ field: 'successorTitle', code: 'required', message: 'must not be empty' });
  if (errors.length) throw invalid(errors);

  const successorStart = dayAfter(periodEnd);
  const successor: SeriesTable = {
    id: newId(),
    tenant_id: c.tenantId,
    fonds_id: series.fonds_id,
    classification_system_id: series.classification_system_id,
    title: input.successorTitle?.trim() || series.title.replace(/\d{4}/, successorStart.slice(0, 4)),
    status: 'active',
    period_start: successorStart,
    period_end: null,
    created_at: c.at,
    created_by: c.actor,
    predecessor_id: series.id,
  };
  await db(tx).insertInto('series').values(successor).execute();
  await logCreated(tx, c, 'series', successor.id, { title: successor.title, status: 'active', periodStart: successorStart, predecessor: series.id });

  const open = (await openCases(tx, series.id)).rows.map((r) => r.id);
  let moved: string[] = [];
  if (input.separation === 'sharp' && open.length) {
    for (const id of open) await logChanges(tx, c, 'case-file', id, { series_id: series.id }, { series_id: successor.id });
    await sql`update case_files set series_id = ${successor.id}, updated_at = ${c.at} where id in (${sql.join(open)})`.execute(tx);
    moved = open;
  }
  const closesNow = input.separation === 'sharp' || open.length === 0;
  const after = {
    status: closesNow ? ('closed' as const) : ('overlap' as const),
    period_end: periodEnd,
    successor_id: successor.id,
    separation: input.separation,
    closed_at: closesNow ? c.at : null,
    closed_by: closesNow ? c.actor : null,
  };
  await logChanges(tx, c, 'series', series.id, series as unknown as Record<string, unknown>, after);
  await db(tx).updateTable('series').set(after).where('id', '=', series.id).execute();
  await writeEvent(tx, { tenantId: c.tenantId, type: 'series.period-closed', aggregateType: 'series', aggregateId: series.id, payload: { successorId: successor.id, separation: input.separation, movedCaseFiles: moved.length }, at: c.at });
  return { closed: { ...series, ...after }, successor: { ...successor, status: 'active' }, movedCaseFiles: moved, openCaseFiles: closesNow ? 0 : open.length };
}

async function finishOverlap(tx: Tx, c: ArchiveCtx, series: SeriesTable): Promise<ClosePeriodResult> {
  const open = (await openCases(tx, series.id)).rows;
  if (open.length) throw conflict(`series "${series.title}" still has ${open.length} open case file(s) in its overlap period; close them first`);
  const after = { status: 'closed' as const, closed_at: c.at, closed_by: c.actor };
  await logChanges(tx, c, 'series', series.id, series as unknown as Record<string, unknown>, after);
  await db(tx).updateTable('series').set(after).where('id', '=', series.id).execute();
  await writeEvent(tx, { tenantId: c.tenantId, type: 'series.period-closed', aggregateType: 'series', aggregateId: series.id, payload: { successorId: series.successor_id ?? null, separation: 'soft', movedCaseFiles: 0 }, at: c.at });
  return { closed: { ...series, ...after }, successor: null, movedCaseFiles: [], openCaseFiles: 0 };
}
