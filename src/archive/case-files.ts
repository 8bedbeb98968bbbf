// SPDX-License-Identifier: EUPL-1.2
// Saksmappe use cases: open, change, close. Each writes its change-log rows and its outbox event in
// the caller's transaction.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { writeEvent } from '../platform/outbox.ts';
import { logChanges, logCreated, type ArchiveCtx } from './change-log.ts';
import { nextNumber, formatNumber, yearIn, dateIn } from './numbering.ts';
import { normaliseScreening, publicTitle, validateScreening } from '../common/screening.ts';
import type { CreateCaseFileBody, UpdateCaseFileBody } from './schemas.ts';
import { activeSeries } from './structure.ts';
import { resolveResponsible } from './responsibility.ts';
import type { ArchiveTables, CaseFilesTable } from './tables.ts';
import { scheduleScreeningExpiry } from './screening.ts';

/** Request shapes come from the API's schemas (schemas.ts): one source for validation and types. */
export type NewCaseFile = CreateCaseFileBody;
export type CaseFilePatch = UpdateCaseFileBody;

/** The person opening a case: its responsible officer unless the input names another. */
export interface Creator {
  id: string;
}

const db = (tx: Tx) => tables<ArchiveTables>(tx);

export async function findCaseFile(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<CaseFilesTable | undefined> {
  if (!isUuid(id)) return undefined;
  let query = db(tx).selectFrom('case_files').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function requireCaseFile(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<CaseFilesTable> {
  const row = await findCaseFile(tx, id, options);
  if (!row) throw notFound(`case file ${id}`);
  return row;
}

export const isClosed = (row: CaseFilesTable): boolean => row.status === 'closed' || row.status === 'void';

/**
 * Whether a case file takes new registry entries (it exists here and is not closed or void): for
 * modules that file into a case later than they decided to (a consultation comment confirmed by
 * e-mail), so they can say why before createRegistryEntry would refuse.
 */
export async function caseFileTakesEntries(tx: Tx, id: string): Promise<boolean> {
  const row = await findCaseFile(tx, id);
  return row !== undefined && !isClosed(row);
}

/** `existing`: the case file is in the series already (an update), so only the class is checked against it. */
async function checkReferences(tx: Tx, input: { classId?: string | undefined; seriesId?: string | undefined }, options: { existing?: boolean } = {}): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.classId !== undefined) {
    const found = isUuid(input.classId) && (await db(tx).selectFrom('classes').select(['id', 'classification_system_id']).where('id', '=', input.classId).executeTakeFirst());
    if (!found) errors.push({ field: 'classId', code: 'notFound', message: 'no such class in this municipality (GET …/classes lists them)' });
    // Noark 5: case files hang on leaf classes, of the classification system of their series.
    else if (await db(tx).selectFrom('classes').select('id').where('parent_id', '=', found.id).executeTakeFirst())
      errors.push({ field: 'classId', code: 'notAllowed', message: 'the class has sub-classes: choose one of them' });
    else {
      const series = input.seriesId === undefined ? await activeSeries(tx) : isUuid(input.seriesId) ? await db(tx).selectFrom('series').selectAll().where('id', '=', input.seriesId).executeTakeFirst() : undefined;
      if (series?.classification_system_id && series.classification_system_id !== found.classification_system_id)
        errors.push({ field: 'classId', code: 'notAllowed', message: "the class is not in the classification system of the case file's series" });
    }
  }
  if (input.seriesId !== undefined && !options.existing) {
    const series = isUuid(input.seriesId) ? await db(tx).selectFrom('series').select(['id', 'status']).where('id', '=', input.seriesId).executeTakeFirst() : undefined;
    if (!series) errors.push({ field: 'seriesId', code: 'notFound', message: 'no such series in this municipality (GET …/series lists them)' });
    else if (series.status === 'closed') errors.push({ field: 'seriesId', code: 'notOpen', message: 'the series is closed for new case files' });
    // In its overlap period (soft separation) a series only finishes the case files it has.
    else if (series.status === 'overlap') errors.push({ field: 'seriesId', code: 'notOpen', message: 'the series is in its overlap period: new case files go to its successor' });
  }
  return errors;
}

export async function createCaseFile(tx: Tx, c: ArchiveCtx, input: NewCaseFile, creator?: Creator): Promise<CaseFilesTable> {
  const title = input.title.trim();
  const errors: FieldError[] = [];
  if (!title) errors.push({ field: 'title', code: 'required', message: 'must not be empty' });
  if (input.screening) errors.push(...validateScreening(input.screening, title));
  errors.push(...(await checkReferences(tx, input)));
  const officerChosen = input.responsibleOfficerId !== undefined || Boolean(input.responsibleOfficer?.trim());
  const responsible = await resolveResponsible(tx, c.tenantId, officerChosen || !creator ? input : { ...input, responsibleOfficerId: creator.id });
  errors.push(...responsible.errors.filter((e) => officerChosen || e.field !== 'responsibleOfficerId'));
  if (errors.length) throw invalid(errors);
  const series = input.seriesId ? { id: input.seriesId } : await activeSeries(tx);
  if (!series) throw conflict('this municipality has no active series to file case files in; an archivist must open one');

  const year = yearIn(c.at);
  const sequence = await nextNumber(tx, c.tenantId, 'case-file', year);
  const screening = input.screening ? normaliseScreening(input.screening) : null;
  const row: CaseFilesTable = {
    id: newId(),
    tenant_id: c.tenantId,
    series_id: series.id,
    class_id: input.classId ?? null,
    case_year: year,
    case_sequence: sequence,
    title,
    public_title: publicTitle(title, screening),
    description: input.description?.trim() || null,
    status: 'in-progress',
    case_date: dateIn(c.at),
    responsible_unit: responsible.columns.responsible_unit ?? null,
    responsible_officer: responsible.columns.responsible_officer ?? null,
    responsible_unit_id: responsible.columns.responsible_unit_id ?? null,
    responsible_officer_id: responsible.columns.responsible_officer_id ?? null,
    screening,
    keywords: input.keywords ?? [],
    created_at: c.at,
    created_by: c.actor,
    updated_at: c.at,
    closed_at: null,
    closed_by: null,
  };
  await db(tx).insertInto('case_files').values({ ...row, screening: screening && JSON.stringify(screening) }).execute();
  await logCreated(tx, c, 'case-file', row.id, { caseNumber: formatNumber(year, sequence), title, status: row.status, screening });
  await scheduleScreeningExpiry(tx, c.tenantId, 'case-file', row.id, screening);
  await writeEvent(tx, { tenantId: c.tenantId, type: 'case-file.created', aggregateType: 'case-file', aggregateId: row.id, payload: { caseNumber: formatNumber(year, sequence) }, at: c.at });
  return row;
}

export async function updateCaseFile(tx: Tx, c: ArchiveCtx, id: string, patch: CaseFilePatch): Promise<CaseFilesTable> {
  const before = await requireCaseFile(tx, id, { forUpdate: true });
  if (isClosed(before)) throw conflict(`case file ${formatNumber(before.case_year, before.case_sequence)} is closed and can no longer be changed`);
  const title = patch.title !== undefined ? patch.title.trim() : before.title;
  const errors: FieldError[] = [];
  if (!title) errors.push({ field: 'title', code: 'required', message: 'must not be empty' });
  if (patch.screening) errors.push(...validateScreening(patch.screening, title));
  errors.push(...(await checkReferences(tx, { classId: patch.classId, seriesId: patch.classId === undefined ? undefined : before.series_id }, { existing: true })));
  const responsible = await resolveResponsible(tx, c.tenantId, patch);
  errors.push(...responsible.errors);
  if (errors.length) throw invalid(errors);
  const screening = patch.screening === undefined ? before.screening : patch.screening && normaliseScreening(patch.screening);
  const after = {
    title,
    public_title: publicTitle(title, screening),
    description: patch.description !== undefined ? patch.description.trim() || null : before.description,
    class_id: patch.classId ?? before.class_id,
    responsible_unit: responsible.columns.responsible_unit !== undefined ? responsible.columns.responsible_unit : before.responsible_unit,
    responsible_officer: responsible.columns.responsible_officer !== undefined ? responsible.columns.responsible_officer : before.responsible_officer,
    responsible_unit_id: responsible.columns.responsible_unit_id !== undefined ? responsible.columns.responsible_unit_id : before.responsible_unit_id,
    responsible_officer_id: responsible.columns.responsible_officer_id !== undefined ? responsible.columns.responsible_officer_id : before.responsible_officer_id,
    keywords: patch.keywords ?? before.keywords,
    screening,
  };
  const changed = await logChanges(tx, c, 'case-file', id, before as unknown as Record<string, unknown>, after);
  if (!changed.length) return before;
  await db(tx)
    .updateTable('case_files')
    .set({ ...after, screening: after.screening && JSON.stringify(after.screening), updated_at: c.at })
    .where('id', '=', id)
    .execute();
  await writeEvent(tx, { tenantId: c.tenantId, type: 'case-file.updated', aggregateType: 'case-file', aggregateId: id, payload: { fields: changed }, at: c.at });
  if (patch.screening !== undefined) await scheduleScreeningExpiry(tx, c.tenantId, 'case-file', id, screening);
  return { ...before, ...after, updated_at: c.at };
}

/**
 * Closing a case archives it: every entry is frozen (status archived) and its documents finalised.
 * Entries still awaiting follow-up (restanser) block closing, so nothing is forgotten.
 */
export async function closeCaseFile(tx: Tx, c: ArchiveCtx, id: string): Promise<CaseFilesTable> {
  const before = await requireCaseFile(tx, id, { forUpdate: true });
  const number = formatNumber(before.case_year, before.case_sequence);
  if (isClosed(before)) throw conflict(`case file ${number} is already closed`);
  const open = await sql<{ id: string; entry_year: number; entry_sequence: number }>`
    select e.id, e.entry_year, e.entry_sequence from registry_entries e
    where e.case_file_id = ${id} and e.type in ('incoming', 'internal-with-followup') and e.status <> 'void'
      and not exists (select 1 from follow_ups f where f.registry_entry_id = e.id)
    order by e.entry_year, e.entry_sequence`.execute(tx);
  if (open.rows.length) {
    throw conflict(
      `case file ${number} has entries that are not followed up: ${open.rows.map((r) => formatNumber(r.entry_year, r.entry_sequence)).join(', ')}`,
      open.rows.map((r) => ({ field: `registryEntries.${r.id}`, code: 'notFollowedUp', message: `entry ${formatNumber(r.entry_year, r.entry_sequence)} awaits follow-up (avskrivning)` })),
    );
  }
  const entries = await db(tx).selectFrom('registry_entries').select(['id', 'status']).where('case_file_id', '=', id).where('status', 'not in', ['archived', 'void']).execute();
  for (const entry of entries) {
    await logChanges(tx, c, 'registry-entry', entry.id, { status: entry.status }, { status: 'archived' });
  }
  if (entries.length) {
    await db(tx).updateTable('registry_entries').set({ status: 'archived', archived_at: c.at, archived_by: c.actor, updated_at: c.at }).where('case_file_id', '=', id).where('status', 'not in', ['archived', 'void']).execute();
    await sql`update documents set status = 'final' where status = 'draft' and registry_entry_id in (select id from registry_entries where case_file_id = ${id})`.execute(tx);
  }
  await logChanges(tx, c, 'case-file', id, { status: before.status }, { status: 'closed' });
  await db(tx).updateTable('case_files').set({ status: 'closed', closed_at: c.at, closed_by: c.actor, updated_at: c.at }).where('id', '=', id).execute();
  await writeEvent(tx, { tenantId: c.tenantId, type: 'case-file.closed', aggregateType: 'case-file', aggregateId: id, payload: { caseNumber: number, archivedEntries: entries.map((e) => e.id) }, at: c.at });
  return { ...before, status: 'closed', closed_at: c.at, closed_by: c.actor, updated_at: c.at };
}
