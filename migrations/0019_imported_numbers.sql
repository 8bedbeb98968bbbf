-- SPDX-License-Identifier: EUPL-1.2
-- Case and registry numbers of an imported series are unique per series, not per municipality
-- (issue 8 §3): a series loaded by `radhus import noark5` keeps the numbers of the system it came
-- from, and those may be numbers the municipality has since used itself. The numbers Rådhus
-- allocates (from number_series, per municipality and year) stay unique per municipality, as 0003
-- made them. Imported rows are marked when they are inserted; no existing row is updated (the freeze
-- triggers of 0010 would refuse it, and every existing row is the municipality's own).
ALTER TABLE case_files ADD COLUMN imported boolean NOT NULL DEFAULT false;
ALTER TABLE registry_entries ADD COLUMN imported_series_id uuid REFERENCES series(id);

ALTER TABLE case_files DROP CONSTRAINT case_files_tenant_id_case_year_case_sequence_key;
CREATE UNIQUE INDEX case_files_own_number ON case_files (tenant_id, case_year, case_sequence) WHERE NOT imported;
-- Per series for all case files: case_files_series_number (0014).

ALTER TABLE registry_entries DROP CONSTRAINT registry_entries_tenant_id_entry_year_entry_sequence_key;
CREATE UNIQUE INDEX registry_entries_own_number ON registry_entries (tenant_id, entry_year, entry_sequence) WHERE imported_series_id IS NULL;
CREATE UNIQUE INDEX registry_entries_imported_number ON registry_entries (imported_series_id, entry_year, entry_sequence) WHERE imported_series_id IS NOT NULL;
