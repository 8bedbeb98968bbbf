// SPDX-License-Identifier: EUPL-1.2
// A member's private notes on an agenda item or its paper (issue 11 §3). Only the author reads or
// changes them: the queries name the author, and row-level security on radhus.user_id (set by
// request.ts) hides every other member's notes even from a query that forgot to. Another member's
// note is "not found" and nothing changes.
//
// There is deliberately no shared or discussion feature between members: notes shared with other
// members or a party group stop being a member's own working papers. The Norwegian Parliamentary
// Ombud (Sivilombudet) has held proposals and comments shared between members this way to be case
// documents the public may ask to see, so sharing belongs in the party groups' own tools, not here.
import type { Tx } from '../platform/db/transaction.ts';
import { notFound, invalid, type FieldError } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import * as repo from './repository.ts';
import { agendaSent, myMeetingOrThrow, presentNote } from './meetings.ts';
import type { WorkspaceCtx } from './request.ts';

const MAX = 20_000;

function checkText(errors: FieldError[], text: string): string {
  const v = text.trim();
  if (!v) errors.push({ field: 'text', code: 'required', message: 'must not be blank' });
  else if (v.length > MAX) errors.push({ field: 'text', code: 'tooLong', message: `at most ${MAX} characters` });
  return v;
}

/** The item, if it is on a meeting of mine whose agenda is sent; else 404. */
async function myItemOrThrow(tx: Tx, c: WorkspaceCtx, itemId: string) {
  const item = isUuid(itemId) ? await repo.selectItem(tx, itemId) : undefined;
  if (!item) throw notFound(`agenda item ${itemId}`);
  const { meeting } = await myMeetingOrThrow(tx, c, item.meeting_id).catch(() => { throw notFound(`agenda item ${itemId}`); });
  if (!agendaSent(meeting.status)) throw notFound(`agenda item ${itemId}`);
  return item;
}

export async function listNotes(tx: Tx, c: WorkspaceCtx, itemId: string) {
  await myItemOrThrow(tx, c, itemId);
  return (await repo.selectNotes(tx, c.userId, [itemId])).map(presentNote);
}

export async function createNote(tx: Tx, c: WorkspaceCtx, itemId: string, input: { text: string; presentationEntryId?: string | null }) {
  const item = await myItemOrThrow(tx, c, itemId);
  const errors: FieldError[] = [];
  const text = checkText(errors, input.text);
  // A note on a paper names the item's paper (its registry entry), nothing else.
  if (input.presentationEntryId && input.presentationEntryId !== item.presentation_entry_id)
    errors.push({ field: 'presentationEntryId', code: 'notFound', message: 'not a paper of this item' });
  if (errors.length) throw invalid(errors);
  const row: repo.NoteRow = { id: newId(), tenant_id: c.tenantId, author_user_id: c.userId, agenda_item_id: item.id, registry_entry_id: input.presentationEntryId ?? null, text, created_at: c.at, updated_at: c.at };
  await repo.insertNote(tx, row);
  return presentNote(row);
}

export async function updateNote(tx: Tx, c: WorkspaceCtx, noteId: string, input: { text: string }) {
  const note = isUuid(noteId) ? await repo.selectNote(tx, c.userId, noteId) : undefined;
  if (!note) throw notFound(`note ${noteId}`);
  const errors: FieldError[] = [];
  const text = checkText(errors, input.text);
  if (errors.length) throw invalid(errors);
  if (!(await repo.updateNoteRow(tx, c.userId, noteId, { text, updated_at: c.at }))) throw notFound(`note ${noteId}`);
  return presentNote({ ...note, text, updated_at: c.at });
}

export async function deleteNote(tx: Tx, c: WorkspaceCtx, noteId: string): Promise<void> {
  if (!isUuid(noteId) || !(await repo.deleteNoteRow(tx, c.userId, noteId))) throw notFound(`note ${noteId}`);
}
