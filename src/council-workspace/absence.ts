// SPDX-License-Identifier: EUPL-1.2
// Absence (forfall) and substitutes (issue 11 §4). A member reports absence from a meeting of a
// body they sit in: the attendance says absent and when it was reported, the next substitute of
// the member's party list in that body and term is called (in the list's order, skipping those
// already called, absent, or holding a seat themselves — kommuneloven § 7-10, kommunallagen 5 kap.
// 17 §), and the substitute and the secretariat are mailed. A substitute who declines makes the
// next one be called; one who accepts meets for the member. Every refusal writes nothing.
import type { Tx } from '../platform/db/transaction.ts';
import { conflict, invalid, notFound } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { sendMail } from '../platform/mail/send.ts';
import { formatDateTime } from '../common/format.ts';
import { listStaff } from '../identity/service.ts';
import { listUnitMembers } from '../units/service.ts';
import { markAttendance, meetingChanged } from '../council/service.ts';
import * as repo from './repository.ts';
import { myMeetingOrThrow, myPersonIds, presentCalls } from './meetings.ts';
import { absenceReportedMail, substituteCallMail } from './mail.ts';
import type { WorkspaceCtx } from './request.ts';

const stillAhead = (status: string) => status === 'planned' || status === 'summoned';

/** The secretariat to tell: those of the body's unit with the role, else every secretariat user with an address. */
async function secretariatAddresses(tx: Tx, c: WorkspaceCtx, unitId: string | null): Promise<string[]> {
  const staff = (await listStaff(tx, c.tenantId)).filter((s) => s.email && s.roles.some((r) => r.role === 'secretariat'));
  if (unitId) {
    const inUnit = new Set((await listUnitMembers(tx, c.tenantId, { unitId })).map((m) => m.userId));
    const ofUnit = staff.filter((s) => inUnit.has(s.id));
    if (ofUnit.length) return ofUnit.map((s) => s.email!);
  }
  return staff.map((s) => s.email!);
}

/** Calls the next substitute for the absent person, if the list has one; mails them. */
async function callNext(tx: Tx, c: WorkspaceCtx, meetingId: string, absentPersonId: string, partyId: string | null) {
  const next = await repo.nextSubstitute(tx, meetingId, partyId);
  if (!next) return undefined;
  const call: repo.CallRow = { id: newId(), tenant_id: c.tenantId, meeting_id: meetingId, absent_person_id: absentPersonId, substitute_person_id: next.person_id, status: 'called', called_at: c.at, answered_at: null };
  await repo.insertCall(tx, call);
  const body = (await repo.bodyOfMeeting(tx, meetingId))!;
  const absent = (await repo.personNames(tx, [absentPersonId])).get(absentPersonId) ?? '';
  if (next.email)
    await sendMail(tx, {
      to: next.email, template: substituteCallMail, language: c.tenant.language, tenantId: c.tenantId, at: c.at, key: `council-workspace.call:${call.id}`,
      params: { municipality: c.tenant.name, body: body.name, when: formatDateTime(c.tenant.language, body.starts_at), absent, url: `${c.publicUrl}/app/${c.tenant.slug}/workspace/meetings/${meetingId}` },
    });
  return { call, name: `${next.given_name} ${next.family_name}` };
}

export async function reportAbsence(tx: Tx, c: WorkspaceCtx, meetingId: string, input: { reason: string }) {
  const { meeting, persons } = await myMeetingOrThrow(tx, c, meetingId);
  const reason = input.reason.trim();
  if (!reason) throw invalid([{ field: 'reason', code: 'required', message: 'say why (the secretariat reads it)' }]);
  const seat = await repo.seatInMeeting(tx, persons, meeting.id);
  if (!seat) throw conflict('you are called to this meeting as a substitute: decline the call instead');
  if (!stillAhead(meeting.status)) throw conflict(`the meeting is ${meeting.status}: absence is reported before a meeting`);
  const attendance = await repo.selectAttendanceOf(tx, meeting.id, [seat.person_id]);
  if (attendance[0]?.status === 'absent') throw conflict('your absence from this meeting is already reported');
  await markAttendance(tx, c, meeting.id, { personId: seat.person_id, status: 'absent', reported: true });
  const called = await callNext(tx, c, meeting.id, seat.person_id, seat.party_id);
  const body = (await repo.bodyOfMeeting(tx, meeting.id))!;
  const absent = (await repo.personNames(tx, [seat.person_id])).get(seat.person_id) ?? '';
  for (const to of await secretariatAddresses(tx, c, body.unit_id))
    await sendMail(tx, {
      to, template: absenceReportedMail, language: c.tenant.language, tenantId: c.tenantId, at: c.at, key: `council-workspace.absence:${meeting.id}:${seat.person_id}:${to}:${c.at.toISOString()}`,
      params: { municipality: c.tenant.name, body: body.name, when: formatDateTime(c.tenant.language, body.starts_at), absent, reason, substitute: called?.name ?? null, url: `${c.publicUrl}/app/${c.tenant.slug}/council/meetings/${meeting.id}` },
    });
  return { attendance: { personId: seat.person_id, status: 'absent' as const, reportedAt: c.at.toISOString() }, substituteCall: called ? (await presentCalls(tx, [called.call]))[0]! : null };
}

/** A called substitute accepts (meets for the member) or declines (the next on the list is called). */
export async function answerSubstituteCall(tx: Tx, c: WorkspaceCtx, callId: string, input: { accept: boolean }) {
  const call = isUuid(callId) ? await repo.selectCall(tx, callId) : undefined;
  const persons = await myPersonIds(tx, c.userId);
  if (!call || !persons.includes(call.substitute_person_id)) throw notFound(`substitute call ${callId}`);
  if (call.status !== 'called') throw conflict(`the call is already ${call.status}`);
  const body = (await repo.bodyOfMeeting(tx, call.meeting_id))!;
  if (!stillAhead(body.status)) throw conflict(`the meeting is ${body.status}`);
  const answered: repo.CallRow = { ...call, status: input.accept ? 'accepted' : 'declined', answered_at: c.at };
  await repo.updateCallRow(tx, call.id, { status: answered.status, answered_at: c.at });
  if (input.accept) await markAttendance(tx, c, call.meeting_id, { personId: call.substitute_person_id, status: 'present', substituteFor: call.absent_person_id });
  else {
    const seat = await repo.seatInMeeting(tx, [call.absent_person_id], call.meeting_id);
    await callNext(tx, c, call.meeting_id, call.absent_person_id, seat?.party_id ?? null);
    await meetingChanged(tx, c, call.meeting_id);
  }
  return (await presentCalls(tx, [answered]))[0]!;
}

/** The secretariat's list of a meeting's substitute calls (who was called for whom, and the answers). */
export async function listSubstituteCalls(tx: Tx, meetingId: string) {
  if (!isUuid(meetingId) || !(await repo.bodyOfMeeting(tx, meetingId))) throw notFound(`meeting ${meetingId}`);
  return presentCalls(tx, await repo.selectCallsOfMeeting(tx, meetingId));
}
