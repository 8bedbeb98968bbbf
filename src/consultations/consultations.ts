// SPDX-License-Identifier: EUPL-1.2
// The case officer's consultations (høring / remiss, issue 11 §2): open one on a case of the
// municipality with a deadline and some of the case's entries as its documents, change it, publish
// the list of comments. Every change writes `consultation.changed`; the projection does the rest.
import type { Tx } from '../platform/db/transaction.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { writeEvent } from '../platform/outbox.ts';
import { changeDocumentPublication, documentsForAccess, entryForAccess, publicViewOfCaseFile, type ArchiveCtx } from '../archive/service.ts';
import * as repo from './repository.ts';

export interface ConsultationInput {
  caseFileId: string;
  title: string;
  description?: string | undefined;
  deadline: string;
  documentEntryIds?: string[] | undefined;
}
export type ConsultationPatch = Partial<Omit<ConsultationInput, 'caseFileId'>>;

/** A consultation as its officer sees it: with the case number and the comments counted. */
export interface StaffConsultation {
  row: repo.ConsultationRow;
  caseNumber: string | null;
  /** When the case was closed: the consultation ended then, whatever its deadline. */
  caseClosedAt: Date | null;
  filed: number;
  unconfirmed: number;
}

export const EVENT = 'consultation.changed';

export async function consultationChanged(tx: Tx, c: ArchiveCtx, id: string): Promise<void> {
  await writeEvent(tx, { tenantId: c.tenantId, type: EVENT, aggregateType: 'consultation', aggregateId: id, payload: { consultationId: id }, at: c.at });
}

export const isOpen = (row: Pick<repo.ConsultationRow, 'deadline'>, now: Date): boolean => row.deadline.getTime() > now.getTime();

function checkDeadline(value: string, now: Date, errors: FieldError[]): Date | undefined {
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) errors.push({ field: 'deadline', code: 'invalidDateTime', message: 'must be a date-time, e.g. 2027-01-31T23:59:00+01:00' });
  else if (at.getTime() <= now.getTime()) errors.push({ field: 'deadline', code: 'outOfRange', message: 'must be in the future' });
  else return at;
  return undefined;
}

/** Each document entry must be an entry of the consultation's case (row-level security: of this municipality). */
async function checkEntries(tx: Tx, caseFileId: string, ids: readonly string[], errors: FieldError[]): Promise<string[]> {
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    const entry = isUuid(id) ? await entryForAccess(tx, id) : undefined;
    if (!entry || entry.caseFileId !== caseFileId) errors.push({ field: `documentEntryIds.${i}`, code: 'notFound', message: `${id} is not a registry entry of the consultation's case` });
    else if (seen.has(id)) errors.push({ field: `documentEntryIds.${i}`, code: 'duplicate', message: 'is named twice' });
    seen.add(id);
  }
  return [...seen];
}

function checkTexts(input: { title?: string | undefined; description?: string | undefined }, errors: FieldError[]): void {
  if (input.title !== undefined && input.title.trim().length < 3) errors.push({ field: 'title', code: 'tooShort', message: 'must be at least 3 characters' });
}

async function caseOf(tx: Tx, caseFileId: string, errors: FieldError[]): Promise<{ caseNumber: string } | undefined> {
  const view = isUuid(caseFileId) ? await publicViewOfCaseFile(tx, caseFileId) : null;
  if (!view) {
    errors.push({ field: 'caseFileId', code: 'notFound', message: `no case file ${caseFileId} in this municipality` });
    return undefined;
  }
  // A case that may not be public at all (void or wholly screened) cannot have a public consultation.
  if (!view.caseFile) {
    errors.push({ field: 'caseFileId', code: 'notAllowed', message: 'the case is void or wholly screened: it cannot have a public consultation' });
    return undefined;
  }
  if (view.caseFile.status === 'closed' || view.caseFile.status === 'void') {
    errors.push({ field: 'caseFileId', code: 'notOpen', message: `case ${view.caseFile.caseNumber} is closed: comments could not be filed in it` });
    return undefined;
  }
  return { caseNumber: view.caseFile.caseNumber };
}

export async function openConsultation(tx: Tx, c: ArchiveCtx & { userId: string | null }, input: ConsultationInput): Promise<StaffConsultation> {
  const errors: FieldError[] = [];
  const kase = await caseOf(tx, input.caseFileId, errors);
  checkTexts(input, errors);
  const deadline = checkDeadline(input.deadline, c.at, errors);
  const ids = kase ? await checkEntries(tx, input.caseFileId, input.documentEntryIds ?? [], errors) : [];
  if (errors.length || !kase || !deadline) throw invalid(errors);
  const row: repo.ConsultationRow = {
    id: newId(), tenant_id: c.tenantId, case_file_id: input.caseFileId, title: input.title.trim(), description: (input.description ?? '').trim(), opens_at: c.at, deadline,
    document_entry_ids: ids, comments_published_at: null, created_by: c.userId, created_at: c.at, updated_at: c.at,
  };
  await repo.insertConsultation(tx, row);
  await consultationChanged(tx, c, row.id);
  return { row, caseNumber: kase.caseNumber, caseClosedAt: null, filed: 0, unconfirmed: 0 };
}

