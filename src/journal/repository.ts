// SPDX-License-Identifier: EUPL-1.2
// The public projection tables (migration 0005), written only from the archive's public view, so
// they never hold a screened value. Every write is an upsert or a delete: handling an event twice,
// or replaying all of them, gives the same rows.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import type { PublicCaseFileView, PublicEntryView } from '../archive/service.ts';

export async function upsertCaseFile(tx: Tx, c: PublicCaseFileView): Promise<void> {
  await sql`insert into public_case_files (id, tenant_id, case_number, case_year, case_sequence, public_title, status, case_date, responsible_unit, updated_at)
    values (${c.id}, ${c.tenantId}, ${c.caseNumber}, ${c.caseYear}, ${c.caseSequence}, ${c.publicTitle}, ${c.status}, ${c.caseDate}, ${c.responsibleUnit}, ${c.updatedAt})
    on conflict (id) do update set case_number = excluded.case_number, case_year = excluded.case_year, case_sequence = excluded.case_sequence,
      public_title = excluded.public_title, status = excluded.status, case_date = excluded.case_date,
      responsible_unit = excluded.responsible_unit, updated_at = excluded.updated_at`.execute(tx);
}

export async function upsertEntry(tx: Tx, e: PublicEntryView): Promise<void> {
  await sql`insert into public_registry_entries (id, tenant_id, case_file_id, registry_number, entry_year, entry_sequence, document_number, entry_type,
      case_number, case_public_title, public_title, document_date, journal_date, responsible_unit, correspondents, published_at, updated_at)
    values (${e.id}, ${e.tenantId}, ${e.caseFileId}, ${e.registryNumber}, ${e.entryYear}, ${e.entrySequence}, ${e.documentNumber}, ${e.entryType},
      ${e.caseNumber}, ${e.casePublicTitle}, ${e.publicTitle}, ${e.documentDate}, ${e.journalDate}, ${e.responsibleUnit},
      ${JSON.stringify(e.correspondents)}::jsonb, ${e.publishedAt}, ${e.updatedAt})
    on conflict (id) do update set case_file_id = excluded.case_file_id, registry_number = excluded.registry_number, entry_year = excluded.entry_year,
      entry_sequence = excluded.entry_sequence, document_number = excluded.document_number, entry_type = excluded.entry_type,
      case_number = excluded.case_number, case_public_title = excluded.case_public_title, public_title = excluded.public_title,
      document_date = excluded.document_date, journal_date = excluded.journal_date, responsible_unit = excluded.responsible_unit,
      correspondents = excluded.correspondents, published_at = excluded.published_at, updated_at = excluded.updated_at`.execute(tx);
}

export async function deleteEntries(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length) await sql`delete from public_registry_entries where id in (${sql.join(ids)})`.execute(tx);
}

/** A case that is no longer public takes its entries with it (they refer to it). */
export async function deleteCaseFile(tx: Tx, id: string): Promise<void> {
  await sql`delete from public_registry_entries where case_file_id = ${id}`.execute(tx);
  await sql`delete from public_case_files where id = ${id}`.execute(tx);
}

/** Everything of the transaction's municipality (row-level security limits it to that one). */
export async function deleteAll(tx: Tx): Promise<void> {
  await sql`delete from public_registry_entries`.execute(tx);
  await sql`delete from public_case_files`.execute(tx);
}
