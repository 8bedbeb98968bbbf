-- SPDX-License-Identifier: EUPL-1.2
-- What the Noark 5 v5.5 extraction needs and the 0003 model lacked (issue 8 §1): closing and periods
-- of fonds and series, who created classes and archived entries, formats detected from content,
-- conversions, executed disposal and deletion, per-municipality code tables, and a systemID kept
-- apart from the primary key. Existing rows migrate; the freeze triggers of 0010 stay as they are:
-- nothing here updates a frozen row (new columns on frozen tables are nullable and read with a
-- fallback, see docs/decisions/0006-noark5-model.md), and the new records are rows of their own.

-- Backfills below run as the tables' owner, whom FORCEd row-level security (0010) binds too: without
-- a tenant set it would see no rows. Each backfill lifts FORCE for its own statement only.

-- avsluttetDato/avsluttetAv of arkiv.
ALTER TABLE fonds ADD COLUMN closed_at timestamptz, ADD COLUMN closed_by text;

-- Arkivdel: closing, the chain of periods and how a period was separated (skarpt/mykt skille).
ALTER TABLE series
  ADD COLUMN closed_at timestamptz,
  ADD COLUMN closed_by text,
  ADD COLUMN predecessor_id uuid REFERENCES series(id),
  ADD COLUMN successor_id uuid REFERENCES series(id),
  ADD COLUMN separation text CHECK (separation IN ('sharp', 'soft'));

-- Klassifikasjonssystem/klasse: opprettetDato/opprettetAv; the type as a code of the municipality's
-- code table 'classification-type' (the title stays as the human name).
ALTER TABLE classification_systems ADD COLUMN created_by text, ADD COLUMN type_code text;
ALTER TABLE classes ADD COLUMN created_at timestamptz, ADD COLUMN created_by text;
ALTER TABLE classification_systems NO FORCE ROW LEVEL SECURITY;
UPDATE classification_systems SET created_by = 'cli:setup:Rådhus' WHERE created_by IS NULL;
UPDATE classification_systems SET type_code = CASE
  WHEN type IN ('Funksjonsbasert', 'Verksamhetsbaserad') THEN 'FH'
  WHEN type ILIKE '%objekt%' THEN 'OB'
  ELSE 'FH' END WHERE type_code IS NULL;
ALTER TABLE classification_systems FORCE ROW LEVEL SECURITY;
ALTER TABLE classification_systems ALTER COLUMN created_by SET NOT NULL, ALTER COLUMN type_code SET NOT NULL;
ALTER TABLE classes NO FORCE ROW LEVEL SECURITY;
UPDATE classes c SET created_at = s.created_at, created_by = s.created_by
  FROM classification_systems s WHERE s.id = c.classification_system_id AND c.created_at IS NULL;
ALTER TABLE classes FORCE ROW LEVEL SECURITY;
ALTER TABLE classes ALTER COLUMN created_at SET NOT NULL, ALTER COLUMN created_by SET NOT NULL;

-- Journalpost: arkivertAv. Entries archived before this migration keep null (their archiving is in
-- the change log; the export reads the actor from there).
ALTER TABLE registry_entries ADD COLUMN archived_by text;

-- Dokumentobjekt: formatDetaljer and sjekksumAlgoritme (always SHA-256 here: the store is keyed by it).
ALTER TABLE document_objects
  ADD COLUMN format_details text,
  ADD COLUMN checksum_algorithm text NOT NULL DEFAULT 'SHA256' CHECK (checksum_algorithm = 'SHA256');

-- systemID apart from the primary key: an imported extraction keeps its own ids, and the same
-- extraction can be loaded into two municipalities. Null means "the row's id" (new rows get it from
-- the trigger below; older rows are read with coalesce), so frozen rows need no update.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['fonds', 'series', 'classification_systems', 'classes', 'case_files', 'registry_entries',
    'correspondents', 'documents', 'document_objects']
  LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN system_id text CHECK (length(system_id) BETWEEN 1 AND 100)', t);
    EXECUTE format('CREATE UNIQUE INDEX %I ON %I (tenant_id, coalesce(system_id, id::text))', t || '_system_id', t);
  END LOOP;
END $$;

-- Case and registry numbers unique per series too (an imported series brings its own numbers; the
-- per-tenant uniqueness of 0003 still holds for the numbers we allocate).
ALTER TABLE case_files ADD CONSTRAINT case_files_series_number UNIQUE (series_id, case_year, case_sequence);

