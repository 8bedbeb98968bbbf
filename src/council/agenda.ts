// SPDX-License-Identifier: EUPL-1.2
// Agenda items (issue 10 §1): each tied to a political case of this municipality in the archive
// (read through the archive's service, so another municipality's case is simply not found) and
// its case presentation; late items; items closed to the public with their legal basis.
import type { Tx } from '../platform/db/transaction.ts';
import { conflict, notFound, type FieldError } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { publicViewOfCaseFile, publicViewOfEntry } from '../archive/service.ts';
import { refuse, type CouncilCtx } from './roster.ts';
import { meetingChanged, meetingOrThrow } from './meetings.ts';
import * as repo from './meetings-repository.ts';

export interface ItemInput {
  caseFileId?: string | null; title?: string; itemNumber?: string; presentationEntryId?: string | null;
  late?: boolean; closed?: boolean; closedLegalBasis?: string | null;
}

/** The case's public title (screened words already *****), or an error on its field. */
async function caseTitle(tx: Tx, errors: FieldError[], caseFileId: string): Promise<string | undefined> {
  const view = isUuid(caseFileId) ? await publicViewOfCaseFile(tx, caseFileId) : null;
  if (!view) {
    errors.push({ field: 'caseFileId', code: 'notFound', message: 'no such case file in this municipality' });
    return undefined;
  }
  return view.caseFile?.publicTitle ?? '*****';
}

async function checkPresentation(tx: Tx, errors: FieldError[], entryId: string, caseFileId: string | null): Promise<void> {
  const view = isUuid(entryId) ? await publicViewOfEntry(tx, entryId) : null;
  if (!view) errors.push({ field: 'presentationEntryId', code: 'notFound', message: 'no such registry entry in this municipality' });
  else if (view.caseFileId !== caseFileId) errors.push({ field: 'presentationEntryId', code: 'invalid', message: 'the case presentation must be an entry of the item’s case' });
}

function checkClosed(errors: FieldError[], closed: boolean, basis: string | null): void {
  if (closed && !basis?.trim()) errors.push({ field: 'closedLegalBasis', code: 'required', message: 'a closed item names its legal basis (e.g. kommuneloven § 11-5)' });
  if (!closed && basis) errors.push({ field: 'closedLegalBasis', code: 'notAllowed', message: 'only a closed item has a legal basis' });
}

const editable = (m: repo.MeetingRow) => {
  if (m.status === 'cancelled' || m.status === 'held') throw conflict(`the meeting is ${m.status}: its agenda is settled`);
};

export async function addAgendaItem(tx: Tx, c: CouncilCtx, meetingId: string, input: ItemInput): Promise<repo.ItemRow> {
  const m = await meetingOrThrow(tx, meetingId);
  editable(m);
  const errors: FieldError[] = [];
  const caseTitleText = input.caseFileId ? await caseTitle(tx, errors, input.caseFileId) : undefined;
  const title = input.title?.trim() || caseTitleText;
  if (!input.caseFileId && !input.title?.trim()) errors.push({ field: 'title', code: 'required', message: 'an item without a case needs a title' });
  if (input.presentationEntryId) await checkPresentation(tx, errors, input.presentationEntryId, input.caseFileId ?? null);
  const closed = input.closed ?? false;
  checkClosed(errors, closed, input.closedLegalBasis ?? null);
  refuse(errors);
  const position = await repo.nextItemPosition(tx, meetingId);
  const row: repo.ItemRow = {
    id: newId(), tenant_id: c.tenantId, meeting_id: meetingId, position, item_number: input.itemNumber?.trim() || String(position),
    // Without a case the secretariat's own title is what the public sees; with one, the case's screened title.
    title: title!, public_title: caseTitleText ?? title!, case_file_id: input.caseFileId ?? null, presentation_entry_id: input.presentationEntryId ?? null,
    // An item added after the summons is late (ettersendt sak / extra ärende) whatever the request says.
    late: input.late ?? m.status === 'summoned', closed, closed_legal_basis: closed ? input.closedLegalBasis!.trim() : null,
    decision_text: null, decided_at: null, video_offset_seconds: null, transcript_sha256: null, created_at: c.at, updated_at: c.at,
  };
  await repo.insertItem(tx, row);
  await meetingChanged(tx, c, meetingId);
  return row;
}

