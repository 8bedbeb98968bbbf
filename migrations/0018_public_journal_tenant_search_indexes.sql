-- The public journal's full-text indexes with the municipality in them (issue 7 §5). The GIN
-- indexes of 0012 span every municipality: a search in one municipality read the national posting
-- list of each word and intersected it with a bitmap of all the municipality's entries (a second
-- index scan, 100 000 entries a municipality at national scale). With btree_gin the municipality
-- is a key of the same GIN index, so the index itself returns only the municipality's matches;
-- the national search uses the text column of the same index alone (a GIN index answers a
-- condition on any of its columns), so the single-column indexes go.
-- btree_gin ships with PostgreSQL (contrib) and is a trusted extension: the database owner may
-- create it without being superuser. PGlite loads it at start (platform/db/database.ts).
-- fastupdate off: with it on, new entries wait in the index's pending list until a vacuum, and
-- every search scans the whole list (at 100 000 entries, 1 100 pending made one municipality's
-- count three times slower). The projection writes a few entries a second; it pays instead.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX public_registry_entries_tenant_search_public ON public_registry_entries USING gin (tenant_id, search_public) WITH (fastupdate = off);
CREATE INDEX public_registry_entries_tenant_search_names ON public_registry_entries USING gin (tenant_id, search_names) WITH (fastupdate = off);
DROP INDEX public_registry_entries_search_public;
DROP INDEX public_registry_entries_search_names;