-- Kassasjon: bevaringstid and kassasjonsdato always set. A decision without them keeps forever
-- ("bevares": 0 years is how the standard's examples say "no disposal", dated far ahead).
ALTER TABLE retention_decisions NO FORCE ROW LEVEL SECURITY;
UPDATE retention_decisions SET preservation_years = 0 WHERE preservation_years IS NULL;
UPDATE retention_decisions SET disposal_date = (created_at AT TIME ZONE 'UTC')::date + make_interval(years => greatest(preservation_years, 0))
  WHERE disposal_date IS NULL AND decision <> 'keep';
UPDATE retention_decisions SET disposal_date = DATE '9999-12-31' WHERE disposal_date IS NULL;
ALTER TABLE retention_decisions FORCE ROW LEVEL SECURITY;
ALTER TABLE retention_decisions ALTER COLUMN preservation_years SET NOT NULL, ALTER COLUMN disposal_date SET NOT NULL;

-- Utført kassasjon: the rows stay, the record says they were disposed of (and the bytes may go).
CREATE TABLE executed_disposals (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  target_type text NOT NULL CHECK (target_type IN ('case-file', 'document')),
  target_id uuid NOT NULL,
  executed_at timestamptz NOT NULL,
  executed_by text NOT NULL
);
CREATE INDEX executed_disposals_target ON executed_disposals (target_id);

-- Sletting: a production format or an old version deleted once an archival format exists.
CREATE TABLE deletions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  document_object_id uuid NOT NULL REFERENCES document_objects(id),
  kind text NOT NULL CHECK (kind IN ('production-format', 'earlier-version', 'variant')),
  deleted_at timestamptz NOT NULL,
  deleted_by text NOT NULL,
  UNIQUE (document_object_id)
);

-- Konvertering: which object was converted to what, when, by whom and with what tool. The result is a
-- file in the store (to_checksum); to_object_id names its document object when one was added (a
-- conversion made for an extraction of a closed case adds none: the case is frozen, so the record
-- here is what the extraction's dokumentobjekt and konvertering are written from).
CREATE TABLE conversions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  from_object_id uuid NOT NULL REFERENCES document_objects(id),
  to_object_id uuid REFERENCES document_objects(id),
  to_checksum text NOT NULL CHECK (to_checksum ~ '^[0-9a-f]{64}$'),
  to_size bigint NOT NULL,
  from_format text NOT NULL,
  to_format text NOT NULL,
  to_format_details text,
  converted_at timestamptz NOT NULL,
  converted_by text NOT NULL,
  tool text NOT NULL,
  comment text
);
CREATE INDEX conversions_from ON conversions (from_object_id);

-- Per-municipality code tables: document types, remark types, classification types, access codes.
CREATE TABLE archive_codes (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  list text NOT NULL CHECK (list IN ('document-type', 'remark-type', 'classification-type', 'access-code')),
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 50),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  is_default boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, list, code)
);
-- At most one default per list (e.g. the access code a screening gets when none is named).
CREATE UNIQUE INDEX archive_codes_default ON archive_codes (tenant_id, list) WHERE is_default;

-- New rows get their systemID from their id when none is given (an import gives one).
CREATE FUNCTION radhus_default_system_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.system_id IS NULL THEN NEW.system_id := NEW.id::text; END IF;
  RETURN NEW;
END $$;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['fonds', 'series', 'classification_systems', 'classes', 'case_files', 'registry_entries',
    'correspondents', 'documents', 'document_objects']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION radhus_default_system_id()', t || '_system_id', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['executed_disposals', 'deletions', 'conversions', 'archive_codes']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant())', t || '_tenant', t);
    IF t <> 'archive_codes' THEN
      EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION radhus_forbid_change()', t || '_append_only', t);
    END IF;
  END LOOP;
END $$;
GRANT SELECT, INSERT ON executed_disposals, deletions, conversions TO radhus_app;
GRANT SELECT, INSERT, UPDATE ON archive_codes TO radhus_app;

-- Every existing municipality gets the standard code lists (new ones get them in setUpTenant).
ALTER TABLE archive_codes NO FORCE ROW LEVEL SECURITY;
INSERT INTO archive_codes (tenant_id, list, code, name, is_default)
SELECT t.id, v.list, v.code, v.name, v.is_default FROM tenants t CROSS JOIN (VALUES
  ('document-type', 'letter', 'Brev', true), ('document-type', 'application', 'Søknad', false),
  ('document-type', 'decision', 'Vedtak', false), ('document-type', 'memo', 'Notat', false),
  ('document-type', 'minutes', 'Møtebok', false), ('document-type', 'report', 'Rapport', false),
  ('remark-type', 'general', 'Generell merknad', true), ('remark-type', 'procedure', 'Merknad fra saksbehandler', false),
  ('classification-type', 'FH', 'Funksjonsbasert, hierarkisk', true), ('classification-type', 'OB', 'Objektbasert', false),
  ('classification-type', 'EH', 'Emnebasert, hierarkisk', false),
  ('access-code', 'U', 'Unntatt offentlighet', true), ('access-code', 'P', 'Personalsaker', false),
  ('access-code', 'X', 'Unntatt offentlighet, annen hjemmel', false)
) AS v(list, code, name, is_default)
ON CONFLICT DO NOTHING;
ALTER TABLE archive_codes FORCE ROW LEVEL SECURITY;
