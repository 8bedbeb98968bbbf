// SPDX-License-Identifier: EUPL-1.2
// Row types of the archive tables (migrations/0003_archive.sql), for Kysely.
import type { ColumnType, Generated } from 'kysely';

// The screening's shape is the shared rule's (src/common/screening.ts), stored as JSON.
import { screenableFields, type Screening, type ScreenedField } from '../common/screening.ts';
export { screenableFields, type Screening, type ScreenedField };

export type CaseFileStatus = 'in-progress' | 'closed-by-officer' | 'closed' | 'void';
export type EntryType = 'incoming' | 'outgoing' | 'internal-with-followup' | 'internal-without-followup' | 'case-memo';
export type EntryStatus = 'reserved' | 'registered' | 'finalised' | 'approved' | 'dispatched' | 'archived' | 'void';

export interface CaseFilesTable {
  id: string;
  tenant_id: string;
  series_id: string;
  class_id: string | null;
  case_year: number;
  case_sequence: number;
  title: string;
  public_title: string;
  description: string | null;
  status: CaseFileStatus;
  case_date: string;
  responsible_unit: string | null;
  responsible_officer: string | null;
  responsible_unit_id: string | null;
  responsible_officer_id: string | null;
  screening: Screening | null;
  keywords: string[];
  created_at: Date;
  created_by: string;
  updated_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  /** systemID (0014); null reads as the id */
  system_id?: string | null;
  /** loaded by `radhus import noark5` (0016): its number is unique in its series only */
  imported?: boolean;
}

export interface RegistryEntriesTable {
  id: string;
  tenant_id: string;
  case_file_id: string;
  entry_year: number;
  entry_sequence: number;
  number_in_case: number;
  type: EntryType;
  status: EntryStatus;
  title: string;
  public_title: string;
  description: string | null;
  document_date: string | null;
  received_date: string | null;
  sent_date: string | null;
  due_date: string | null;
  journal_date: string;
  published_at: Date | null;
  responsible_unit: string | null;
  responsible_officer: string | null;
  responsible_unit_id: string | null;
  responsible_officer_id: string | null;
  screening: Screening | null;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  archived_at: Date | null;
  /** arkivertAv (0014); null for entries archived before it */
  archived_by?: string | null;
  system_id?: string | null;
  /** the series of an imported entry (0016): its number is unique in that series only */
  imported_series_id?: string | null;
}

export interface CorrespondentsTable {
  id: string;
  tenant_id: string;
  registry_entry_id: string;
  kind: 'person' | 'organisation';
  role: 'sender' | 'recipient' | 'copy' | 'internal-sender' | 'internal-recipient';
  name: string;
  identity_number: string | null;
  organisation_number: string | null;
  address: string | null;
  postal_code: string | null;
  postal_town: string | null;
  country: string | null;
  email: string | null;
  position: number;
}

/** Avskrivningsmåte BU, BE, TLF, BN, TE, TO, SA. */
export type FollowUpMethod = 'replied-by-letter' | 'replied-by-email' | 'replied-by-phone' | 'replied-by-memo' | 'noted' | 'for-information' | 'case-closed';

export interface FollowUpsTable {
  id: string;
  tenant_id: string;
  registry_entry_id: string;
  method: FollowUpMethod;
  by_registry_entry_id: string | null;
  followed_up_at: Date;
  followed_up_by: string;
}

export interface DocumentsTable {
  id: string;
  tenant_id: string;
  registry_entry_id: string;
  document_number: number;
  relation: 'main' | 'attachment';
  title: string;
  document_type: string;
  status: 'draft' | 'final';
  screening: Screening | null;
  created_at: Date;
  created_by: string;
  /** systemID (0014); null reads as the id */
  system_id?: string | null;
}

export interface DocumentObjectsTable {
  id: string;
  tenant_id: string;
  document_id: string;
  version: number;
  variant: 'production' | 'archival' | 'redacted';
  format: string;
  mime_type: string;
  file_name: string;
  checksum: string;
  size: number;
  created_at: Date;
  created_by: string;
  /** formatDetaljer (0014), e.g. "PDF/A-1b" */
  format_details?: string | null;
  system_id?: string | null;
}

