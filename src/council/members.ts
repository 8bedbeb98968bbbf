// SPDX-License-Identifier: EUPL-1.2
// What happens in a meeting room that the members' side (src/council-workspace) asks the council
// for (issue 11 §3–§4): the item under discussion now, set by the secretariat, and a member's own
// absence or a substitute's acceptance written to the attendance. The council owns these rows, so
// they are written here and every change tells the projection through `meetingChanged`.
import type { Tx } from '../platform/db/transaction.ts';
import { conflict } from '../platform/http/problem.ts';
import { isUuid } from '../platform/ids.ts';
import { refuse, type CouncilCtx } from './roster.ts';
import { meetingChanged, meetingOrThrow } from './meetings.ts';
import * as repo from './meetings-repository.ts';

/** Sets (or clears, with null) the item now under discussion; an item of another meeting is refused. */
export async function setCurrentAgendaItem(tx: Tx, c: CouncilCtx, meetingId: string, itemId: string | null): Promise<repo.MeetingRow> {
  const m = await meetingOrThrow(tx, meetingId);
  if (m.status === 'cancelled') throw conflict('the meeting is cancelled');
  if (itemId !== null) {
    const item = isUuid(itemId) ? await repo.selectItem(tx, itemId) : undefined;
    refuse(item && item.meeting_id === meetingId ? [] : [{ field: 'itemId', code: 'notFound', message: 'no such item on this meeting' }]);
  }
  const changes: Partial<repo.MeetingRow> = { current_item_id: itemId, updated_at: c.at };
  await repo.updateMeetingRow(tx, meetingId, changes);
  await meetingChanged(tx, c, meetingId);
  return { ...m, ...changes };
}

/**
 * One person's attendance row, written alone (the secretariat's recordAttendance replaces the whole
 * list later, at the meeting): an absence the member reported (reported_at is when), or a called
 * substitute who accepted and meets for the absent member.
 */
export async function markAttendance(tx: Tx, c: CouncilCtx, meetingId: string, entry: { personId: string; status: 'present' | 'absent'; substituteFor?: string | null; reported?: boolean }): Promise<void> {
  await repo.upsertAttendance(tx, { tenant_id: c.tenantId, meeting_id: meetingId, person_id: entry.personId, status: entry.status, substitute_for: entry.substituteFor ?? null, reported_at: entry.reported ? c.at : null });
  await meetingChanged(tx, c, meetingId);
}
