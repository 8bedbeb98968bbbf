// SPDX-License-Identifier: EUPL-1.2
// What an elected member reads in the workspace (issue 11 §3): the meetings of the bodies they sit
// in (or are called to as a substitute), each agenda in full — closed items too, with their papers,
// screened or not, since a member must read them to decide (kommuneloven § 11-5, offentlighets-
// och sekretesslagen 10 kap. 1 § / 7 kap.) — the item under discussion, the proposals put forward,
// their own attendance and private notes. Anything else is "not found", never "forbidden": a
// member learns nothing of meetings and papers that are not theirs.
import type { Tx } from '../platform/db/transaction.ts';
import { notFound } from '../platform/http/problem.ts';
import { isUuid } from '../platform/ids.ts';
import { documentsForAccess, entryOfDocument, type AccessEntryDocument } from '../archive/service.ts';
import * as repo from './repository.ts';
import type { WorkspaceCtx } from './request.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The agenda is the members' once the summons is sent; a planned meeting shows only its time and place. */
export const agendaSent = (status: string) => status === 'summoned' || status === 'held';

export const myPersonIds = async (tx: Tx, userId: string) => (await repo.personsOfUser(tx, userId)).map((p) => p.id);

const presentMeeting = (m: repo.MyMeetingRow) => ({
  id: m.id, bodyId: m.body_id, bodyName: m.body_name, startsAt: iso(m.starts_at)!, endsAt: iso(m.ends_at), location: m.location, status: m.status,
  agendaSent: agendaSent(m.status), currentItemId: agendaSent(m.status) ? m.current_item_id : null, role: m.seated ? ('member' as const) : ('substitute' as const),
});

/** Upcoming (and ongoing) meetings of my bodies; a login linked to no council person has none. */
export async function listMyMeetings(tx: Tx, c: WorkspaceCtx) {
  const persons = await myPersonIds(tx, c.userId);
  return (await repo.selectMyMeetings(tx, persons, { from: c.at })).map(presentMeeting);
}

/** The meeting if it is one of mine (a seat in its body, or a substitute called to it), else 404. */
export async function myMeetingOrThrow(tx: Tx, c: WorkspaceCtx, meetingId: string): Promise<{ meeting: repo.MyMeetingRow; persons: string[] }> {
  const persons = await myPersonIds(tx, c.userId);
  const meeting = isUuid(meetingId) ? (await repo.selectMyMeetings(tx, persons, { meetingId }))[0] : undefined;
  if (!meeting) throw notFound(`meeting ${meetingId} among your meetings`);
  return { meeting, persons };
}

const presentDocument = (d: AccessEntryDocument) => ({ id: d.documentId, number: d.documentNumber, title: d.title, fileName: d.fileName, mimeType: d.mimeType, size: d.size });
export const presentNote = (n: repo.NoteRow) => ({ id: n.id, agendaItemId: n.agenda_item_id, presentationEntryId: n.registry_entry_id, text: n.text, createdAt: iso(n.created_at)!, updatedAt: iso(n.updated_at)! });
const presentCall = (k: repo.CallRow, names: Map<string, string>) => ({
  id: k.id, meetingId: k.meeting_id, absentPersonId: k.absent_person_id, absentName: names.get(k.absent_person_id) ?? '', substitutePersonId: k.substitute_person_id,
  substituteName: names.get(k.substitute_person_id) ?? '', status: k.status, calledAt: iso(k.called_at)!, answeredAt: iso(k.answered_at),
});

export async function presentCalls(tx: Tx, calls: repo.CallRow[]) {
  const names = await repo.personNames(tx, [...new Set(calls.flatMap((k) => [k.absent_person_id, k.substitute_person_id]))]);
  return calls.map((k) => presentCall(k, names));
}

export async function getWorkspaceMeeting(tx: Tx, c: WorkspaceCtx, meetingId: string) {
  const { meeting, persons } = await myMeetingOrThrow(tx, c, meetingId);
  const items = agendaSent(meeting.status) ? await repo.selectItems(tx, meeting.id) : [];
  const itemIds = items.map((i) => i.id);
  const [proposals, notes, attendance, calls] = [await repo.selectProposals(tx, itemIds), await repo.selectNotes(tx, c.userId, itemIds), await repo.selectAttendanceOf(tx, meeting.id, persons), await repo.selectCallsOfMeeting(tx, meeting.id)];
  const documents = new Map<string, AccessEntryDocument[]>();
  for (const i of items) if (i.presentation_entry_id && !documents.has(i.presentation_entry_id)) documents.set(i.presentation_entry_id, await documentsForAccess(tx, i.presentation_entry_id));
  // The calls that concern me: my absence's substitutes, and calls to me.
  const mine = calls.filter((k) => persons.includes(k.absent_person_id) || persons.includes(k.substitute_person_id));
  const mySeat = meeting.seated ? await repo.seatInMeeting(tx, persons, meeting.id) : undefined;
  const myAttendance = attendance.find((a) => a.person_id === mySeat?.person_id) ?? attendance[0];
  return {
    ...presentMeeting(meeting),
    items: items.map((i) => ({
      id: i.id, position: i.position, itemNumber: i.item_number, title: i.title, publicTitle: i.public_title, caseFileId: i.case_file_id,
      presentationEntryId: i.presentation_entry_id, late: i.late, closed: i.closed, closedLegalBasis: i.closed_legal_basis, decisionText: i.decision_text,
      documents: (i.presentation_entry_id ? (documents.get(i.presentation_entry_id) ?? []) : []).map(presentDocument),
      proposals: proposals.filter((p) => p.agenda_item_id === i.id).map((p) => ({ position: p.position, kind: p.kind, text: p.text, proposerPersonId: p.proposer_person_id, partyId: p.party_id })),
      notes: notes.filter((n) => n.agenda_item_id === i.id).map(presentNote),
    })),
    myAttendance: myAttendance ? { personId: myAttendance.person_id, status: myAttendance.status, reportedAt: iso(myAttendance.reported_at), substituteFor: myAttendance.substitute_for } : null,
    substituteCalls: await presentCalls(tx, mine),
    myPersonIds: persons,
    canReportAbsence: Boolean(mySeat) && (meeting.status === 'planned' || meeting.status === 'summoned') && myAttendance?.status !== 'absent',
  };
}

/**
 * A document's file, if it is a paper of an item on a meeting of mine whose agenda is sent
 * (screened ones too: members read them); anything else is 404.
 */
export async function workspaceDocument(tx: Tx, c: WorkspaceCtx, documentId: string): Promise<AccessEntryDocument> {
  const missing = notFound(`document ${documentId} among your meetings' papers`);
  const entryId = await entryOfDocument(tx, documentId);
  if (!entryId) throw missing;
  const persons = await myPersonIds(tx, c.userId);
  let allowed = false;
  for (const meetingId of await repo.meetingIdsOfEntry(tx, entryId)) {
    const m = (await repo.selectMyMeetings(tx, persons, { meetingId }))[0];
    if (m && agendaSent(m.status)) allowed = true;
  }
  const doc = allowed ? (await documentsForAccess(tx, entryId)).find((d) => d.documentId === documentId) : undefined;
  if (!doc) throw missing;
  return doc;
}
