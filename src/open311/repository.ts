// SPDX-License-Identifier: EUPL-1.2
// The Open311 tables (migration 0021): the municipality's API keys and the reports filed with them.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';

export interface KeyRow {
  id: string;
  tenant_id: string;
  name: string;
  key_hash: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

export interface RequestRow {
  id: string;
  tenant_id: string;
  key_id: string;
  service_code: string;
  case_file_id: string;
  lat: number | null;
  long: number | null;
  address: string | null;
  description: string | null;
  requested_at: Date;
}

export interface RequestFilter {
  ids?: string[] | undefined;
  serviceCode?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
}

export async function insertKey(tx: Tx, row: KeyRow): Promise<void> {
  await sql`insert into open311_keys (id, tenant_id, name, key_hash, created_by, created_at, revoked_at)
    values (${row.id}, ${row.tenant_id}, ${row.name}, ${row.key_hash}, ${row.created_by}, ${row.created_at}, null)`.execute(tx);
}

export async function selectKeys(tx: Tx): Promise<KeyRow[]> {
  return (await sql<KeyRow>`select * from open311_keys order by created_at, id`.execute(tx)).rows;
}

/** An active key of the municipality of this transaction. */
export async function selectActiveKey(tx: Tx, keyHash: string): Promise<KeyRow | undefined> {
  return (await sql<KeyRow>`select * from open311_keys where key_hash = ${keyHash} and revoked_at is null`.execute(tx)).rows[0];
}

export async function revokeKeyRow(tx: Tx, id: string, at: Date): Promise<boolean> {
  const result = await sql`update open311_keys set revoked_at = ${at} where id = ${id}::uuid and revoked_at is null`.execute(tx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function insertRequest(tx: Tx, row: RequestRow): Promise<void> {
  await sql`insert into open311_requests (id, tenant_id, key_id, service_code, case_file_id, lat, long, address, description, requested_at)
    values (${row.id}, ${row.tenant_id}, ${row.key_id}, ${row.service_code}, ${row.case_file_id}, ${row.lat}, ${row.long}, ${row.address}, ${row.description}, ${row.requested_at})`.execute(tx);
}

export async function selectRequests(tx: Tx, f: RequestFilter): Promise<RequestRow[]> {
  const conditions = [sql`true`];
  if (f.from) conditions.push(sql`requested_at >= ${f.from}`);
  if (f.to) conditions.push(sql`requested_at <= ${f.to}`);
  if (f.ids) conditions.push(sql`id = any(${f.ids}::uuid[])`);
  if (f.serviceCode) conditions.push(sql`service_code = ${f.serviceCode}`);
  return (await sql<RequestRow>`select * from open311_requests where ${sql.join(conditions, sql` and `)} order by requested_at desc, id limit ${f.limit}`.execute(tx)).rows;
}

export async function selectRequest(tx: Tx, id: string): Promise<RequestRow | undefined> {
  return (await sql<RequestRow>`select * from open311_requests where id = ${id}::uuid`.execute(tx)).rows[0];
}
