// SPDX-License-Identifier: EUPL-1.2
// The staff queue (listAccessRequests): a municipality's access requests, the caller's units'
// or all, overdue first, then by deadline; and taking one to work on (received → in progress).
import type { Tx } from '../platform/db/transaction.ts';
import { conflict, invalid, notFound } from '../platform/http/problem.ts';
import { isUuid } from '../platform/ids.ts';
import { writeEvent } from '../platform/outbox.ts';
import { selectEntriesOf, selectFilesOf, selectMonthlyStatistics, selectQueue, selectRequest, updateRequest, type RequestEntryRow, type RequestFileRow, type RequestRow } from './repository.ts';

export interface QueueItem extends RequestRow {
  entries: RequestEntryRow[];
  files: RequestFileRow[];
  overdue: boolean;
}

const offsetOf = (cursor: string | undefined): number => {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw invalid([{ field: 'cursor', code: 'invalidCursor', message: 'is not a cursor from a previous page; start again without it' }]);
  return Number(match[1]);
};

export async function listAccessRequests(tx: Tx, q: { unitIds?: readonly string[] | undefined; status: 'open' | 'decided' | 'all'; today: string; limit: number; cursor?: string | undefined }) {
  const offset = offsetOf(q.cursor);
  const page = await selectQueue(tx, { unitIds: q.unitIds, status: q.status, today: q.today, limit: q.limit + 1, offset });
  const rows = page.rows.slice(0, q.limit);
  const ids = rows.map((r) => r.id);
  const [entries, files] = [await selectEntriesOf(tx, ids), await selectFilesOf(tx, ids)];
  const items: QueueItem[] = rows.map((r) => ({
    ...r,
    entries: entries.filter((e) => e.request_id === r.id),
    files: files.filter((f) => f.request_id === r.id),
    overdue: r.status !== 'decided' && r.deadline !== null && r.deadline < q.today,
  }));
  return { items, total: page.total, nextCursor: page.rows.length > q.limit ? Buffer.from(`o:${offset + q.limit}`).toString('base64url') : null };
}

/** An officer takes the request: the requester sees "in progress". Taking it again changes nothing. */
export async function startAccessRequest(tx: Tx, requestId: string, at: Date): Promise<RequestRow> {
  const request = isUuid(requestId) ? await selectRequest(tx, requestId, { forUpdate: true }) : undefined;
  if (!request || request.status === 'unconfirmed') throw notFound(`access request ${requestId}`);
  if (request.status === 'decided') throw conflict('the request is decided already');
  if (request.status === 'in-progress') return request;
  await updateRequest(tx, request.id, { status: 'in-progress', updated_at: at });
  await writeEvent(tx, { tenantId: request.tenant_id, type: 'access-request.started', aggregateType: 'access-request', aggregateId: request.id, payload: {}, at });
  return { ...request, status: 'in-progress', updated_at: at };
}

/**
 * The transparency statistics of a municipality's access requests (issue 7 §3), per month of
 * receipt: received, answered, the share answered within the deadline, and the median answer time
 * in hours. Counts only: nothing about who asked or what.
 */
export async function accessRequestStatistics(tx: Tx, country: 'NO' | 'SE') {
  const rows = await selectMonthlyStatistics(tx, country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo');
  return rows.map((r) => ({
    month: r.month,
    received: r.received,
    answered: r.decided,
    answeredInTime: r.in_time,
    shareInTime: r.decided ? r.in_time / r.decided : null,
    medianHours: r.median_seconds === null ? null : Math.round((Number(r.median_seconds) / 3600) * 10) / 10,
  }));
}
