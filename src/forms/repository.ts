// SPDX-License-Identifier: EUPL-1.2
// The forms module's SQL: definitions and their versions, the public catalogue rows, drafts and
// submissions. Every function takes the transaction first; row-level security keeps each
// municipality to its own rows, the public rows are read under radhus_public.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/transaction.ts';
import type { FormDefinition } from './definition.ts';

export interface FormRow {
  id: string;
  tenant_id: string;
  key: string;
  current_version: number;
  published_version: number | null;
  adopted_from: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface VersionRow {
  form_id: string;
  version: number;
  definition: FormDefinition;
  created_at: Date;
  created_by: string;
}

export interface PublicFormRow {
  form_id: string;
  tenant_id: string;
  key: string;
  version: number;
  definition: FormDefinition;
  published_at: Date;
}

export interface DraftRow {
  id: string;
  form_id: string;
  version: number;
  owner: string;
  answers: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

export interface SubmissionAttachment {
  field: string;
  fileName: string;
  mimeType: string;
  checksum: string;
  size: number;
}

export interface SubmissionRow {
  id: string;
  tenant_id: string;
  form_id: string;
  version: number;
  owner: string;
  submitted_by: string;
  national_id: string | null;
  submitter_name: string;
  channel: 'web' | 'paper' | 'phone' | 'counter' | 'open311';
  answers: Record<string, unknown>;
  case_file_id: string;
  registry_entry_id: string;
  case_number: string;
  registry_number: string;
  answers_checksum: string;
  receipt_checksum: string;
  receipt_size: number;
  attachments: SubmissionAttachment[];
  created_at: Date;
}

const json = (value: unknown) => JSON.stringify(value);

export async function selectForm(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<FormRow | undefined> {
  const lock = options.forUpdate ? sql` for update` : sql``;
  return (await sql<FormRow>`select * from form_definitions where id = ${id}::uuid${lock}`.execute(tx)).rows[0];
}

export async function selectFormByKey(tx: Tx, key: string): Promise<FormRow | undefined> {
  return (await sql<FormRow>`select * from form_definitions where key = ${key}`.execute(tx)).rows[0];
}

export async function selectForms(tx: Tx): Promise<(FormRow & { definition: FormDefinition })[]> {
  return (await sql<FormRow & { definition: FormDefinition }>`
    select f.*, v.definition from form_definitions f join form_versions v on v.form_id = f.id and v.version = f.current_version
    order by f.key`.execute(tx)).rows;
}

export async function insertForm(tx: Tx, row: FormRow): Promise<void> {
  await sql`insert into form_definitions (id, tenant_id, key, current_version, published_version, adopted_from, created_at, updated_at)
    values (${row.id}, ${row.tenant_id}, ${row.key}, ${row.current_version}, ${row.published_version}, ${row.adopted_from}, ${row.created_at}, ${row.updated_at})`.execute(tx);
}

export async function updateForm(tx: Tx, id: string, patch: { current_version?: number; published_version?: number | null; updated_at: Date }): Promise<void> {
  await sql`update form_definitions set
      current_version = coalesce(${patch.current_version ?? null}::int, current_version),
      published_version = ${patch.published_version === undefined ? sql`published_version` : sql`${patch.published_version}::int`},
      updated_at = ${patch.updated_at}
    where id = ${id}::uuid`.execute(tx);
}

export async function insertVersion(tx: Tx, tenantId: string, row: VersionRow): Promise<void> {
  await sql`insert into form_versions (tenant_id, form_id, version, definition, created_at, created_by)
    values (${tenantId}, ${row.form_id}, ${row.version}, ${json(row.definition)}::jsonb, ${row.created_at}, ${row.created_by})`.execute(tx);
}

export async function selectVersion(tx: Tx, formId: string, version: number): Promise<VersionRow | undefined> {
  return (await sql<VersionRow>`select form_id, version, definition, created_at, created_by from form_versions where form_id = ${formId}::uuid and version = ${version}`.execute(tx)).rows[0];
}

export async function upsertPublicForm(tx: Tx, row: PublicFormRow): Promise<void> {
  await sql`insert into public_forms (form_id, tenant_id, key, version, definition, published_at)
    values (${row.form_id}, ${row.tenant_id}, ${row.key}, ${row.version}, ${json(row.definition)}::jsonb, ${row.published_at})
    on conflict (form_id) do update set version = excluded.version, definition = excluded.definition, published_at = excluded.published_at`.execute(tx);
}

export async function deletePublicForm(tx: Tx, formId: string): Promise<void> {
  await sql`delete from public_forms where form_id = ${formId}::uuid`.execute(tx);
}

/** Published forms of one municipality (radhus_public). */
export async function selectPublicForms(tx: Tx, tenantId: string): Promise<PublicFormRow[]> {
  return (await sql<PublicFormRow>`select * from public_forms where tenant_id = ${tenantId}::uuid order by key`.execute(tx)).rows;
}

/** One published form of any municipality (radhus_public): the catalogue, and adoption by another. */
export async function selectPublicForm(tx: Tx, ref: { formId: string } | { tenantId: string; key: string }): Promise<PublicFormRow | undefined> {
  const where = 'formId' in ref ? sql`form_id = ${ref.formId}::uuid` : sql`tenant_id = ${ref.tenantId}::uuid and key = ${ref.key}`;
  return (await sql<PublicFormRow>`select * from public_forms where ${where}`.execute(tx)).rows[0];
}

export async function selectDraft(tx: Tx, formId: string, owner: string): Promise<DraftRow | undefined> {
  return (await sql<DraftRow>`select id, form_id, version, owner, answers, created_at, updated_at from form_drafts where form_id = ${formId}::uuid and owner = ${owner}`.execute(tx)).rows[0];
}

export interface DraftSummaryRow {
  form_id: string;
  version: number;
  title: Record<string, string>;
  updated_at: Date;
}

/** The owner's unfinished drafts, newest first, with the title of the version each was made for. */
export async function selectDraftsOf(tx: Tx, owner: string): Promise<DraftSummaryRow[]> {
  return (
    await sql<DraftSummaryRow>`select d.form_id, d.version, v.definition -> 'title' as title, d.updated_at
      from form_drafts d join form_versions v on v.form_id = d.form_id and v.version = d.version
      where d.owner = ${owner} order by d.updated_at desc limit 200`.execute(tx)
  ).rows;
}

export async function upsertDraft(tx: Tx, tenantId: string, row: DraftRow): Promise<DraftRow> {
  return (await sql<DraftRow>`insert into form_drafts (id, tenant_id, form_id, version, owner, answers, created_at, updated_at)
    values (${row.id}, ${tenantId}, ${row.form_id}, ${row.version}, ${row.owner}, ${json(row.answers)}::jsonb, ${row.created_at}, ${row.updated_at})
    on conflict (form_id, owner) do update set version = excluded.version, answers = excluded.answers, updated_at = excluded.updated_at
    returning id, form_id, version, owner, answers, created_at, updated_at`.execute(tx)).rows[0]!;
}

export async function deleteDraft(tx: Tx, formId: string, owner: string): Promise<void> {
  await sql`delete from form_drafts where form_id = ${formId}::uuid and owner = ${owner}`.execute(tx);
}

export async function insertSubmission(tx: Tx, row: SubmissionRow): Promise<void> {
  await sql`insert into form_submissions (id, tenant_id, form_id, version, owner, submitted_by, national_id, submitter_name, channel, answers, case_file_id, registry_entry_id,
      case_number, registry_number, answers_checksum, receipt_checksum, receipt_size, attachments, created_at)
    values (${row.id}, ${row.tenant_id}, ${row.form_id}, ${row.version}, ${row.owner}, ${row.submitted_by}, ${row.national_id}, ${row.submitter_name}, ${row.channel},
      ${json(row.answers)}::jsonb, ${row.case_file_id}, ${row.registry_entry_id}, ${row.case_number}, ${row.registry_number}, ${row.answers_checksum},
      ${row.receipt_checksum}, ${row.receipt_size}, ${json(row.attachments)}::jsonb, ${row.created_at})`.execute(tx);
}

export async function selectSubmission(tx: Tx, id: string): Promise<SubmissionRow | undefined> {
  return (await sql<SubmissionRow>`select * from form_submissions where id = ${id}::uuid`.execute(tx)).rows[0];
}

export interface Person {
  name: string;
  email: string | null;
  identity_number: string | null;
}

/** The logged-in person's name, address and identity number (from the `pid` claim at login). */
export async function selectPerson(tx: Tx, userId: string): Promise<Person | undefined> {
  return (await sql<Person>`select name, email, identity_number from users where id = ${userId}::uuid`.execute(tx)).rows[0];
}

export interface PublicTenantRow {
  id: string;
  slug: string;
  name: string;
  language: 'nb' | 'nn' | 'sv' | 'en';
}

/** A municipality by its slug, from the public view of municipalities (radhus_public). */
export async function selectPublicTenant(tx: Tx, slug: string): Promise<PublicTenantRow | undefined> {
  return (await sql<PublicTenantRow>`select id, slug, name, language from public_tenants where slug = ${slug}`.execute(tx)).rows[0];
}
