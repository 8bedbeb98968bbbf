// SPDX-License-Identifier: EUPL-1.2
// The public projection tables (migration 0005), written only from the archive's public view, so
// they never hold a screened value. Every write is an upsert or a delete: handling an event twice,
// or replaying all of them, gives the same rows.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import type { PublicCaseFileView, PublicEntryView } from '../archive/service.ts';

export async function upsertCaseFile(tx: Tx, c: PublicCaseFileView): Promise<void> {
  await sql`insert into public_case_files (id, tenant_id, case_number, case_year, case_sequence, public_title, status, case_date, responsible_unit, class_code, updated_at)
    values (${c.id}, ${c.tenantId}, ${c.caseNumber}, ${c.caseYear}, ${c.caseSequence}, ${c.publicTitle}, ${c.status}, ${c.caseDate}, ${c.responsibleUnit}, ${c.classCode}, ${c.updatedAt})
    on conflict (id) do update set class_code = excluded.class_code, case_number = excluded.case_number, case_year = excluded.case_year, case_sequence = excluded.case_sequence,
      public_title = excluded.public_title, status = excluded.status, case_date = excluded.case_date,
      responsible_unit = excluded.responsible_unit, updated_at = excluded.updated_at`.execute(tx);
}

/** When the entry became public and until when its personal names are searchable (12 months). */
export interface EntryPublication {
  visibleFrom: Date;
  namesSearchableUntil: Date;
  gnr: number | null;
  bnr: number | null;
}

const names = (list: readonly string[]) => list.join(' ');

/**
 * The search columns are built here, in the municipality's own text search configuration
 * (radhus_search_config, migration 0003), from public values only: public titles, the case number,
 * organisation names; personal names go only into search_names and person_names, which the search
 * reads only while names_searchable_until is ahead.
 */
export async function upsertEntry(tx: Tx, e: PublicEntryView, p: EntryPublication): Promise<void> {
  const publicText = `${e.casePublicTitle} ${e.publicTitle} ${e.caseNumber} ${e.registryNumber} ${names(e.organisationNames)}`;
  await sql`with cfg as (select radhus_search_config(${e.tenantId}::uuid) as c)
    insert into public_registry_entries (id, tenant_id, case_file_id, registry_number, entry_year, entry_sequence, document_number, entry_type,
      case_number, case_public_title, public_title, document_date, journal_date, responsible_unit, correspondents, published_at, updated_at,
      class_code, gnr, bnr, visible_from, names_searchable_until, search_language, search_public, search_names, org_names, person_names)
    select ${e.id}, ${e.tenantId}, ${e.caseFileId}, ${e.registryNumber}, ${e.entryYear}, ${e.entrySequence}, ${e.documentNumber}, ${e.entryType},
      ${e.caseNumber}, ${e.casePublicTitle}, ${e.publicTitle}, ${e.documentDate}, ${e.journalDate}, ${e.responsibleUnit},
      ${JSON.stringify(e.correspondents)}::jsonb, ${e.publishedAt}, ${e.updatedAt},
      ${e.classCode}, ${p.gnr}, ${p.bnr}, ${p.visibleFrom}, ${p.namesSearchableUntil}, cfg.c::text,
      to_tsvector(cfg.c, ${publicText}),
      to_tsvector(cfg.c, ${publicText}) || to_tsvector(cfg.c, ${names(e.personNames)}),
      to_tsvector(cfg.c, ${names(e.organisationNames)}), to_tsvector(cfg.c, ${names(e.personNames)})
    from cfg
    on conflict (id) do update set case_file_id = excluded.case_file_id, registry_number = excluded.registry_number, entry_year = excluded.entry_year,
      entry_sequence = excluded.entry_sequence, document_number = excluded.document_number, entry_type = excluded.entry_type,
      case_number = excluded.case_number, case_public_title = excluded.case_public_title, public_title = excluded.public_title,
      document_date = excluded.document_date, journal_date = excluded.journal_date, responsible_unit = excluded.responsible_unit,
      correspondents = excluded.correspondents, published_at = excluded.published_at, updated_at = excluded.updated_at,
      class_code = excluded.class_code, gnr = excluded.gnr, bnr = excluded.bnr, visible_from = excluded.visible_from,
      names_searchable_until = excluded.names_searchable_until, search_language = excluded.search_language,
      search_public = excluded.search_public, search_names = excluded.search_names, org_names = excluded.org_names,
      person_names = excluded.person_names`.execute(tx);
  await sql`delete from public_documents where registry_entry_id = ${e.id}`.execute(tx);
  for (const d of e.documents) {
    await sql`insert into public_documents (id, tenant_id, registry_entry_id, document_number, relation, public_title, published_in_full,
        file_name, mime_type, size, checksum, updated_at)
      values (${d.id}, ${e.tenantId}, ${e.id}, ${d.documentNumber}, ${d.relation}, ${d.publicTitle}, ${d.publishedInFull},
        ${d.file?.fileName ?? null}, ${d.file?.mimeType ?? null}, ${d.file?.size ?? null}, ${d.file?.checksum ?? null}, ${e.updatedAt})`.execute(tx);
  }
}

export async function deleteEntries(tx: Tx, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await sql`delete from public_documents where registry_entry_id in (${sql.join(ids)})`.execute(tx);
  await sql`delete from public_registry_entries where id in (${sql.join(ids)})`.execute(tx);
}

/** A case that is no longer public takes its entries with it (they refer to it). */
export async function deleteCaseFile(tx: Tx, id: string): Promise<void> {
  await sql`delete from public_documents where registry_entry_id in (select id from public_registry_entries where case_file_id = ${id})`.execute(tx);
  await sql`delete from public_registry_entries where case_file_id = ${id}`.execute(tx);
  await sql`delete from public_case_files where id = ${id}`.execute(tx);
}

/** Everything of the transaction's municipality (row-level security limits it to that one). */
export async function deleteAll(tx: Tx): Promise<void> {
  await sql`delete from public_documents`.execute(tx);
  await sql`delete from public_registry_entries`.execute(tx);
  await sql`delete from public_case_files`.execute(tx);
}

/** The municipality's publication policy (journal/policy.ts), or undefined when it has none. */
export interface PolicyRow {
  delay_working_days: number;
  excluded_class_codes: string[];
  excluded_unit_ids: string[];
  excluded_entry_types: string[];
  updated_at: Date;
  updated_by: string;
}

export async function selectPolicy(tx: Tx): Promise<PolicyRow | undefined> {
  return (await sql<PolicyRow>`select delay_working_days, excluded_class_codes, excluded_unit_ids, excluded_entry_types, updated_at, updated_by
    from publication_policies where tenant_id = radhus_tenant()`.execute(tx)).rows[0];
}

export async function upsertPolicy(tx: Tx, tenantId: string, p: PolicyRow): Promise<void> {
  await sql`insert into publication_policies (tenant_id, delay_working_days, excluded_class_codes, excluded_unit_ids, excluded_entry_types, updated_at, updated_by)
    values (${tenantId}, ${p.delay_working_days}, ${sql.val(p.excluded_class_codes)}::text[], ${sql.val(p.excluded_unit_ids)}::uuid[], ${sql.val(p.excluded_entry_types)}::text[], ${p.updated_at}, ${p.updated_by})
    on conflict (tenant_id) do update set delay_working_days = excluded.delay_working_days, excluded_class_codes = excluded.excluded_class_codes,
      excluded_unit_ids = excluded.excluded_unit_ids, excluded_entry_types = excluded.excluded_entry_types,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`.execute(tx);
}
