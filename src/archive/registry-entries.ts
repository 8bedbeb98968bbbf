// SPDX-License-Identifier: EUPL-1.2
// Journalpost use cases: register an entry in a case, change it, follow it up (avskrivning).
import { tables, type Tx } from '../platform/db/transaction.ts';
import { newId, isUuid } from '../platform/ids.ts';
import { conflict, forbidden, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { writeEvent } from '../platform/outbox.ts';
import { logChanges, logCreated, type ArchiveCtx } from './change-log.ts';
import { isClosed, requireCaseFile } from './case-files.ts';
import { toCorrespondentRows, validateCorrespondents } from './correspondents.ts';
import { dateIn, formatDocumentNumber, formatNumber, nextNumber, yearIn } from './numbering.ts';
import { resolveResponsible } from './responsibility.ts';
import { recordPartyScreenings, scheduleScreeningExpiry } from './screening.ts';
import { sql } from 'kysely';
import { normaliseScreening, publicTitle, validateScreening } from '../common/screening.ts';
import type { CreateRegistryEntryBody, FollowUpBody, UpdateRegistryEntryBody } from './schemas.ts';
import type { ArchiveTables, CaseFilesTable, CorrespondentsTable, EntryStatus, EntryType, RegistryEntriesTable } from './tables.ts';

/** Request shapes come from the API's schemas (schemas.ts): one source for validation and types. */
export type NewRegistryEntry = CreateRegistryEntryBody;
export type EntryPatch = UpdateRegistryEntryBody;

/** What registering wrote: enough to answer the request without reading it back. */
export interface RegisteredEntry {
  entry: RegistryEntriesTable;
  caseFile: CaseFilesTable;
  parties: CorrespondentsTable[];
  followsUp: string[];
}

const db = (tx: Tx) => tables<ArchiveTables>(tx);

export const needsFollowUp = (type: EntryType): boolean => type === 'incoming' || type === 'internal-with-followup';

/** Statuses a person may set by hand; 'archived' comes only from closing the case. */
const settableStatus: EntryStatus[] = ['reserved', 'registered', 'finalised', 'approved', 'dispatched', 'void'];

export async function findEntry(tx: Tx, id: string, options: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return undefined;
  let query = db(tx).selectFrom('registry_entries').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function requireEntry(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<RegistryEntriesTable> {
  const row = await findEntry(tx, id, options);
  if (!row) throw notFound(`registry entry ${id}`);
  return row;
}

/**
 * Why an entry can no longer change, or undefined: it is archived, or its case is closed (whatever
 * the entry's own status: a void entry of a closed case is as frozen as the rest). The database's
 * freeze triggers (migration 0010) say the same; this gives the caller a clear 409 first.
 */
export async function frozenReason(tx: Tx, entry: RegistryEntriesTable): Promise<string | undefined> {
  const number = formatNumber(entry.entry_year, entry.entry_sequence);
  const caseFile = await requireCaseFile(tx, entry.case_file_id);
  if (isClosed(caseFile)) return `registry entry ${number} belongs to case file ${formatNumber(caseFile.case_year, caseFile.case_sequence)}, which is closed: nothing in a closed case can change`;
  if (entry.status === 'archived') return `registry entry ${number} is archived and can no longer be changed; record a correction as a new entry`;
  return undefined;
}

/** The entry, locked, if it may still change; 409 naming why not otherwise. */
export async function requireOpenEntry(tx: Tx, id: string): Promise<RegistryEntriesTable> {
  const entry = await requireEntry(tx, id, { forUpdate: true });
  const reason = await frozenReason(tx, entry);
  if (reason) throw conflict(reason);
  return entry;
}

function checkDates(input: Record<string, string | null | undefined>): FieldError[] {
  return Object.entries(input)
    .filter(([, v]) => v !== undefined && v !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))))
    .map(([field]): FieldError => ({ field, code: 'invalidDate', message: 'must be a date YYYY-MM-DD' }));
}

