-- SPDX-License-Identifier: EUPL-1.2
-- The Noark 5 export writes its journals (loependeJournal.xml, offentligJournal.xml) in registry-number
-- order, a page of 500 entries at a time after the last one written. The only index in that order,
-- registry_entries_own_number, is partial (entries numbered here, not imported ones), so the page
-- query could not use it: PostgreSQL read every entry of the municipality and sorted them for each
-- page — 45 ms a page at 100 000 entries, 5.5 s at 1 000 000, most of a day for a whole export.
-- With this index the page walks the municipality's entries in order from where it left off: 17 ms.
CREATE INDEX registry_entries_number ON registry_entries (tenant_id, entry_year, entry_sequence);