async function requireConsultation(tx: Tx, id: string, forUpdate = false): Promise<repo.ConsultationRow> {
  const row = isUuid(id) ? await repo.selectConsultation(tx, id, { forUpdate }) : undefined;
  if (!row) throw notFound(`consultation ${id}`);
  return row;
}

export async function updateConsultation(tx: Tx, c: ArchiveCtx, id: string, patch: ConsultationPatch): Promise<StaffConsultation> {
  const row = await requireConsultation(tx, id, true);
  const errors: FieldError[] = [];
  checkTexts(patch, errors);
  // A deadline may move (also to reopen a closed consultation), but never into the past.
  const deadline = patch.deadline === undefined ? row.deadline : checkDeadline(patch.deadline, c.at, errors);
  const ids = patch.documentEntryIds === undefined ? row.document_entry_ids : await checkEntries(tx, row.case_file_id, patch.documentEntryIds, errors);
  if (errors.length || !deadline) throw invalid(errors);
  await repo.updateConsultation(tx, row.id, {
    ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
    ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
    deadline, document_entry_ids: ids, updated_at: c.at,
  });
  await consultationChanged(tx, c, row.id);
  return staffView(tx, row.id);
}

/**
 * Publishes the list of comments: each filed comment's document is published in full in the archive
 * (so screening, which the archive applies, still decides what of it is public), and the projection
 * fills public_consultation_comments. Publishing twice is a 409.
 */
export async function publishComments(tx: Tx, c: ArchiveCtx, id: string): Promise<StaffConsultation> {
  const row = await requireConsultation(tx, id, true);
  if (row.comments_published_at) throw conflict('the comments of this consultation are published already');
  for (const comment of await repo.selectComments(tx, row.id)) if (comment.registry_entry_id) await publishCommentDocument(tx, c, comment.registry_entry_id);
  await repo.updateConsultation(tx, row.id, { comments_published_at: c.at, updated_at: c.at });
  await consultationChanged(tx, c, row.id);
  return staffView(tx, row.id);
}

/** The comment's own document (number 1 of its entry) published in full, as the officer decided by publishing. */
export async function publishCommentDocument(tx: Tx, c: ArchiveCtx, entryId: string): Promise<void> {
  for (const d of await documentsForAccess(tx, entryId)) if (d.documentNumber === 1) await changeDocumentPublication(tx, c, d.documentId, { publishedInFull: true });
}

export async function staffView(tx: Tx, id: string): Promise<StaffConsultation> {
  const row = await requireConsultation(tx, id);
  const counts = (await repo.commentCounts(tx, [row.id])).get(row.id);
  const view = await publicViewOfCaseFile(tx, row.case_file_id);
  return { row, caseNumber: view?.caseFile?.caseNumber ?? null, caseClosedAt: view?.caseFile?.closedAt ?? null, filed: counts?.filed ?? 0, unconfirmed: counts?.unconfirmed ?? 0 };
}

export async function listForStaff(tx: Tx, filter: { caseFileId?: string | undefined }): Promise<StaffConsultation[]> {
  // A case of another municipality (row-level security) is as unknown as one that never was.
  if (filter.caseFileId && !(await publicViewOfCaseFile(tx, filter.caseFileId))) throw notFound(`case file ${filter.caseFileId}`);
  const rows = await repo.listConsultations(tx, filter);
  const counts = await repo.commentCounts(tx, rows.map((r) => r.id));
  const cases = new Map<string, { caseNumber: string | null; caseClosedAt: Date | null }>();
  for (const r of rows) {
    if (cases.has(r.case_file_id)) continue;
    const view = (await publicViewOfCaseFile(tx, r.case_file_id))?.caseFile;
    cases.set(r.case_file_id, { caseNumber: view?.caseNumber ?? null, caseClosedAt: view?.closedAt ?? null });
  }
  return rows.map((row) => ({ row, caseNumber: cases.get(row.case_file_id)?.caseNumber ?? null, caseClosedAt: cases.get(row.case_file_id)?.caseClosedAt ?? null, filed: counts.get(row.id)?.filed ?? 0, unconfirmed: counts.get(row.id)?.unconfirmed ?? 0 }));
}

export async function commentsForStaff(tx: Tx, id: string): Promise<repo.CommentRow[]> {
  const row = await requireConsultation(tx, id);
  return repo.selectComments(tx, row.id);
}