export async function createRegistryEntry(
  tx: Tx,
  c: ArchiveCtx & { country: 'NO' | 'SE'; isSystem: boolean },
  caseFileId: string,
  input: NewRegistryEntry,
): Promise<RegisteredEntry> {
  const caseFile = await requireCaseFile(tx, caseFileId, { forUpdate: true });
  if (isClosed(caseFile)) throw conflict(`case file ${formatNumber(caseFile.case_year, caseFile.case_sequence)} is closed: register the letter in a new case, or ask an archivist`);
  if ((input.journalDate || input.publishedAt) && !c.isSystem)
    throw forbidden('only a system user migrating history may set journalDate or publishedAt');
  const title = input.title.trim();
  const correspondents = input.correspondents ?? [];
  const errors: FieldError[] = [];
  if (!title) errors.push({ field: 'title', code: 'required', message: 'must not be empty' });
  if ((input.type === 'incoming' || input.type === 'outgoing') && correspondents.length === 0)
    errors.push({ field: 'correspondents', code: 'required', message: `an ${input.type} letter needs at least one ${input.type === 'incoming' ? 'sender' : 'recipient'}` });
  errors.push(...validateCorrespondents(correspondents, c.country));
  errors.push(...checkDates({ documentDate: input.documentDate, receivedDate: input.receivedDate, sentDate: input.sentDate, dueDate: input.dueDate, journalDate: input.journalDate }));
  for (const field of ['publishedAt', 'accessibleAfter', 'assessedAt'] as const)
    if (input[field] !== undefined && Number.isNaN(Date.parse(input[field]!))) errors.push({ field, code: 'invalidDateTime', message: 'must be a date-time' });
  if (input.screening) errors.push(...validateScreening(input.screening, title));
  const followed = await followUpTargets(tx, input.followsUp ?? [], errors);
  const responsible = await resolveResponsible(tx, c.tenantId, input);
  errors.push(...responsible.errors);
  if (errors.length) throw invalid(errors);

  const journalDate = input.journalDate ?? dateIn(c.at);
  const year = input.journalDate ? Number(journalDate.slice(0, 4)) : yearIn(c.at);
  const sequence = await nextNumber(tx, c.tenantId, 'registry-entry', year);
  const numberInCase = ((await db(tx).selectFrom('registry_entries').select((eb) => eb.fn.max('number_in_case').as('n')).where('case_file_id', '=', caseFileId).executeTakeFirst())?.n ?? 0) + 1;
  const screening = input.screening ? normaliseScreening(input.screening) : null;
  const row: RegistryEntriesTable = {
    id: newId(),
    tenant_id: c.tenantId,
    case_file_id: caseFileId,
    entry_year: year,
    entry_sequence: sequence,
    number_in_case: numberInCase,
    type: input.type,
    status: 'registered',
    title,
    public_title: publicTitle(title, screening),
    description: input.description?.trim() || null,
    document_date: input.documentDate ?? null,
    received_date: input.receivedDate ?? (input.type === 'incoming' ? dateIn(c.at) : null),
    sent_date: input.sentDate ?? null,
    due_date: input.dueDate ?? null,
    journal_date: journalDate,
    published_at: input.publishedAt ? new Date(input.publishedAt) : null,
    // Unless named, the entry's unit and officer are its case's.
    ...(responsible.columns.responsible_unit !== undefined && (responsible.columns.responsible_unit || responsible.columns.responsible_unit_id)
      ? { responsible_unit: responsible.columns.responsible_unit, responsible_unit_id: responsible.columns.responsible_unit_id ?? null }
      : { responsible_unit: caseFile.responsible_unit, responsible_unit_id: caseFile.responsible_unit_id }),
    ...(responsible.columns.responsible_officer !== undefined && (responsible.columns.responsible_officer || responsible.columns.responsible_officer_id)
      ? { responsible_officer: responsible.columns.responsible_officer, responsible_officer_id: responsible.columns.responsible_officer_id ?? null }
      : { responsible_officer: caseFile.responsible_officer, responsible_officer_id: caseFile.responsible_officer_id }),
    screening,
    created_at: c.at,
    created_by: c.actor,
    updated_at: c.at,
    archived_at: null,
  };
  await db(tx).insertInto('registry_entries').values({ ...row, screening: screening && JSON.stringify(screening) }).execute();
  const parties = toCorrespondentRows(correspondents, c.tenantId, row.id, newId);
  if (parties.length) await db(tx).insertInto('correspondents').values(parties).execute();
  await recordPartyScreenings(tx, c.tenantId, parties, correspondents);
  await scheduleScreeningExpiry(tx, c.tenantId, 'registry-entry', row.id, screening);
  // Publication (public journal): not public before accessibleAfter; when it was assessed.
  if (input.accessibleAfter || input.assessedAt)
    await sql`update registry_entries set accessible_after = ${input.accessibleAfter ? new Date(input.accessibleAfter) : null}, assessed_at = ${input.assessedAt ? new Date(input.assessedAt) : null} where id = ${row.id}`.execute(tx);
  const registryNumber = formatNumber(year, sequence);
  await logCreated(tx, c, 'registry-entry', row.id, { registryNumber, type: row.type, title, status: row.status, correspondents: parties.map((p) => p.name), screening });
  for (const target of followed) {
    await recordFollowUp(tx, c, target, { method: input.type === 'outgoing' ? 'replied-by-letter' : 'replied-by-memo', byRegistryEntryId: row.id });
  }
  await writeEvent(tx, {
    tenantId: c.tenantId,
    type: 'registry-entry.journalised',
    aggregateType: 'registry-entry',
    aggregateId: row.id,
    payload: { caseFileId, registryNumber, documentNumber: formatDocumentNumber(caseFile.case_year, caseFile.case_sequence, numberInCase), type: row.type },
    at: c.at,
  });
  return { entry: row, caseFile, parties, followsUp: followed.map((f) => f.id) };
}

