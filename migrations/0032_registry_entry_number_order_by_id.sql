-- SPDX-License-Identifier: EUPL-1.2
-- The export's journal pages (0031) key on the registry number and then the entry's id: numbers are
-- unique per series, not per municipality (an imported series has its own), and a page that ended
-- between two entries numbered alike skipped the second. The index follows the key, so a page still
-- starts where the last one ended instead of reading and sorting the municipality's entries.
DROP INDEX registry_entries_number;
CREATE INDEX registry_entries_number ON registry_entries (tenant_id, entry_year, entry_sequence, id);
