-- SPDX-License-Identifier: EUPL-1.2
-- The public journal (issue 7 §1, §2): what the archive holds for publication (screening per
-- party and document, accessibleAfter, the date of the publication assessment), each
-- municipality's publication policy, and the public projection's search columns, published
-- documents and the 12-month rule for personal names.

-- §1 The archive. A party screened on its own ({accessCode, legalBasis, until}); a document's own
-- publication in full; when an entry or document may be public at the earliest; when an entry was
-- assessed for publication (offentlighetsvurdert).
ALTER TABLE correspondents ADD COLUMN screening jsonb;
ALTER TABLE registry_entries ADD COLUMN accessible_after timestamptz, ADD COLUMN assessed_at timestamptz;
ALTER TABLE documents
  ADD COLUMN published_in_full boolean NOT NULL DEFAULT false,
  ADD COLUMN published_at timestamptz,
  ADD COLUMN accessible_after timestamptz;

-- Screening may be added, changed or lifted after an entry is archived (a screening period ends, a
-- decision is reconsidered): exactly these columns pass the freeze triggers of 0010, nothing else.
-- The public title follows the screening; updated_at and assessed_at record when.
CREATE OR REPLACE FUNCTION radhus_unfrozen_columns(table_name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE table_name
    WHEN 'case_files' THEN ARRAY['screening', 'public_title', 'updated_at']
    WHEN 'registry_entries' THEN ARRAY['screening', 'public_title', 'updated_at', 'assessed_at']
    WHEN 'correspondents' THEN ARRAY['screening']
    WHEN 'documents' THEN ARRAY['screening', 'published_in_full']
    ELSE '{}'::text[] END $$;

-- A municipality's publication policy: entries appear a number of working days after they are
-- published (the municipality's calendar), and some classes, units and entry types never appear
-- (e.g. child welfare). One row per municipality; none means no delay and nothing excluded.
CREATE TABLE publication_policies (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  delay_working_days integer NOT NULL DEFAULT 0 CHECK (delay_working_days BETWEEN 0 AND 60),
  excluded_class_codes text[] NOT NULL DEFAULT '{}',
  excluded_unit_ids uuid[] NOT NULL DEFAULT '{}',
  excluded_entry_types text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);
ALTER TABLE publication_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE publication_policies FORCE ROW LEVEL SECURITY;
CREATE POLICY publication_policies_tenant ON publication_policies
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
GRANT SELECT, INSERT, UPDATE ON publication_policies TO radhus_app;

-- §2 The projection. Search columns hold only public values (public titles, unscreened names):
--   search_public  public titles and organisation names, in the municipality's language
--   search_names   the same plus unscreened personal names: used only while names_searchable_until
--                  is ahead (12 months after publication), and the query says so by date
--   org_names / person_names   the unscreened parties by kind, for the correspondent filter
-- search_language says which text search configuration built them (norwegian, swedish, english).
ALTER TABLE public_registry_entries
  ADD COLUMN class_code text,
  ADD COLUMN gnr integer,
  ADD COLUMN bnr integer,
  ADD COLUMN visible_from timestamptz,
  ADD COLUMN names_searchable_until timestamptz,
  ADD COLUMN search_language text NOT NULL DEFAULT 'norwegian' CHECK (search_language IN ('norwegian', 'swedish', 'english')),
  ADD COLUMN search_public tsvector NOT NULL DEFAULT ''::tsvector,
  ADD COLUMN search_names tsvector NOT NULL DEFAULT ''::tsvector,
  ADD COLUMN org_names tsvector NOT NULL DEFAULT ''::tsvector,
  ADD COLUMN person_names tsvector NOT NULL DEFAULT ''::tsvector;
ALTER TABLE public_case_files ADD COLUMN class_code text;
CREATE INDEX public_registry_entries_search_public ON public_registry_entries USING gin (search_public);
CREATE INDEX public_registry_entries_search_names ON public_registry_entries USING gin (search_names);
CREATE INDEX public_registry_entries_newest ON public_registry_entries (journal_date DESC, entry_year DESC, entry_sequence DESC, id DESC);
CREATE INDEX public_registry_entries_case_number ON public_registry_entries (tenant_id, case_number);

-- Documents of public entries: public title always, the file only when published in full.
CREATE TABLE public_documents (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  registry_entry_id uuid NOT NULL REFERENCES public_registry_entries(id) ON DELETE CASCADE,
  document_number integer NOT NULL,
  relation text NOT NULL,
  public_title text NOT NULL,
  published_in_full boolean NOT NULL,
  file_name text,
  mime_type text,
  size bigint,
  checksum text,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_documents_entry ON public_documents (registry_entry_id, document_number);
ALTER TABLE public_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY public_documents_writer ON public_documents TO radhus_app
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
CREATE POLICY public_documents_reader ON public_documents FOR SELECT TO radhus_public USING (true);
GRANT SELECT ON public_documents TO radhus_public;
GRANT SELECT, INSERT, UPDATE, DELETE ON public_documents TO radhus_app;