export async function updateRegistryEntry(tx: Tx, c: ArchiveCtx, id: string, patch: EntryPatch): Promise<RegistryEntriesTable> {
  const before = await requireOpenEntry(tx, id);
  const number = formatNumber(before.entry_year, before.entry_sequence);
  const title = patch.title !== undefined ? patch.title.trim() : before.title;
  const errors: FieldError[] = [];
  if (!title) errors.push({ field: 'title', code: 'required', message: 'must not be empty' });
  if (patch.status !== undefined && !settableStatus.includes(patch.status))
    errors.push({ field: 'status', code: 'notAllowed', message: `must be one of ${settableStatus.join(', ')}; entries are archived by closing their case` });
  errors.push(...checkDates({ documentDate: patch.documentDate, receivedDate: patch.receivedDate, sentDate: patch.sentDate, dueDate: patch.dueDate }));
  for (const field of ['accessibleAfter', 'assessedAt'] as const)
    if (patch[field] && Number.isNaN(Date.parse(patch[field]!))) errors.push({ field, code: 'invalidDateTime', message: 'must be a date-time' });
  if (patch.screening) errors.push(...validateScreening(patch.screening, title));
  const responsible = await resolveResponsible(tx, c.tenantId, patch);
  errors.push(...responsible.errors);
  if (errors.length) throw invalid(errors);
  const screening = patch.screening === undefined ? before.screening : patch.screening && normaliseScreening(patch.screening);
  const pick = <T>(value: T | undefined, old: T) => (value === undefined ? old : value);
  const after = {
    title,
    public_title: publicTitle(title, screening),
    description: patch.description !== undefined ? patch.description.trim() || null : before.description,
    status: pick(patch.status, before.status),
    document_date: pick(patch.documentDate, before.document_date),
    received_date: pick(patch.receivedDate, before.received_date),
    sent_date: pick(patch.sentDate, before.sent_date),
    due_date: pick(patch.dueDate, before.due_date),
    responsible_unit: pick(responsible.columns.responsible_unit, before.responsible_unit),
    responsible_officer: pick(responsible.columns.responsible_officer, before.responsible_officer),
    responsible_unit_id: pick(responsible.columns.responsible_unit_id, before.responsible_unit_id),
    responsible_officer_id: pick(responsible.columns.responsible_officer_id, before.responsible_officer_id),
    screening,
  };
  const publication = await publicationPatch(tx, c, id, patch);
  const changed = [...(await logChanges(tx, c, 'registry-entry', id, before as unknown as Record<string, unknown>, after)), ...publication];
  if (!changed.length) return before;
  await db(tx).updateTable('registry_entries').set({ ...after, screening: screening && JSON.stringify(screening), updated_at: c.at }).where('id', '=', id).execute();
  if (patch.screening !== undefined) await scheduleScreeningExpiry(tx, c.tenantId, 'registry-entry', id, screening);
  await writeEvent(tx, { tenantId: c.tenantId, type: 'registry-entry.updated', aggregateType: 'registry-entry', aggregateId: id, payload: { registryNumber: number, fields: changed }, at: c.at });
  return { ...before, ...after, updated_at: c.at };
}

/**
 * The entries a new entry answers: each must be an open entry of this municipality (not archived,
 * not void, its case not closed) that needs follow-up and has none yet, and be listed once. Every
 * failing item is reported by its index (followsUp.1).
 */
