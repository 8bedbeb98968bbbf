// SPDX-License-Identifier: EUPL-1.2
// Justering (Sweden): the approved minutes are checked and signed by the adjusters the body
// appointed (kommunallagen 5 kap. 69 §). When the last one has signed, the minutes are adjusted and
// published, the notice goes on the notice board (anslagstavla, 8 kap. 12 §), and the appeal window
// closes three weeks after the posting (13 kap. 5 §), on the next working day when that is a
// weekend, a holiday or a closed day (lagen (1930:173) om beräkning av lagstadgad tid).
import type { Tx } from '../platform/db/transaction.ts';
import type { Principal, TenantRef } from '../platform/http/auth.ts';
import { conflict, forbidden, invalid, notFound, ProblemError, type FieldError } from '../platform/http/problem.ts';
import { addDays } from '../common/calendar/dates.ts';
import { addWorkingDays, type WorkingDayCalendar } from '../common/calendar/working-days.ts';
import { workingDayCalendar } from '../calendar/service.ts';
import { changeDocumentPublication, dateIn, documentsForAccess } from '../archive/service.ts';
import { meetingChanged } from './decisions.ts';
import { timeZoneOf } from './minutes.ts';
import { lockMeeting, replaceAdjusters, selectAdjusters, selectAttendance, selectBody, selectPersons, signAdjuster, updateMeeting } from './decisions-repository.ts';

/** The last day to appeal: three weeks after the posting, moved to the next working day. */
export const appealClosesOn = (postedOn: string, calendar: WorkingDayCalendar): string => addWorkingDays(addDays(postedOn, 21), 0, calendar);

const onlySweden = (tenant: TenantRef) => {
  if (tenant.country !== 'SE') throw new ProblemError('unprocessable', 'justering by adjusters is a Swedish procedure: in Norway the approved minutes are published at once');
};

export async function appointAdjusters(tx: Tx, tenant: TenantRef, meetingId: string, personIds: string[], at: Date) {
  onlySweden(tenant);
  const meeting = await lockMeeting(tx, meetingId);
  if (!meeting) throw notFound(`meeting ${meetingId}`);
  const current = await selectAdjusters(tx, meeting.id);
  if (meeting.minutes_status === 'adjusted' || current.some((a) => a.signed_at))
    throw conflict('the adjusters have begun signing: they can no longer be changed', [{ field: 'personIds', code: 'notOpen', message: 'signing has begun' }]);
  const errors: FieldError[] = [];
  const body = await selectBody(tx, meeting.body_id);
  if (personIds.length !== body.adjusters_required)
    errors.push({ field: 'personIds', code: personIds.length < body.adjusters_required ? 'tooFew' : 'tooMany', message: `the body has ${body.adjusters_required} adjusters` });
  const known = new Set((await selectPersons(tx, personIds)).map((p) => p.id));
  const present = new Set((await selectAttendance(tx, meeting.id)).filter((a) => a.status === 'present').map((a) => a.person_id));
  const seen = new Set<string>();
  personIds.forEach((id, i) => {
    const field = `personIds.${i}`;
    if (seen.has(id)) errors.push({ field, code: 'duplicate', message: 'named twice' });
    else if (!known.has(id)) errors.push({ field, code: 'notFound', message: 'no such person in this municipality' });
    else if (!present.has(id)) errors.push({ field, code: 'notPresent', message: 'an adjuster is a member present at the meeting' });
    seen.add(id);
  });
  if (errors.length) throw invalid(errors);
  await replaceAdjusters(tx, tenant.id, meeting.id, personIds);
  await meetingChanged(tx, { tenantId: tenant.id, at }, meeting.id);
  return { meetingId: meeting.id, adjusters: personIds.map((personId) => ({ personId, signedAt: null, signedBy: null })) };
}

/**
 * One adjuster's signature: given by the adjuster (a politician whose login is the person's
 * user_id) or recorded by the secretariat on their behalf, which the record says.
 */
export async function signMinutes(tx: Tx, tenant: TenantRef, meetingId: string, personId: string, principal: Principal, at: Date) {
  onlySweden(tenant);
  const meeting = await lockMeeting(tx, meetingId);
  if (!meeting) throw notFound(`meeting ${meetingId}`);
  const adjusters = await selectAdjusters(tx, meeting.id);
  const mine = adjusters.find((a) => a.person_id === personId);
  if (!mine) throw invalid([{ field: 'personId', code: 'notAdjuster', message: 'not an adjuster of these minutes' }]);
  const staff = principal.roles.some((r) => r === 'tenant-admin' || (r as string) === 'secretariat');
  if (!staff) {
    const [person] = await selectPersons(tx, [personId]);
    if (!person?.user_id || person.user_id !== principal.id || principal.kind !== 'user') throw forbidden('only the adjuster, or the secretariat on their behalf, signs for them');
  }
  if (meeting.minutes_status !== 'approved') throw conflict(meeting.minutes_status === 'adjusted' ? 'the minutes are adjusted already' : 'the minutes are not approved yet');
  if (mine.signed_at) throw conflict('this adjuster has signed already');

  const by = staff ? `${principal.kind}:${principal.id}:${principal.name} (on behalf)` : `${principal.kind}:${principal.id}:${principal.name}`;
  await signAdjuster(tx, meeting.id, personId, at, by);
  const waiting = adjusters.filter((a) => a.person_id !== personId && !a.signed_at).map((a) => a.person_id);
  let adjusted: { noticePostedOn: string; appealClosesOn: string } | undefined;
  if (!waiting.length) {
    const postedOn = dateIn(at, timeZoneOf(tenant));
    const closesOn = appealClosesOn(postedOn, await workingDayCalendar(tx, tenant));
    await updateMeeting(tx, meeting.id, { minutes_status: 'adjusted', minutes_adjusted_at: at, notice_posted_on: postedOn, appeal_closes_on: closesOn, updated_at: at });
    // Adjusted minutes are public in full: the diarium lists the PDF with the entry from now on.
    if (meeting.minutes_entry_id) {
      for (const d of await documentsForAccess(tx, meeting.minutes_entry_id)) await changeDocumentPublication(tx, { tenantId: tenant.id, actor: by, at }, d.documentId, { publishedInFull: true });
    }
    adjusted = { noticePostedOn: postedOn, appealClosesOn: closesOn };
  }
  await meetingChanged(tx, { tenantId: tenant.id, at }, meeting.id);
  return { meetingId: meeting.id, personId, signedAt: at.toISOString(), signedBy: by, waitingFor: waiting, minutesStatus: adjusted ? 'adjusted' as const : 'approved' as const, ...(adjusted ?? {}) };
}
