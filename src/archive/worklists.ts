// SPDX-License-Identifier: EUPL-1.2
// The case officer's work lists: my cases, my unit's cases, letters awaiting follow-up (restanser)
// and the overdue ones. Each list is one query for the page and one for its count; sorting takes
// only the columns named here, so no request can put its own text into the ORDER BY.
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import { isUuid } from '../platform/ids.ts';
import { invalid } from '../platform/http/problem.ts';

/** Whose work: the person (or token) asking, and/or one administrative unit. */
export interface WorkScope {
  /** users.id for people; the token's id for systems (then only "created by" can match). */
  me?: string | undefined;
  unitId?: string | undefined;
  /** Only what one of these units is responsible for (the caller's own units; empty: nothing). */
  unitIds?: readonly string[] | undefined;
}

export type SortOrder = 'asc' | 'desc';
export const caseSorts = ['caseNumber', 'title', 'date', 'dueDate', 'status'] as const;
export type CaseSort = (typeof caseSorts)[number];
export const entrySorts = ['documentNumber', 'title', 'date', 'dueDate', 'status'] as const;
export type EntrySort = (typeof entrySorts)[number];
export const workStatuses = ['open', 'in-progress', 'closed-by-officer', 'closed', 'void', 'all'] as const;
export type WorkStatus = (typeof workStatuses)[number];

export interface Paging {
  cursor?: string | undefined;
  limit: number;
}

export interface WorkCaseRow {
  id: string;
  case_year: number;
  case_sequence: number;
  title: string;
  status: string;
  case_date: string;
  responsible_unit: string | null;
  responsible_officer: string | null;
  pending_count: number | string;
  overdue_count: number | string;
  next_due_date: string | null;
}

export interface PendingEntryRow {
  id: string;
  case_file_id: string;
  case_year: number;
  case_sequence: number;
  case_title: string;
  entry_year: number;
  entry_sequence: number;
  number_in_case: number;
  type: string;
  status: string;
  title: string;
  journal_date: string;
  received_date: string | null;
  due_date: string | null;
  correspondents: string | null;
}

/** An entry that awaits follow-up (avskrivning): incoming or internal-for-follow-up, open, with none. */
const awaitsFollowUp = sql`e.type in ('incoming', 'internal-with-followup') and e.status not in ('void', 'archived')
  and not exists (select 1 from follow_ups f where f.registry_entry_id = e.id)`;

/**
 * A case is mine when I am its responsible officer, or when it has none and I created it (rows from
 * before officers were kept by id). `created_by` is "<kind>:<id>:<name>" (permissions.ts).
 */
const caseIsMine = (me: string) => sql`(c.responsible_officer_id = ${me}::uuid or (c.responsible_officer_id is null and split_part(c.created_by, ':', 2) = ${me}))`;

/** An entry is mine by its own officer, or, when it names none, by its case's rule. */
const entryIsMine = (me: string) =>
  sql`(e.responsible_officer_id = ${me}::uuid or (e.responsible_officer_id is null and ${caseIsMine(me)}))`;

/** The column is one of the units; no units means no rows (someone in no unit has no unit cases). */
const inUnits = (column: RawBuilder<unknown>, unitIds: readonly string[]): RawBuilder<unknown> =>
  unitIds.length ? sql`${column} in (${sql.join(unitIds.map((id) => sql`${id}::uuid`))})` : sql`false`;

const caseScope = (scope: WorkScope): RawBuilder<unknown>[] => {
  const where: RawBuilder<unknown>[] = [];
  if (scope.me) where.push(caseIsMine(scope.me));
  if (scope.unitId) where.push(sql`c.responsible_unit_id = ${scope.unitId}::uuid`);
  if (scope.unitIds) where.push(inUnits(sql`c.responsible_unit_id`, scope.unitIds));
  return where;
};