async function followUpTargets(tx: Tx, ids: string[], errors: FieldError[]): Promise<RegistryEntriesTable[]> {
  const followed: RegistryEntriesTable[] = [];
  for (const [i, id] of ids.entries()) {
    const field = `followsUp.${i}`;
    const first = ids.indexOf(id);
    if (first !== i) {
      errors.push({ field, code: 'duplicate', message: `the same entry as followsUp.${first}: list each entry once` });
      continue;
    }
    const target = await findEntry(tx, id, { forUpdate: true });
    if (!target) {
      errors.push({ field, code: 'notFound', message: 'no such registry entry in this municipality' });
      continue;
    }
    const number = formatNumber(target.entry_year, target.entry_sequence);
    const frozen = await frozenReason(tx, target);
    const done = await db(tx).selectFrom('follow_ups').select('id').where('registry_entry_id', '=', id).executeTakeFirst();
    if (frozen) errors.push({ field, code: 'notOpen', message: frozen });
    else if (target.status === 'void') errors.push({ field, code: 'notOpen', message: `entry ${number} is void and needs no follow-up` });
    else if (!needsFollowUp(target.type)) errors.push({ field, code: 'needsNoFollowUp', message: `entry ${number} is ${target.type} and needs no follow-up` });
    else if (done) errors.push({ field, code: 'alreadyFollowedUp', message: `entry ${number} is already followed up` });
    else followed.push(target);
  }
  return followed;
}

async function recordFollowUp(tx: Tx, c: ArchiveCtx, target: RegistryEntriesTable, input: FollowUpBody): Promise<string> {
  const id = newId();
  await db(tx)
    .insertInto('follow_ups')
    .values({ id, tenant_id: c.tenantId, registry_entry_id: target.id, method: input.method, by_registry_entry_id: input.byRegistryEntryId ?? null, followed_up_at: c.at, followed_up_by: c.actor })
    .execute();
  await logCreated(tx, c, 'follow-up', id, { registryEntryId: target.id, method: input.method, byRegistryEntryId: input.byRegistryEntryId ?? null });
  await writeEvent(tx, { tenantId: c.tenantId, type: 'registry-entry.followed-up', aggregateType: 'registry-entry', aggregateId: target.id, payload: { method: input.method, byRegistryEntryId: input.byRegistryEntryId ?? null }, at: c.at });
  return id;
}

export async function followUpEntry(tx: Tx, c: ArchiveCtx, id: string, input: FollowUpBody): Promise<string> {
  const target = await requireOpenEntry(tx, id);
  const number = formatNumber(target.entry_year, target.entry_sequence);
  if (!needsFollowUp(target.type)) throw conflict(`registry entry ${number} is ${target.type}: only incoming letters and internal memos for follow-up are followed up`);
  const already = await db(tx).selectFrom('follow_ups').select('id').where('registry_entry_id', '=', id).executeTakeFirst();
  if (already) throw conflict(`registry entry ${number} is already followed up`);
  if (input.byRegistryEntryId !== undefined) {
    const by = await findEntry(tx, input.byRegistryEntryId);
    if (!by) throw invalid([{ field: 'byRegistryEntryId', code: 'notFound', message: 'no such registry entry in this municipality' }]);
    if (by.id === id) throw invalid([{ field: 'byRegistryEntryId', code: 'refersToItself', message: 'an entry cannot follow itself up' }]);
  }
  return recordFollowUp(tx, c, target, input);
}

/** accessibleAfter and assessedAt (migration 0012), changed and logged apart from the row type of 0003. */
async function publicationPatch(tx: Tx, c: ArchiveCtx, id: string, patch: EntryPatch): Promise<string[]> {
  if (patch.accessibleAfter === undefined && patch.assessedAt === undefined) return [];
  const row = (await sql<{ accessible_after: Date | null; assessed_at: Date | null }>`select accessible_after, assessed_at from registry_entries where id = ${id}`.execute(tx)).rows[0]!;
  const iso = (d: Date | null) => d && d.toISOString();
  const next = (value: string | null | undefined, old: Date | null) => (value === undefined ? iso(old) : value && new Date(value).toISOString());
  const before = { accessibleAfter: iso(row.accessible_after), assessedAt: iso(row.assessed_at) };
  const after = { accessibleAfter: next(patch.accessibleAfter, row.accessible_after), assessedAt: next(patch.assessedAt, row.assessed_at) };
  const changed = await logChanges(tx, c, 'registry-entry', id, before, after);
  if (changed.length) await sql`update registry_entries set accessible_after = ${after.accessibleAfter}, assessed_at = ${after.assessedAt} where id = ${id}`.execute(tx);
  return changed;
}