export interface FondsTable {
  id: string;
  tenant_id: string;
  title: string;
  description: string | null;
  status: 'open' | 'closed';
  created_at: Date;
  created_by: string;
  closed_at?: Date | null;
  closed_by?: string | null;
  system_id?: string | null;
}

export interface FondsCreatorsTable {
  id: string;
  tenant_id: string;
  fonds_id: string;
  creator_id: string;
  name: string;
  description: string | null;
}

export interface SeriesTable {
  id: string;
  tenant_id: string;
  fonds_id: string;
  classification_system_id: string | null;
  title: string;
  status: 'active' | 'overlap' | 'closed';
  period_start: string;
  period_end: string | null;
  created_at: Date;
  created_by: string;
  // 0014: closing and the chain of periods
  closed_at?: Date | null;
  closed_by?: string | null;
  predecessor_id?: string | null;
  successor_id?: string | null;
  separation?: 'sharp' | 'soft' | null;
  system_id?: string | null;
}

export interface ClassificationSystemsTable {
  id: string;
  tenant_id: string;
  title: string;
  type: string;
  /** the municipality's code (archive_codes list 'classification-type'), 0014 */
  type_code: string;
  created_at: Date;
  created_by: string;
  system_id?: string | null;
}

export interface ClassesTable {
  id: string;
  tenant_id: string;
  classification_system_id: string;
  parent_id: string | null;
  class_id: string;
  title: string;
  created_at: Date;
  created_by: string;
  system_id?: string | null;
}

export interface RemarksTable {
  id: string;
  tenant_id: string;
  target_type: 'case-file' | 'registry-entry' | 'document';
  target_id: string;
  remark_type: string;
  text: string;
  created_at: Date;
  created_by: string;
}

export interface CrossReferencesTable {
  id: string;
  tenant_id: string;
  from_type: 'case-file' | 'registry-entry' | 'class';
  from_id: string;
  to_type: 'case-file' | 'registry-entry' | 'class';
  to_id: string;
  created_at: Date;
  created_by: string;
}

export interface RetentionDecisionsTable {
  id: string;
  tenant_id: string;
  target_type: 'series' | 'class' | 'case-file';
  target_id: string;
  decision: 'keep' | 'dispose' | 'review-later';
  authority: string;
  preservation_years: number;
  disposal_date: string;
  created_at: Date;
  created_by: string;
}

export interface ChangeLogTable {
  id: Generated<number>;
  tenant_id: string;
  changed_at: Date;
  actor: string;
  entity_type: string;
  entity_id: string;
  operation: 'create' | 'update';
  field: string | null;
  old_value: unknown;
  new_value: unknown;
}

export interface NumberSeriesTable {
  tenant_id: string;
  kind: 'case-file' | 'registry-entry';
  year: number;
  last_value: number;
}

/**
 * A row whose `screening` is stored as JSON text: read back as the object (the driver parses jsonb),
 * written as JSON.stringify's text, which both PGlite and pg take for a jsonb parameter.
 */
type ScreeningAsJson<Row> = { [K in keyof Row]: K extends 'screening' ? ColumnType<Screening | null, string | null, string | null> : Row[K] };

export interface ArchiveTables {
  case_files: ScreeningAsJson<CaseFilesTable>;
  registry_entries: ScreeningAsJson<RegistryEntriesTable>;
  correspondents: CorrespondentsTable;
  follow_ups: FollowUpsTable;
  documents: ScreeningAsJson<DocumentsTable>;
  document_objects: DocumentObjectsTable;
  fonds: FondsTable;
  fonds_creators: FondsCreatorsTable;
  series: SeriesTable;
  classification_systems: ClassificationSystemsTable;
  classes: ClassesTable;
  remarks: RemarksTable;
  cross_references: CrossReferencesTable;
  retention_decisions: RetentionDecisionsTable;
  change_log: ChangeLogTable;
  number_series: NumberSeriesTable;
}
