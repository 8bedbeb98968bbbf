// SPDX-License-Identifier: EUPL-1.2
// consultations and consultation_comments (migration 0028) in the municipality's tenant
// transaction, and their public projection (public_consultations, public_consultation_comments):
// written under radhus_app by the consumer, read under radhus_public by the public API and pages.
import { sql } from 'kysely';
import { tables, type Tx } from '../platform/db/transaction.ts';
import type { ConsultationCommentsTable, ConsultationsTable, ConsultationTables, PublicConsultationCommentsTable, PublicConsultationsTable } from './tables.ts';

const db = (tx: Tx) => tables<ConsultationTables>(tx);

export type ConsultationRow = ConsultationsTable;
export type CommentRow = ConsultationCommentsTable;
export type PublicConsultationRow = PublicConsultationsTable;
export type PublicCommentRow = PublicConsultationCommentsTable;

export async function insertConsultation(tx: Tx, row: ConsultationRow): Promise<void> {
  await sql`insert into consultations (id, tenant_id, case_file_id, title, description, opens_at, deadline, document_entry_ids, comments_published_at, created_by, created_at, updated_at)
    values (${row.id}::uuid, ${row.tenant_id}::uuid, ${row.case_file_id}::uuid, ${row.title}, ${row.description}, ${row.opens_at}, ${row.deadline},
      ${sql.val(row.document_entry_ids)}::uuid[], ${row.comments_published_at}, ${row.created_by}, ${row.created_at}, ${row.updated_at})`.execute(tx);
}

export async function updateConsultation(tx: Tx, id: string, patch: Partial<Pick<ConsultationRow, 'title' | 'description' | 'deadline' | 'document_entry_ids' | 'comments_published_at'>> & { updated_at: Date }): Promise<void> {
  const { document_entry_ids: ids, ...rest } = patch;
  await db(tx).updateTable('consultations').set(rest).where('id', '=', id).execute();
  if (ids) await sql`update consultations set document_entry_ids = ${sql.val(ids)}::uuid[] where id = ${id}::uuid`.execute(tx);
}

