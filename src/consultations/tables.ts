// SPDX-License-Identifier: EUPL-1.2
// Row types of the consultation tables (migrations/0028_participation.sql), for Kysely.
import type { Language } from '../common/languages.ts';

export interface ConsultationsTable {
  id: string; tenant_id: string; case_file_id: string; title: string; description: string; opens_at: Date; deadline: Date;
  document_entry_ids: string[]; comments_published_at: Date | null; created_by: string | null; created_at: Date; updated_at: Date;
}
export interface ConsultationCommentsTable {
  id: string; tenant_id: string; consultation_id: string; author_name: string; organisation: string | null; email: string | null;
  user_id: string | null; text: string; language: Language; status: 'unconfirmed' | 'filed' | 'expired'; confirm_hash: string | null;
  registry_entry_id: string | null; submitted_at: Date; filed_at: Date | null;
}
export interface PublicConsultationsTable {
  id: string; tenant_id: string; case_file_id: string; case_number: string | null; title: string; description: string;
  opens_at: Date; deadline: Date; document_entry_ids: string[]; comments_published_at: Date | null; comment_count: number;
  /** When the consultation's case was closed (migration 0030): the consultation ended then. */
  case_closed_at: Date | null;
  created_at: Date; updated_at: Date;
}
export interface PublicConsultationCommentsTable {
  id: string; tenant_id: string; consultation_id: string; sender: string | null; organisation: string | null; text: string | null;
  registry_entry_id: string | null; received_at: Date; updated_at: Date;
}

export interface ConsultationTables {
  consultations: ConsultationsTable;
  consultation_comments: ConsultationCommentsTable;
  public_consultations: PublicConsultationsTable;
  public_consultation_comments: PublicConsultationCommentsTable;
}
