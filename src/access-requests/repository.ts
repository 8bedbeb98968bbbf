// SPDX-License-Identifier: EUPL-1.2
// The access-request tables (migration 0013). Staff read and write in their municipality's
// transaction; the requester reads through the hash of their secret link or their login
// (row-level security: withRequester), never anyone else's rows.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';

export type RequestStatus = 'unconfirmed' | 'received' | 'in-progress' | 'decided';
export type Outcome = 'granted' | 'partly-granted' | 'refused';

export interface RequestRow {
  id: string;
  tenant_id: string;
  order_id: string;
  key_hash: string;
  confirm_hash: string | null;
  requester_email: string | null;
  requester_user_id: string | null;
  requester_name: string | null;
  language: 'nb' | 'nn' | 'sv' | 'en';
  kind: 'request' | 'appeal';
  appeal_of: string | null;
  appeal_reason: string | null;
  source: 'web' | 'einnsyn';
  external_id: string | null;
  unit_id: string | null;
  unit_name: string | null;
  status: RequestStatus;
  received_at: Date | null;
  deadline: string | null;
  reminded_at: Date | null;
  outcome: Outcome | null;
  legal_basis: string | null;
  explanation: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  case_file_id: string | null;
  decision_entry_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RequestEntryRow {
  tenant_id: string;
  request_id: string;
  registry_entry_id: string;
  position: number;
  registry_number: string;
  document_number: string | null;
  case_number: string | null;
  public_title: string;
}

export interface RequestFileRow {
  id: string;
  tenant_id: string;
  request_id: string;
  registry_entry_id: string | null;
  variant: 'original' | 'redacted';
  file_name: string;
  mime_type: string;
  checksum: string;
  size: number | string;
  created_at: Date;
}

export interface ImportRow {
  id: string;
  tenant_id: string;
  format: 'v1' | 'v2';
  external_id: string | null;
  received_via: 'upload' | 'mail';
  lines: unknown;
  matched: number;
  unmatched: number;
  created_at: Date;
  created_by: string;
}

const requestColumns = sql`id, tenant_id, order_id, key_hash, confirm_hash, requester_email, requester_user_id, requester_name, language, kind, appeal_of,
  appeal_reason, source, external_id, unit_id, unit_name, status, received_at, deadline::text as deadline, reminded_at, outcome, legal_basis, explanation,
  decided_at, decided_by, case_file_id, decision_entry_id, created_at, updated_at`;

export async function insertRequest(tx: Tx, r: RequestRow): Promise<void> {
  await sql`insert into access_requests (id, tenant_id, order_id, key_hash, confirm_hash, requester_email, requester_user_id, requester_name, language, kind,
      appeal_of, appeal_reason, source, external_id, unit_id, unit_name, status, received_at, deadline, reminded_at, outcome, legal_basis, explanation,
      decided_at, decided_by, case_file_id, decision_entry_id, created_at, updated_at)
    values (${r.id}, ${r.tenant_id}, ${r.order_id}, ${r.key_hash}, ${r.confirm_hash}, ${r.requester_email}, ${r.requester_user_id}, ${r.requester_name},
      ${r.language}, ${r.kind}, ${r.appeal_of}, ${r.appeal_reason}, ${r.source}, ${r.external_id}, ${r.unit_id}, ${r.unit_name}, ${r.status},
      ${r.received_at}, ${r.deadline}, ${r.reminded_at}, ${r.outcome}, ${r.legal_basis}, ${r.explanation}, ${r.decided_at}, ${r.decided_by},
      ${r.case_file_id}, ${r.decision_entry_id}, ${r.created_at}, ${r.updated_at})`.execute(tx);
}

export async function insertRequestEntries(tx: Tx, rows: RequestEntryRow[]): Promise<void> {
  for (const e of rows)
    await sql`insert into access_request_entries (tenant_id, request_id, registry_entry_id, position, registry_number, document_number, case_number, public_title)
      values (${e.tenant_id}, ${e.request_id}, ${e.registry_entry_id}, ${e.position}, ${e.registry_number}, ${e.document_number}, ${e.case_number}, ${e.public_title})`.execute(tx);
}

export async function insertRequestFile(tx: Tx, f: RequestFileRow): Promise<void> {
  await sql`insert into access_request_files (id, tenant_id, request_id, registry_entry_id, variant, file_name, mime_type, checksum, size, created_at)
    values (${f.id}, ${f.tenant_id}, ${f.request_id}, ${f.registry_entry_id}, ${f.variant}, ${f.file_name}, ${f.mime_type}, ${f.checksum}, ${f.size}, ${f.created_at})`.execute(tx);
}

export async function selectRequest(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<RequestRow | undefined> {
  const lock = options.forUpdate ? sql`for update` : sql``;
  return (await sql<RequestRow>`select ${requestColumns} from access_requests where id = ${id}::uuid ${lock}`.execute(tx)).rows[0];
}

/** The requests the transaction may see (a municipality's, or the requester's), of one order or all. */
export async function selectVisibleRequests(tx: Tx, filter: { orderId?: string } = {}): Promise<RequestRow[]> {
  const where = filter.orderId ? sql`where order_id = ${filter.orderId}::uuid` : sql``;
  return (await sql<RequestRow>`select ${requestColumns} from access_requests ${where} order by created_at, id`.execute(tx)).rows;
}

export async function selectEntriesOf(tx: Tx, requestIds: readonly string[]): Promise<RequestEntryRow[]> {
  if (!requestIds.length) return [];
  return (await sql<RequestEntryRow>`select * from access_request_entries where request_id in (${sql.join(requestIds.map((id) => sql`${id}::uuid`))}) order by request_id, position`.execute(tx)).rows;
}

export async function selectFilesOf(tx: Tx, requestIds: readonly string[]): Promise<RequestFileRow[]> {
  if (!requestIds.length) return [];
  return (await sql<RequestFileRow>`select * from access_request_files where request_id in (${sql.join(requestIds.map((id) => sql`${id}::uuid`))}) order by request_id, created_at, id`.execute(tx)).rows;
}

export async function selectFile(tx: Tx, id: string): Promise<RequestFileRow | undefined> {
  return (await sql<RequestFileRow>`select * from access_request_files where id = ${id}::uuid`.execute(tx)).rows[0];
}

export async function updateRequest(tx: Tx, id: string, set: Partial<Pick<RequestRow, 'status' | 'confirm_hash' | 'received_at' | 'deadline' | 'reminded_at' | 'outcome' | 'legal_basis' | 'explanation' | 'decided_at' | 'decided_by' | 'case_file_id' | 'decision_entry_id'>> & { updated_at: Date }): Promise<void> {
  const parts = Object.entries(set).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
  await sql`update access_requests set ${sql.join(parts)} where id = ${id}::uuid`.execute(tx);
}

/** The unconfirmed requests of a confirmation token, in every municipality (read through the status key). */
export async function selectByConfirmHash(tx: Tx, confirmHash: string): Promise<RequestRow[]> {
  return (await sql<RequestRow>`select ${requestColumns} from access_requests where confirm_hash = ${confirmHash} order by created_at, id`.execute(tx)).rows;
}

export interface QueueFilter {
  unitIds?: readonly string[] | undefined;
  status: 'open' | 'decided' | 'all';
  today: string;
  limit: number;
  offset: number;
}

/** The staff queue: overdue first, then by deadline; unconfirmed requests are not work yet. */
export async function selectQueue(tx: Tx, q: QueueFilter): Promise<{ rows: RequestRow[]; total: number }> {
  const where = [sql`status <> 'unconfirmed'`];
  if (q.status === 'open') where.push(sql`status in ('received', 'in-progress')`);
  if (q.status === 'decided') where.push(sql`status = 'decided'`);
  if (q.unitIds) where.push(q.unitIds.length ? sql`unit_id in (${sql.join(q.unitIds.map((id) => sql`${id}::uuid`))})` : sql`false`);
  const condition = sql.join(where, sql` and `);
  const rows = await sql<RequestRow>`select ${requestColumns} from access_requests where ${condition}
    order by (status <> 'decided' and deadline < ${q.today}::date) desc, status = 'decided', deadline nulls last, received_at, id
    limit ${q.limit} offset ${q.offset}`.execute(tx);
  const count = await sql<{ n: string }>`select count(*)::text as n from access_requests where ${condition}`.execute(tx);
  return { rows: rows.rows, total: Number(count.rows[0]!.n) };
}

export async function insertImport(tx: Tx, row: ImportRow): Promise<void> {
  await sql`insert into access_order_imports (id, tenant_id, format, external_id, received_via, lines, matched, unmatched, created_at, created_by)
    values (${row.id}, ${row.tenant_id}, ${row.format}, ${row.external_id}, ${row.received_via}, ${JSON.stringify(row.lines)}::jsonb, ${row.matched},
      ${row.unmatched}, ${row.created_at}, ${row.created_by})`.execute(tx);
}

/** The public journal's row of each entry (public values only), read under radhus_public. */
export async function selectPublicEntries(tx: Tx, ids: readonly string[]): Promise<{ id: string; tenant_id: string; registry_number: string; document_number: string; case_number: string; public_title: string }[]> {
  if (!ids.length) return [];
  return (
    await sql<{ id: string; tenant_id: string; registry_number: string; document_number: string; case_number: string; public_title: string }>`
      select id, tenant_id, registry_number, document_number, case_number, public_title from public_registry_entries
      where id in (${sql.join(ids.map((id) => sql`${id}::uuid`))})`.execute(tx)
  ).rows;
}

/** The public title of one entry (imports take titles from the public journal too, never from the archive). */
export async function selectPublicTitle(tx: Tx, id: string): Promise<string | undefined> {
  return (await sql<{ public_title: string }>`select public_title from public_registry_entries where id = ${id}::uuid`.execute(tx)).rows[0]?.public_title;
}

export async function selectPublicTenants(tx: Tx, ids: readonly string[]): Promise<{ id: string; slug: string; name: string; country: 'NO' | 'SE'; language: 'nb' | 'nn' | 'sv' | 'en' }[]> {
  if (!ids.length) return [];
  return (await sql<{ id: string; slug: string; name: string; country: 'NO' | 'SE'; language: 'nb' | 'nn' | 'sv' | 'en' }>`
    select id, slug, name, country, language from public_tenants where id in (${sql.join(ids.map((id) => sql`${id}::uuid`))})`.execute(tx)).rows;
}

export interface MonthRow {
  month: string;
  received: number;
  decided: number;
  in_time: number;
  median_seconds: number | string | null;
}

/** Per month of receipt: requests received, decided, decided by their deadline, median time to decide. */
export async function selectMonthlyStatistics(tx: Tx, timeZone: string): Promise<MonthRow[]> {
  return (
    await sql<MonthRow>`
      select to_char(received_at at time zone ${timeZone}, 'YYYY-MM') as month, count(*)::int as received,
        count(*) filter (where status = 'decided')::int as decided,
        count(*) filter (where status = 'decided' and (decided_at at time zone ${timeZone})::date <= deadline)::int as in_time,
        percentile_cont(0.5) within group (order by extract(epoch from decided_at - received_at)) filter (where status = 'decided') as median_seconds
      from access_requests where status <> 'unconfirmed' and received_at is not null group by 1 order by 1`.execute(tx)
  ).rows;
}
