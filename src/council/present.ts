// SPDX-License-Identifier: EUPL-1.2
// The staff API's shapes of council rows (camelCase, ISO dates), and the secretariat's full view of
// a meeting with the actions the caller may take now.
import type { Tx } from '../platform/db/transaction.ts';
import type { BodyRow, MembershipRow, PartyRow, PersonRow, TermRow } from './roster-repository.ts';
import { selectBody } from './roster-repository.ts';
import * as repo from './meetings-repository.ts';
import { recordsOf, type ItemRecords } from './records.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentTerm = (r: TermRow) => ({ id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on });
export const presentParty = (r: PartyRow) => ({ id: r.id, code: r.code, name: r.name });
export const presentPerson = (r: PersonRow) => ({ id: r.id, givenName: r.given_name, familyName: r.family_name, name: `${r.given_name} ${r.family_name}`, partyId: r.party_id, userId: r.user_id, email: r.email });
export const presentBody = (r: BodyRow) => ({ id: r.id, code: r.code, kind: r.kind, name: r.name, shortName: r.short_name, publishDaysBefore: r.publish_days_before, adjustersRequired: r.adjusters_required, unitId: r.unit_id });
export const presentMembership = (r: MembershipRow) => ({ id: r.id, bodyId: r.body_id, termId: r.term_id, personId: r.person_id, role: r.role, partyId: r.party_id, substituteOrder: r.substitute_order, startsOn: r.starts_on, endsOn: r.ends_on });
export const presentMeeting = (m: repo.MeetingRow) => ({
  id: m.id, bodyId: m.body_id, termId: m.term_id, startsAt: m.starts_at.toISOString(), endsAt: iso(m.ends_at), location: m.location, status: m.status, open: m.open,
  summonedAt: iso(m.summoned_at), agendaPublicFrom: iso(m.agenda_public_from), liveStreamUrl: m.live_stream_url, recordingUrl: m.recording_url,
  minutesStatus: m.minutes_status, minutesEntryId: m.minutes_entry_id, noticePostedOn: m.notice_posted_on, appealClosesOn: m.appeal_closes_on,
  currentItemId: m.current_item_id ?? null,
});
const empty: ItemRecords = { proposals: [], votes: [], disqualifications: [], reservations: [] };
export const presentItem = (i: repo.ItemRow, records: ItemRecords = empty) => ({
  id: i.id, meetingId: i.meeting_id, position: i.position, itemNumber: i.item_number, title: i.title, publicTitle: i.public_title, caseFileId: i.case_file_id,
  presentationEntryId: i.presentation_entry_id, late: i.late, closed: i.closed, closedLegalBasis: i.closed_legal_basis, decisionText: i.decision_text,
  decidedAt: iso(i.decided_at), videoOffsetSeconds: i.video_offset_seconds, transcriptSha256: i.transcript_sha256, ...records,
});

/** What may be done with the meeting now (the UI shows these buttons; the API refuses the rest). */
export function actionsOf(m: repo.MeetingRow, now: Date): string[] {
  const actions: string[] = [];
  if (m.status === 'cancelled') return actions;
  if (m.status !== 'held') actions.push('update', 'cancel', 'addItem');
  if (m.status === 'planned') actions.push('summon', 'removeItem');
  if (m.status === 'summoned' && m.starts_at <= now) actions.push('markHeld');
  actions.push('recordAttendance');
  if (m.minutes_status !== 'approved' && m.minutes_status !== 'adjusted') actions.push('reorderAgenda');
  if (m.status === 'held') actions.push('recordVote', 'recordDecision', m.minutes_status === 'approved' || m.minutes_status === 'adjusted' ? 'appointAdjusters' : 'approveMinutes');
  return actions;
}

export async function meetingDetail(tx: Tx, m: repo.MeetingRow, now: Date) {
  const [body, items, attendance, adjusters] = [await selectBody(tx, m.body_id), await repo.selectItems(tx, m.id), await repo.selectAttendance(tx, m.id), await repo.selectAdjusters(tx, m.id)];
  const records = await recordsOf(tx, items.map((i) => i.id), { forPublic: false });
  return {
    ...presentMeeting(m), body: presentBody(body!), items: items.map((i) => presentItem(i, records.get(i.id))),
    attendance: attendance.map((a) => ({ personId: a.person_id, status: a.status, substituteFor: a.substitute_for })),
    adjusters: adjusters.map((a) => ({ personId: a.person_id, signedAt: iso(a.signed_at) })),
    actions: actionsOf(m, now),
  };
}
