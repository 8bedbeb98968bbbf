// SPDX-License-Identifier: EUPL-1.2
// The access requests of the person logged in, for their My page (issue 9 §3): read as the requester
// (row-level security shows a login only the requests it made), of one municipality, newest first,
// each with its status, deadline and the link to follow it.
import type { AppContext } from '../platform/context.ts';
import { withoutTenant } from '../platform/db/transaction.ts';
import { statusKey, statusUrl } from './links.ts';
import { selectEntriesOf, selectVisibleRequests, type Outcome, type RequestStatus } from './repository.ts';
import { actAsRequester } from './requests.ts';

export interface MyAccessRequest {
  id: string;
  orderId: string;
  kind: 'request' | 'appeal';
  status: RequestStatus;
  outcome: Outcome | null;
  unitName: string | null;
  entries: number;
  createdAt: Date;
  receivedAt: Date | null;
  /** The last day to answer (a date in the municipality's time zone), once received. */
  deadline: string | null;
  decidedAt: Date | null;
  statusUrl: string;
}

/** Opens its own transaction: call it outside another (on PGlite a nested one would wait forever). */
export async function listMyAccessRequests(ctx: AppContext, tenantId: string, userId: string): Promise<MyAccessRequest[]> {
  const rows = await withoutTenant(ctx.db, async (tx) => {
    await actAsRequester(tx, { userId });
    const mine = (await selectVisibleRequests(tx)).filter((r) => r.tenant_id === tenantId && r.requester_user_id === userId);
    const entries = await selectEntriesOf(tx, mine.map((r) => r.id));
    return mine.map((r) => ({ row: r, entries: entries.filter((e) => e.request_id === r.id).length }));
  });
  const out: MyAccessRequest[] = [];
  for (const { row: r, entries } of rows.reverse()) {
    out.push({
      id: r.id, orderId: r.order_id, kind: r.kind, status: r.status, outcome: r.outcome, unitName: r.unit_name, entries, createdAt: r.created_at,
      receivedAt: r.received_at, deadline: r.deadline, decidedAt: r.decided_at, statusUrl: statusUrl(ctx.config, r.order_id, await statusKey(ctx.config, r.order_id)),
    });
  }
  return out;
}