const entryScope = (scope: WorkScope): RawBuilder<unknown>[] => {
  const where: RawBuilder<unknown>[] = [];
  if (scope.me) where.push(entryIsMine(scope.me));
  if (scope.unitId) where.push(sql`coalesce(e.responsible_unit_id, c.responsible_unit_id) = ${scope.unitId}::uuid`);
  if (scope.unitIds) where.push(inUnits(sql`coalesce(e.responsible_unit_id, c.responsible_unit_id)`, scope.unitIds));
  return where;
};

const statusFilter = (status: WorkStatus): RawBuilder<unknown> | undefined => {
  if (status === 'all') return undefined;
  if (status === 'open') return sql`c.status in ('in-progress', 'closed-by-officer')`;
  return sql`c.status = ${status}`;
};

const and = (parts: RawBuilder<unknown>[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

const direction = (order: SortOrder) => sql.raw(order === 'desc' ? 'desc' : 'asc');
const nulls = (order: SortOrder) => sql.raw(order === 'desc' ? 'nulls first' : 'nulls last');

/** A page is addressed by an opaque cursor (its offset): sorting by any column keeps it simple and exact. */
export const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');
function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw invalid([{ field: 'cursor', code: 'invalidCursor', message: 'is not a cursor from a previous page; start again without it' }]);
  return Number(match[1]);
}

export async function requireUnit(tx: Tx, unitId: string | undefined): Promise<void> {
  if (unitId === undefined) return;
  const found = isUuid(unitId) && (await sql`select 1 from administrative_units where id = ${unitId}::uuid`.execute(tx)).rows.length > 0;
  if (!found) throw invalid([{ field: 'unitId', code: 'notFound', message: 'no such administrative unit in this municipality' }]);
}

export interface WorkCaseQuery extends WorkScope, Paging {
  status: WorkStatus;
  sort: CaseSort;
  order: SortOrder;
  today: string;
}

export async function listWorkCases(tx: Tx, q: WorkCaseQuery): Promise<{ rows: WorkCaseRow[]; total: number; nextCursor: string | null }> {
  const offset = offsetOf(q.cursor);
  await requireUnit(tx, q.unitId);
  const where = and([...caseScope(q), ...[statusFilter(q.status)].filter((x) => x !== undefined)]);
  const dir = direction(q.order);
  const order = {
    caseNumber: sql`c.case_year ${dir}, c.case_sequence ${dir}`,
    title: sql`lower(c.title) ${dir}, c.case_year desc, c.case_sequence desc`,
    date: sql`c.case_date ${dir}, c.case_year ${dir}, c.case_sequence ${dir}`,
    dueDate: sql`next_due_date ${dir} ${nulls(q.order)}, c.case_year desc, c.case_sequence desc`,
    status: sql`c.status ${dir}, c.case_year desc, c.case_sequence desc`,
  }[q.sort];
  const page = await sql<WorkCaseRow>`
    select c.id, c.case_year, c.case_sequence, c.title, c.status, c.case_date::text as case_date,
           c.responsible_unit, c.responsible_officer,
           coalesce(p.pending_count, 0) as pending_count, coalesce(p.overdue_count, 0) as overdue_count, p.next_due_date
    from case_files c
    left join lateral (
      select count(*) as pending_count, count(*) filter (where e.due_date < ${q.today}::date) as overdue_count, min(e.due_date)::text as next_due_date
      from registry_entries e where e.case_file_id = c.id and ${awaitsFollowUp}
    ) p on true
    where ${where}
    order by ${order}
    limit ${q.limit + 1} offset ${offset}`.execute(tx);
  const count = await sql<{ n: number | string }>`select count(*) as n from case_files c where ${where}`.execute(tx);
  const rows = page.rows.slice(0, q.limit);
  return { rows, total: Number(count.rows[0]!.n), nextCursor: page.rows.length > q.limit ? encodeCursor(offset + q.limit) : null };
}

export interface PendingQuery extends WorkScope, Paging {
  overdue: boolean;
  sort: EntrySort;
  order: SortOrder;
  today: string;
}

export async function listPendingFollowUps(tx: Tx, q: PendingQuery): Promise<{ rows: PendingEntryRow[]; total: number; nextCursor: string | null }> {
  const offset = offsetOf(q.cursor);
  await requireUnit(tx, q.unitId);
  const where = and([awaitsFollowUp, ...entryScope(q), ...(q.overdue ? [sql`e.due_date < ${q.today}::date`] : [])]);
  const dir = direction(q.order);
  const order = {
    documentNumber: sql`c.case_year ${dir}, c.case_sequence ${dir}, e.number_in_case ${dir}`,
    title: sql`lower(e.title) ${dir}, e.entry_year desc, e.entry_sequence desc`,
    date: sql`e.journal_date ${dir}, e.entry_year ${dir}, e.entry_sequence ${dir}`,
    dueDate: sql`e.due_date ${dir} ${nulls(q.order)}, e.entry_year asc, e.entry_sequence asc`,
    status: sql`e.status ${dir}, e.entry_year desc, e.entry_sequence desc`,
  }[q.sort];
  const page = await sql<PendingEntryRow>`
    select e.id, e.case_file_id, c.case_year, c.case_sequence, c.title as case_title, e.entry_year, e.entry_sequence, e.number_in_case,
           e.type, e.status, e.title, e.journal_date::text as journal_date, e.received_date::text as received_date, e.due_date::text as due_date,
           (select string_agg(p.name, ', ' order by p.position) from correspondents p where p.registry_entry_id = e.id) as correspondents
    from registry_entries e join case_files c on c.id = e.case_file_id
    where ${where}
    order by ${order}
    limit ${q.limit + 1} offset ${offset}`.execute(tx);
  const count = await sql<{ n: number | string }>`
    select count(*) as n from registry_entries e join case_files c on c.id = e.case_file_id where ${where}`.execute(tx);
  const rows = page.rows.slice(0, q.limit);
  return { rows, total: Number(count.rows[0]!.n), nextCursor: page.rows.length > q.limit ? encodeCursor(offset + q.limit) : null };
}

export interface WorkOverviewRow {
  my_cases: number | string;
  my_pending: number | string;
  my_overdue: number | string;
  my_unit_cases: number | string;
}

/** The start page's counts, in one statement, and the units to pick from: mine (by membership) and all open ones. */
export async function workOverview(tx: Tx, me: string, today: string, myUnits: readonly { id: string; code: string; name: string }[]) {
  const counts = await sql<WorkOverviewRow>`
    select
      (select count(*) from case_files c where ${caseIsMine(me)} and c.status in ('in-progress', 'closed-by-officer')) as my_cases,
      (select count(*) from registry_entries e join case_files c on c.id = e.case_file_id where ${awaitsFollowUp} and ${entryIsMine(me)}) as my_pending,
      (select count(*) from registry_entries e join case_files c on c.id = e.case_file_id where ${awaitsFollowUp} and ${entryIsMine(me)} and e.due_date < ${today}::date) as my_overdue,
      (select count(*) from case_files c where ${inUnits(sql`c.responsible_unit_id`, myUnits.map((u) => u.id))} and c.status in ('in-progress', 'closed-by-officer')) as my_unit_cases`.execute(tx);
  const units = await sql<{ id: string; code: string; name: string }>`
    select id, code, name from administrative_units where closed_at is null order by code`.execute(tx);
  const row = counts.rows[0]!;
  return {
    myCases: Number(row.my_cases),
    myPendingFollowUps: Number(row.my_pending),
    myOverdue: Number(row.my_overdue),
    myUnitCases: Number(row.my_unit_cases),
    myUnits: myUnits.map((u) => ({ id: u.id, code: u.code, name: u.name })),
    units: units.rows,
  };
}
