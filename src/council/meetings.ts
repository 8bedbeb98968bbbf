// SPDX-License-Identifier: EUPL-1.2
// Meetings (issue 10 §1–§2): the meeting plan, the summons with the Norwegian publication rule
// (agenda and case papers public `publish_days_before` days ahead; summoning later is refused
// unless the request says it is late, and then they are public at once), cancellation, holding
// the meeting, and attendance. Every change tells the projection (`council.meeting.changed`).
import type { Tx } from '../platform/db/transaction.ts';
import { conflict, notFound, type FieldError } from '../platform/http/problem.ts';
import { isUuid, newId } from '../platform/ids.ts';
import { writeEvent } from '../platform/outbox.ts';
import { scheduleJob } from '../platform/jobs/store.ts';
import { refuse, type CouncilCtx } from './roster.ts';
import { selectBody, selectTermOn } from './roster-repository.ts';
import * as repo from './meetings-repository.ts';

export const PUBLISH_AGENDA_JOB = 'council.publish-agenda';
const DAY_MS = 86_400_000;

/** The one event of anything about a meeting: the projection re-projects the whole meeting. */
export const meetingChanged = (tx: Tx, c: Pick<CouncilCtx, 'tenantId' | 'at'>, meetingId: string) =>
  writeEvent(tx, { tenantId: c.tenantId, type: 'council.meeting.changed', aggregateType: 'council-meeting', aggregateId: meetingId, payload: { meetingId }, at: c.at });

export async function meetingOrThrow(tx: Tx, id: string): Promise<repo.MeetingRow> {
  const m = isUuid(id) ? await repo.selectMeeting(tx, id) : undefined;
  if (!m) throw notFound(`meeting ${id}`);
  return m;
}

const urlProblem = (v: string | null | undefined): boolean => {
  if (v === null || v === undefined) return false;
  try {
    return !['https:', 'http:'].includes(new URL(v).protocol);
  } catch {
    return true;
  }
};

export interface MeetingInput { bodyId: string; startsAt: string; endsAt?: string | null; location?: string | null; open?: boolean }

export async function createMeeting(tx: Tx, c: CouncilCtx, input: MeetingInput): Promise<repo.MeetingRow> {
  const errors: FieldError[] = [];
  const body = isUuid(input.bodyId) ? await selectBody(tx, input.bodyId) : undefined;
  if (!body) errors.push({ field: 'bodyId', code: 'notFound', message: 'no such body in this municipality' });
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt < startsAt) errors.push({ field: 'endsAt', code: 'outOfRange', message: 'must not be before startsAt' });
  refuse(errors);
  const term = await selectTermOn(tx, startsAt.toISOString().slice(0, 10));
  const row: repo.MeetingRow = {
    id: newId(), tenant_id: c.tenantId, body_id: input.bodyId, term_id: term?.id ?? null, starts_at: startsAt, ends_at: endsAt,
    location: input.location?.trim() || null, status: 'planned', open: input.open ?? true, summoned_at: null, agenda_public_from: null,
    live_stream_url: null, recording_url: null, minutes_status: 'none', minutes_entry_id: null, minutes_approved_at: null, minutes_approved_by: null,
    minutes_adjusted_at: null, notice_posted_on: null, appeal_closes_on: null, current_item_id: null, created_at: c.at, updated_at: c.at,
  };
  await repo.insertMeeting(tx, row);
  await meetingChanged(tx, c, row.id);
  return row;
}

export interface MeetingChanges { startsAt?: string; endsAt?: string | null; location?: string | null; open?: boolean; liveStreamUrl?: string | null; recordingUrl?: string | null }

export async function updateMeeting(tx: Tx, c: CouncilCtx, id: string, input: MeetingChanges): Promise<repo.MeetingRow> {
  const m = await meetingOrThrow(tx, id);
  if (m.status === 'cancelled') throw conflict('the meeting is cancelled');
  const errors: FieldError[] = [];
  const startsAt = input.startsAt !== undefined ? new Date(input.startsAt) : m.starts_at;
  const endsAt = input.endsAt !== undefined ? (input.endsAt ? new Date(input.endsAt) : null) : m.ends_at;
  if (endsAt && endsAt < startsAt) errors.push({ field: input.endsAt !== undefined ? 'endsAt' : 'startsAt', code: 'outOfRange', message: 'the meeting must not end before it starts' });
  if (urlProblem(input.liveStreamUrl)) errors.push({ field: 'liveStreamUrl', code: 'invalidFormat', message: 'an http(s) address' });
  if (urlProblem(input.recordingUrl)) errors.push({ field: 'recordingUrl', code: 'invalidFormat', message: 'an http(s) address' });
  if (input.startsAt !== undefined && m.status !== 'planned') errors.push({ field: 'startsAt', code: 'notAllowed', message: 'the meeting is summoned: cancel it and plan a new one to move it' });
  refuse(errors);
  const changes: Partial<repo.MeetingRow> = { updated_at: c.at, starts_at: startsAt, ends_at: endsAt };
  if (input.location !== undefined) changes.location = input.location?.trim() || null;
  if (input.open !== undefined) changes.open = input.open;
  if (input.liveStreamUrl !== undefined) changes.live_stream_url = input.liveStreamUrl;
  if (input.recordingUrl !== undefined) changes.recording_url = input.recordingUrl;
  await repo.updateMeetingRow(tx, id, changes);
  await meetingChanged(tx, c, id);
  return { ...m, ...changes };
}

export interface SummonsResult { meeting: repo.MeetingRow; late: boolean; publicFrom: Date }

