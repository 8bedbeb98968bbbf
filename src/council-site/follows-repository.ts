// SPDX-License-Identifier: EUPL-1.2
// council_follows and council_follow_mails (migration 0026), in the municipality's tenant transaction.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';

export type FollowKind = 'body' | 'case' | 'person' | 'keyword';
export const FOLLOW_KINDS: readonly FollowKind[] = ['body', 'case', 'person', 'keyword'];

export interface FollowRow {
  id: string;
  tenant_id: string;
  email: string;
  language: 'nb' | 'nn' | 'sv' | 'en';
  kind: FollowKind;
  target: string;
  secret: string;
  status: 'unconfirmed' | 'active' | 'cancelled';
  created_at: Date;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
}

export async function insertFollow(tx: Tx, f: FollowRow): Promise<void> {
  await sql`insert into council_follows (id, tenant_id, email, language, kind, target, secret, status, created_at)
    values (${f.id}::uuid, ${f.tenant_id}::uuid, ${f.email}, ${f.language}, ${f.kind}, ${f.target}, ${f.secret}, ${f.status}, ${f.created_at})`.execute(tx);
}

export async function selectFollow(tx: Tx, id: string): Promise<FollowRow | undefined> {
  return (await sql<FollowRow>`select * from council_follows where id = ${id}::uuid for update`.execute(tx)).rows[0];
}

export async function activeFollows(tx: Tx): Promise<FollowRow[]> {
  return (await sql<FollowRow>`select * from council_follows where status = 'active' order by created_at, id`.execute(tx)).rows;
}

export async function setFollowStatus(tx: Tx, id: string, status: 'active' | 'cancelled', at: Date): Promise<void> {
  await sql`update council_follows set status = ${status},
      confirmed_at = case when ${status} = 'active' then ${at}::timestamptz else confirmed_at end,
      cancelled_at = case when ${status} = 'cancelled' then ${at}::timestamptz else cancelled_at end
    where id = ${id}::uuid`.execute(tx);
}

/** True the first time only: the key (follow, meeting, stage) makes a second mail impossible. */
export async function claimFollowMail(tx: Tx, tenantId: string, followId: string, meetingId: string, stage: 'agenda' | 'minutes', at: Date): Promise<boolean> {
  const rows = await sql`insert into council_follow_mails (tenant_id, follow_id, meeting_id, stage, sent_at)
    values (${tenantId}::uuid, ${followId}::uuid, ${meetingId}::uuid, ${stage}, ${at}) on conflict do nothing returning follow_id`.execute(tx);
  return rows.rows.length === 1;
}
