// SPDX-License-Identifier: EUPL-1.2
// The journal_alerts table, read and written in the municipality's tenant transaction.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';

export interface AlertRow {
  id: string;
  tenant_id: string;
  email: string;
  language: 'nb' | 'nn' | 'sv' | 'en';
  search: Record<string, string>;
  secret: string;
  status: 'unconfirmed' | 'active' | 'cancelled';
  created_at: Date;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  last_published_at: Date | null;
}

export async function insertAlert(tx: Tx, a: AlertRow): Promise<void> {
  await sql`insert into journal_alerts (id, tenant_id, email, language, search, secret, status, created_at)
    values (${a.id}::uuid, ${a.tenant_id}::uuid, ${a.email}, ${a.language}, ${JSON.stringify(a.search)}::jsonb, ${a.secret}, ${a.status}, ${a.created_at})`.execute(tx);
}

export async function selectAlert(tx: Tx, id: string): Promise<AlertRow | undefined> {
  const row = (await sql<AlertRow>`select * from journal_alerts where id = ${id}::uuid for update`.execute(tx)).rows[0];
  return row && { ...row, search: typeof row.search === 'string' ? (JSON.parse(row.search) as Record<string, string>) : row.search };
}

export async function updateAlert(tx: Tx, id: string, set: { status?: AlertRow['status']; confirmed_at?: Date; cancelled_at?: Date; last_published_at?: Date }): Promise<void> {
  await sql`update journal_alerts set
      status = coalesce(${set.status ?? null}, status),
      confirmed_at = coalesce(${set.confirmed_at ?? null}::timestamptz, confirmed_at),
      cancelled_at = coalesce(${set.cancelled_at ?? null}::timestamptz, cancelled_at),
      last_published_at = coalesce(${set.last_published_at ?? null}::timestamptz, last_published_at)
    where id = ${id}::uuid`.execute(tx);
}

/** The municipalities, read under withPublic (an alert's link names no municipality). */
export async function selectPublicTenants(tx: Tx): Promise<{ id: string; slug: string; name: string }[]> {
  return (await sql<{ id: string; slug: string; name: string }>`select id, slug, name from public_tenants order by slug`.execute(tx)).rows;
}
