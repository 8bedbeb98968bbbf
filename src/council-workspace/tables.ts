// SPDX-License-Identifier: EUPL-1.2
// Row types of the politician's workspace (migrations/0028_participation.sql), for Kysely.
// council_member_notes is readable only with radhus.user_id set to the author (row-level security).
export interface CouncilMemberNotesTable {
  id: string; tenant_id: string; author_user_id: string; agenda_item_id: string; registry_entry_id: string | null;
  text: string; created_at: Date; updated_at: Date;
}
export interface CouncilSubstituteCallsTable {
  id: string; tenant_id: string; meeting_id: string; absent_person_id: string; substitute_person_id: string;
  status: 'called' | 'accepted' | 'declined'; called_at: Date; answered_at: Date | null;
}

export interface WorkspaceTables {
  council_member_notes: CouncilMemberNotesTable;
  council_substitute_calls: CouncilSubstituteCallsTable;
}