export async function selectConsultation(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ConsultationRow | undefined> {
  let q = db(tx).selectFrom('consultations').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listConsultations(tx: Tx, filter: { caseFileId?: string | undefined }): Promise<ConsultationRow[]> {
  let q = db(tx).selectFrom('consultations').selectAll();
  if (filter.caseFileId) q = q.where('case_file_id', '=', filter.caseFileId);
  return q.orderBy('deadline', 'desc').orderBy('id', 'desc').limit(500).execute();
}

export async function consultationsOfCase(tx: Tx, caseFileId: string): Promise<string[]> {
  return (await db(tx).selectFrom('consultations').select('id').where('case_file_id', '=', caseFileId).execute()).map((r) => r.id);
}

export async function consultationOfEntry(tx: Tx, entryId: string): Promise<string | undefined> {
  return (await db(tx).selectFrom('consultation_comments').select('consultation_id').where('registry_entry_id', '=', entryId).executeTakeFirst())?.consultation_id;
}

export async function allConsultationIds(tx: Tx): Promise<string[]> {
  return (await db(tx).selectFrom('consultations').select('id').orderBy('id').execute()).map((r) => r.id);
}

/** Comments counted by status, per consultation. */
export async function commentCounts(tx: Tx, ids: readonly string[]): Promise<Map<string, { filed: number; unconfirmed: number }>> {
  const result = new Map<string, { filed: number; unconfirmed: number }>();
  if (!ids.length) return result;
  const rows = await sql<{ consultation_id: string; filed: number; unconfirmed: number }>`
    select consultation_id, count(*) filter (where status = 'filed')::int as filed, count(*) filter (where status = 'unconfirmed')::int as unconfirmed
    from consultation_comments where consultation_id in (${sql.join(ids)}) group by consultation_id`.execute(tx);
  for (const r of rows.rows) result.set(r.consultation_id, { filed: r.filed, unconfirmed: r.unconfirmed });
  return result;
}

export async function insertComment(tx: Tx, row: CommentRow): Promise<void> {
  await db(tx).insertInto('consultation_comments').values(row).execute();
}

export async function selectComments(tx: Tx, consultationId: string): Promise<CommentRow[]> {
  return db(tx).selectFrom('consultation_comments').selectAll().where('consultation_id', '=', consultationId).orderBy('submitted_at').orderBy('id').execute();
}

export async function selectCommentByHash(tx: Tx, hash: string): Promise<CommentRow | undefined> {
  return db(tx).selectFrom('consultation_comments').selectAll().where('confirm_hash', '=', hash).forUpdate().executeTakeFirst();
}

export async function markFiled(tx: Tx, id: string, registryEntryId: string, at: Date): Promise<void> {
  await db(tx).updateTable('consultation_comments').set({ status: 'filed', registry_entry_id: registryEntryId, filed_at: at }).where('id', '=', id).execute();
}

/**
 * Marks the consultation's unconfirmed comments expired once its deadline has passed (read in the
 * statement, not locked: a confirmation holds its comment's lock, then the consultation's, so this
 * takes no lock on the consultation and waits only on comments). Returns how many expired.
 */
export async function expireUnconfirmed(tx: Tx, consultationId: string, now: Date): Promise<number> {
  const result = await sql`update consultation_comments set status = 'expired'
    where consultation_id = ${consultationId}::uuid and status = 'unconfirmed'
      and (select deadline from consultations where id = ${consultationId}::uuid) <= ${now}::timestamptz`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

// ---- the public projection (radhus_app writes, radhus_public reads)

export async function upsertPublicConsultation(tx: Tx, row: PublicConsultationRow): Promise<void> {
  await sql`insert into public_consultations (id, tenant_id, case_file_id, case_number, title, description, opens_at, deadline, document_entry_ids, comments_published_at, comment_count, case_closed_at, created_at, updated_at)
    values (${row.id}::uuid, ${row.tenant_id}::uuid, ${row.case_file_id}::uuid, ${row.case_number}, ${row.title}, ${row.description}, ${row.opens_at}, ${row.deadline},
      ${sql.val(row.document_entry_ids)}::uuid[], ${row.comments_published_at}, ${row.comment_count}, ${row.case_closed_at}, ${row.created_at}, ${row.updated_at})
    on conflict (id) do update set case_number = excluded.case_number, title = excluded.title, description = excluded.description, opens_at = excluded.opens_at,
      deadline = excluded.deadline, document_entry_ids = excluded.document_entry_ids, comments_published_at = excluded.comments_published_at,
      comment_count = excluded.comment_count, case_closed_at = excluded.case_closed_at, updated_at = excluded.updated_at`.execute(tx);
}

/** The public comments of a consultation become exactly these (the others are deleted). */
export async function replacePublicComments(tx: Tx, consultationId: string, rows: readonly PublicCommentRow[]): Promise<void> {
  await db(tx).deleteFrom('public_consultation_comments').where('consultation_id', '=', consultationId).execute();
  if (rows.length) await db(tx).insertInto('public_consultation_comments').values([...rows]).execute();
}

export async function deleteAllPublic(tx: Tx): Promise<void> {
  await db(tx).deleteFrom('public_consultation_comments').execute();
  await db(tx).deleteFrom('public_consultations').execute();
}

export async function listPublicConsultations(tx: Tx, tenantId: string, filter: { status?: 'open' | 'closed' | undefined; now: Date; limit: number }): Promise<PublicConsultationRow[]> {
  let q = db(tx).selectFrom('public_consultations').selectAll().where('tenant_id', '=', tenantId);
  // Ended at its deadline or when its case was closed, whichever came first (0030).
  if (filter.status === 'open') q = q.where('deadline', '>', filter.now).where('case_closed_at', 'is', null);
  if (filter.status === 'closed') q = q.where((w) => w.or([w('deadline', '<=', filter.now), w('case_closed_at', 'is not', null)]));
  return q.orderBy('deadline', filter.status === 'closed' ? 'desc' : 'asc').orderBy('id').limit(filter.limit).execute();
}

export async function findPublicConsultation(tx: Tx, tenantId: string, id: string): Promise<PublicConsultationRow | undefined> {
  return db(tx).selectFrom('public_consultations').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function listPublicComments(tx: Tx, tenantId: string, consultationId: string): Promise<PublicCommentRow[]> {
  return db(tx).selectFrom('public_consultation_comments').selectAll().where('tenant_id', '=', tenantId).where('consultation_id', '=', consultationId).orderBy('received_at').orderBy('id').execute();
}
