// SPDX-License-Identifier: EUPL-1.2
// Row types of the questions to politicians (migrations/0028_participation.sql), for Kysely.
import type { Language } from '../common/languages.ts';

export type QuestionStatus = 'open' | 'answered' | 'withdrawn' | 'rejected';

export interface CouncilQuestionsTable {
  id: string; tenant_id: string; asker_user_id: string; asker_name: string; person_id: string | null; party_id: string | null;
  text: string; language: Language; status: QuestionStatus; rejected_reason: string | null; answer_text: string | null;
  answered_by_person_id: string | null; asked_at: Date; answered_at: Date | null; updated_at: Date;
}
export interface PublicCouncilQuestionsTable {
  id: string; tenant_id: string; asker_name: string; person_id: string | null; party_id: string | null; text: string;
  status: QuestionStatus; rejected_reason: string | null; answer_text: string | null; answered_by_person_id: string | null;
  asked_at: Date; answered_at: Date | null; updated_at: Date;
}

export interface QuestionTables {
  council_questions: CouncilQuestionsTable;
  public_council_questions: PublicCouncilQuestionsTable;
}
