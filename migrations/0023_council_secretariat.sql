-- SPDX-License-Identifier: EUPL-1.2
-- The political secretariat (politisk sekretariat / nämndsekreterare) prepares agendas and records
-- meetings (issue 10): a role of its own, so that it may be granted without the archive's rights.
ALTER TABLE role_assignments DROP CONSTRAINT role_assignments_role_check;
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_role_check
  CHECK (role IN ('citizen', 'case-officer', 'archivist', 'politician', 'secretariat', 'tenant-admin', 'system'));
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check
  CHECK (role IN ('citizen', 'case-officer', 'archivist', 'politician', 'secretariat', 'tenant-admin', 'system'));
ALTER TABLE pending_role_grants DROP CONSTRAINT pending_role_grants_role_check;
ALTER TABLE pending_role_grants ADD CONSTRAINT pending_role_grants_role_check
  CHECK (role IN ('citizen', 'case-officer', 'archivist', 'politician', 'secretariat', 'tenant-admin'));
