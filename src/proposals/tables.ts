// SPDX-License-Identifier: EUPL-1.2
// Row types of the citizen-proposal tables (migrations/0028_participation.sql), for Kysely.
import type { Language } from '../common/languages.ts';

export type ProposalStatus = 'open' | 'reached' | 'on-agenda' | 'decided' | 'lapsed' | 'withdrawn';
export type NoticeStep = 'reached' | 'on-agenda' | 'decided' | 'lapsed';

export interface ParticipationSettingsTable {
  tenant_id: string; inhabitants: number | null; proposal_threshold: number | null;
  signing_days: number; proposal_body_id: string | null; updated_at: Date;
}
export interface CitizenProposalsTable {
  id: string; tenant_id: string; title: string; body: string; author_user_id: string; author_name: string;
  language: Language; status: ProposalStatus; threshold: number; signature_count: number; closes_at: Date;
  reached_at: Date | null; body_id: string | null; case_file_id: string | null; registry_entry_id: string | null;
  decision_due_on: string | null; agenda_item_id: string | null; decision_text: string | null; decided_at: Date | null;
  created_at: Date; updated_at: Date;
}
export interface CitizenProposalSignaturesTable {
  id: string; tenant_id: string; proposal_id: string; identity_number: string; name: string; source: 'eid' | 'paper';
  user_id: string | null; level: 'substantial' | 'high' | null; authenticated_at: Date | null; registered_by: string | null;
  notify_email: string | null; language: Language; signed_at: Date;
}
export interface CitizenProposalNoticesTable { tenant_id: string; proposal_id: string; step: NoticeStep; email: string; sent_at: Date }
export interface PublicCitizenProposalsTable {
  id: string; tenant_id: string; title: string; body: string; author_name: string; status: ProposalStatus;
  threshold: number; signature_count: number; closes_at: Date; reached_at: Date | null; body_id: string | null;
  case_file_id: string | null; case_number: string | null; decision_due_on: string | null; meeting_id: string | null;
  agenda_item_id: string | null; decision_text: string | null; decided_at: Date | null; search: string;
  created_at: Date; updated_at: Date;
}

export interface ProposalTables {
  participation_settings: ParticipationSettingsTable;
  citizen_proposals: CitizenProposalsTable;
  citizen_proposal_signatures: CitizenProposalSignaturesTable;
  citizen_proposal_notices: CitizenProposalNoticesTable;
  public_citizen_proposals: PublicCitizenProposalsTable;
}