export async function itemOrThrow(tx: Tx, id: string): Promise<repo.ItemRow> {
  const item = isUuid(id) ? await repo.selectItem(tx, id) : undefined;
  if (!item) throw notFound(`agenda item ${id}`);
  return item;
}

export async function updateAgendaItem(tx: Tx, c: CouncilCtx, id: string, input: Omit<ItemInput, 'caseFileId'>): Promise<repo.ItemRow> {
  const item = await itemOrThrow(tx, id);
  const m = await meetingOrThrow(tx, item.meeting_id);
  if (m.status === 'cancelled') throw conflict('the meeting is cancelled');
  const errors: FieldError[] = [];
  if (input.title !== undefined && !input.title.trim()) errors.push({ field: 'title', code: 'required', message: 'must not be blank' });
  if (input.itemNumber !== undefined && !input.itemNumber.trim()) errors.push({ field: 'itemNumber', code: 'required', message: 'must not be blank' });
  if (input.presentationEntryId) await checkPresentation(tx, errors, input.presentationEntryId, item.case_file_id);
  const closed = input.closed ?? item.closed;
  const basis = input.closedLegalBasis !== undefined ? input.closedLegalBasis : input.closed === false ? null : item.closed_legal_basis;
  checkClosed(errors, closed, basis);
  refuse(errors);
  const changes: Partial<repo.ItemRow> = { updated_at: c.at, closed, closed_legal_basis: closed ? basis!.trim() : null };
  if (input.title !== undefined) {
    changes.title = input.title.trim();
    if (!item.case_file_id) changes.public_title = changes.title;
  }
  if (input.itemNumber !== undefined) changes.item_number = input.itemNumber.trim();
  if (input.presentationEntryId !== undefined) changes.presentation_entry_id = input.presentationEntryId;
  if (input.late !== undefined) changes.late = input.late;
  await repo.updateItemRow(tx, id, changes);
  await meetingChanged(tx, c, item.meeting_id);
  return { ...item, ...changes };
}

/**
 * Puts the meeting's items in the order given (every item once). Also after the summons (the meeting
 * may take an item earlier), until the minutes are approved: then the record is closed.
 */
export async function reorderAgenda(tx: Tx, c: CouncilCtx, meetingId: string, itemIds: string[]): Promise<void> {
  const m = await meetingOrThrow(tx, meetingId);
  if (m.status === 'cancelled') throw conflict('the meeting is cancelled');
  if (m.minutes_status === 'approved' || m.minutes_status === 'adjusted')
    throw conflict('the minutes of this meeting are approved: its record can no longer be changed', [{ field: 'meetingId', code: 'minutesApproved', message: 'the minutes are approved' }]);
  const items = new Set((await repo.selectItems(tx, meetingId)).map((i) => i.id));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  itemIds.forEach((id, i) => {
    if (seen.has(id)) errors.push({ field: `itemIds.${i}`, code: 'duplicate', message: 'listed twice' });
    else if (!items.has(id)) errors.push({ field: `itemIds.${i}`, code: 'notFound', message: 'not an item of this meeting' });
    seen.add(id);
  });
  if (!errors.length && seen.size !== items.size) errors.push({ field: 'itemIds', code: 'invalid', message: `list every item of the meeting once (${items.size})` });
  refuse(errors);
  await repo.reorderItems(tx, meetingId, itemIds, c.at);
  await meetingChanged(tx, c, meetingId);
}

/** Before the summons only: once summoned, the agenda is what the members were called to. */
export async function removeAgendaItem(tx: Tx, c: CouncilCtx, id: string): Promise<void> {
  const item = await itemOrThrow(tx, id);
  const m = await meetingOrThrow(tx, item.meeting_id);
  if (m.status !== 'planned') throw conflict('the summons is sent: an item is no longer removed, only closed or deferred by the meeting');
  if (await repo.itemHasRecords(tx, id)) throw conflict('the item has proposals or votes recorded');
  await repo.deleteItemRow(tx, id);
  await meetingChanged(tx, c, item.meeting_id);
}