/**
 * Sends the summons. Norway (kommuneloven § 11-3, the body's setting): the agenda and papers are
 * public `publish_days_before` days before the meeting; a summons after that day is late and is
 * refused (409) unless the request says `late` — then everything is public at once. Sweden: the
 * agenda is public with the summons and the meeting is posted on the notice board.
 */
export async function publishSummons(tx: Tx, c: CouncilCtx & { country: 'NO' | 'SE' }, id: string, input: { late?: boolean }): Promise<SummonsResult> {
  const m = await meetingOrThrow(tx, id);
  if (m.status !== 'planned') throw conflict(`the meeting is ${m.status}: a summons is sent once, to a planned meeting`);
  const body = (await selectBody(tx, m.body_id))!;
  const due = new Date(m.starts_at.getTime() - body.publish_days_before * DAY_MS);
  const late = c.country === 'NO' && c.at > due;
  if (late && input.late !== true)
    throw conflict(`the agenda had to be public by ${due.toISOString()} (${body.publish_days_before} days before the meeting): send {"late": true} to summon late; the agenda and papers are then public at once`, [
      { field: 'late', code: 'required', message: 'the summons is late: say so' },
    ]);
  const publicFrom = c.country === 'NO' && !late ? due : c.at;
  const changes: Partial<repo.MeetingRow> = { status: 'summoned', summoned_at: c.at, agenda_public_from: publicFrom, updated_at: c.at };
  await repo.updateMeetingRow(tx, id, changes);
  if (publicFrom > c.at)
    await scheduleJob(tx, { type: PUBLISH_AGENDA_JOB, tenantId: c.tenantId, runAt: publicFrom, payload: { meetingId: id }, key: `${PUBLISH_AGENDA_JOB}:${id}:${publicFrom.toISOString()}` });
  await meetingChanged(tx, c, id);
  return { meeting: { ...m, ...changes }, late, publicFrom };
}

export async function cancelMeeting(tx: Tx, c: CouncilCtx, id: string): Promise<repo.MeetingRow> {
  const m = await meetingOrThrow(tx, id);
  if (m.status === 'held' || m.status === 'cancelled') throw conflict(`the meeting is ${m.status}`);
  const changes: Partial<repo.MeetingRow> = { status: 'cancelled', updated_at: c.at };
  await repo.updateMeetingRow(tx, id, changes);
  await meetingChanged(tx, c, id);
  return { ...m, ...changes };
}

export async function markHeld(tx: Tx, c: CouncilCtx, id: string): Promise<repo.MeetingRow> {
  const m = await meetingOrThrow(tx, id);
  if (m.status !== 'summoned') throw conflict(m.status === 'planned' ? 'the meeting was never summoned' : `the meeting is ${m.status}`);
  if (m.starts_at > c.at) throw conflict(`the meeting starts ${m.starts_at.toISOString()}: it is not held yet`);
  const changes: Partial<repo.MeetingRow> = { status: 'held', minutes_status: m.minutes_status === 'none' ? 'draft' : m.minutes_status, updated_at: c.at };
  await repo.updateMeetingRow(tx, id, changes);
  await meetingChanged(tx, c, id);
  return { ...m, ...changes };
}

export interface AttendanceEntry { personId: string; status: 'present' | 'absent'; substituteFor?: string | null }

/** Replaces the meeting's attendance: each person must hold a seat or a substitute place in the body. */
export async function recordAttendance(tx: Tx, c: CouncilCtx, id: string, entries: AttendanceEntry[]): Promise<repo.AttendanceRow[]> {
  const m = await meetingOrThrow(tx, id);
  if (m.status === 'cancelled') throw conflict('the meeting is cancelled');
  const seats = await repo.seatsOn(tx, m.body_id, m.starts_at.toISOString().slice(0, 10));
  const seated = new Map(seats.map((s) => [s.person_id, s]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const seat = seated.get(e.personId);
    if (!seat) errors.push({ field: `entries.${i}.personId`, code: 'notFound', message: 'not a member or substitute of this body on the meeting day' });
    if (seen.has(e.personId)) errors.push({ field: `entries.${i}.personId`, code: 'duplicate', message: 'listed twice' });
    seen.add(e.personId);
    if (e.substituteFor) {
      const member = seated.get(e.substituteFor);
      if (!member || member.role === 'substitute') errors.push({ field: `entries.${i}.substituteFor`, code: 'notFound', message: 'not a member of this body' });
      if (seat && seat.role !== 'substitute') errors.push({ field: `entries.${i}.substituteFor`, code: 'notAllowed', message: 'only a substitute meets for a member' });
      if (e.status !== 'present') errors.push({ field: `entries.${i}.substituteFor`, code: 'notAllowed', message: 'a substitute who is absent meets for nobody' });
    }
  });
  refuse(errors);
  const rows: repo.AttendanceRow[] = entries.map((e) => ({ tenant_id: c.tenantId, meeting_id: id, person_id: e.personId, status: e.status, substitute_for: e.substituteFor ?? null, reported_at: e.status === 'absent' ? c.at : null }));
  await repo.replaceAttendance(tx, id, rows);
  await meetingChanged(tx, c, id);
  return rows;
}

export async function listMeetings(tx: Tx, f: Parameters<typeof repo.selectMeetings>[1]): Promise<repo.MeetingRow[]> {
  if (f.bodyId && !(isUuid(f.bodyId) && (await selectBody(tx, f.bodyId)))) throw notFound(`council body ${f.bodyId}`);
  return repo.selectMeetings(tx, f);
}
