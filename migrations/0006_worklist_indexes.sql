-- SPDX-License-Identifier: EUPL-1.2
-- (Numbered 0006 in the worklists branch so it has no gap; meant as 0009 after the merge.)
-- Indexes for the case officer's work lists (src/archive/worklists.ts). "Mine" falls back to the
-- creator for rows without a responsible officer by id (rows from before 0005): the creator's id
-- is the second part of created_by ("<kind>:<id>:<name>"). Letters awaiting follow-up are a small
-- part of all entries, so a partial index holds only them, by due date for the overdue list.
CREATE INDEX case_files_creator_unassigned ON case_files (tenant_id, split_part(created_by, ':', 2))
  WHERE responsible_officer_id IS NULL;
CREATE INDEX registry_entries_awaiting_follow_up ON registry_entries (tenant_id, due_date)
  WHERE type IN ('incoming', 'internal-with-followup') AND status NOT IN ('void', 'archived');
