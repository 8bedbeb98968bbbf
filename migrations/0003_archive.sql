-- SPDX-License-Identifier: EUPL-1.2
-- The Noark 5 v5.5 core: arkiv, arkivskaper, arkivdel, klassifikasjonssystem, klasse, saksmappe,
-- journalpost, korrespondansepart, avskrivning, dokumentbeskrivelse, dokumentobjekt, merknad,
-- kryssreferanse, kassasjon and endringslogg. English names in the tables; docs/glossary.md maps
-- them to the standard's. Nothing here is ever deleted (triggers), and the application role is not
-- even granted DELETE.

-- Per tenant, per kind ('case-file', 'registry-entry') and year. Allocated with a row lock inside
-- the writing transaction, so numbers have no gaps and no duplicates under concurrency.
CREATE TABLE number_series (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL CHECK (kind IN ('case-file', 'registry-entry')),
  year integer NOT NULL CHECK (year BETWEEN 1000 AND 9999),
  last_value integer NOT NULL,
  PRIMARY KEY (tenant_id, kind, year)
);

CREATE TABLE fonds (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  title text NOT NULL,
  description text,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);

CREATE TABLE fonds_creators (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  fonds_id uuid NOT NULL REFERENCES fonds(id),
  creator_id text NOT NULL,
  name text NOT NULL,
  description text
);

CREATE TABLE classification_systems (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  title text NOT NULL,
  type text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE classes (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  classification_system_id uuid NOT NULL REFERENCES classification_systems(id),
  parent_id uuid REFERENCES classes(id),
  class_id text NOT NULL,
  title text NOT NULL,
  UNIQUE (classification_system_id, class_id)
);

CREATE TABLE series (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  fonds_id uuid NOT NULL REFERENCES fonds(id),
  classification_system_id uuid REFERENCES classification_systems(id),
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'overlap', 'closed')),
  period_start date NOT NULL,
  period_end date,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);

CREATE TABLE case_files (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  series_id uuid NOT NULL REFERENCES series(id),
  class_id uuid REFERENCES classes(id),
  case_year integer NOT NULL,
  case_sequence integer NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  public_title text NOT NULL,
  description text,
  status text NOT NULL CHECK (status IN ('in-progress', 'closed-by-officer', 'closed', 'void')),
  case_date date NOT NULL,
  responsible_unit text,
  responsible_officer text,
  screening jsonb,
  keywords text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  closed_at timestamptz,
  closed_by text,
  UNIQUE (tenant_id, case_year, case_sequence)
);
CREATE INDEX case_files_tenant_id ON case_files (tenant_id, id);

CREATE TABLE registry_entries (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  case_file_id uuid NOT NULL REFERENCES case_files(id),
  entry_year integer NOT NULL,
  entry_sequence integer NOT NULL,
  number_in_case integer NOT NULL,
  type text NOT NULL CHECK (type IN ('incoming', 'outgoing', 'internal-with-followup', 'internal-without-followup', 'case-memo')),
  status text NOT NULL CHECK (status IN ('reserved', 'registered', 'finalised', 'approved', 'dispatched', 'archived', 'void')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  public_title text NOT NULL,
  description text,
  document_date date,
  received_date date,
  sent_date date,
  due_date date,
  journal_date date NOT NULL,
  published_at timestamptz,
  responsible_unit text,
  responsible_officer text,
  screening jsonb,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz,
  UNIQUE (tenant_id, entry_year, entry_sequence),
  UNIQUE (case_file_id, number_in_case)
);
CREATE INDEX registry_entries_case ON registry_entries (case_file_id);
CREATE INDEX registry_entries_tenant_id ON registry_entries (tenant_id, id);

CREATE TABLE correspondents (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  registry_entry_id uuid NOT NULL REFERENCES registry_entries(id),
  kind text NOT NULL CHECK (kind IN ('person', 'organisation')),
  role text NOT NULL CHECK (role IN ('sender', 'recipient', 'copy', 'internal-sender', 'internal-recipient')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
  identity_number text,
  organisation_number text,
  address text,
  postal_code text,
  postal_town text,
  country text,
  email text,
  position integer NOT NULL
);
CREATE INDEX correspondents_entry ON correspondents (registry_entry_id);

-- Avskrivning: how an entry needing follow-up was followed up, possibly by another entry.
CREATE TABLE follow_ups (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  registry_entry_id uuid NOT NULL REFERENCES registry_entries(id),
  method text NOT NULL CHECK (method IN ('replied-by-letter', 'replied-by-email', 'replied-by-phone', 'replied-by-memo', 'noted', 'for-information', 'case-closed')),
  by_registry_entry_id uuid REFERENCES registry_entries(id),
  followed_up_at timestamptz NOT NULL,
  followed_up_by text NOT NULL
);
CREATE INDEX follow_ups_entry ON follow_ups (registry_entry_id);

CREATE TABLE documents (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  registry_entry_id uuid NOT NULL REFERENCES registry_entries(id),
  document_number integer NOT NULL,
  relation text NOT NULL CHECK (relation IN ('main', 'attachment')),
  title text NOT NULL,
  document_type text NOT NULL DEFAULT 'letter',
  status text NOT NULL CHECK (status IN ('draft', 'final')),
  screening jsonb,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  UNIQUE (registry_entry_id, document_number)
);

-- Dokumentobjekt: one file per version and variant, stored once by SHA-256 in the file store.
CREATE TABLE document_objects (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  document_id uuid NOT NULL REFERENCES documents(id),
  version integer NOT NULL CHECK (version >= 1),
  variant text NOT NULL CHECK (variant IN ('production', 'archival', 'redacted')),
  format text NOT NULL,
  mime_type text NOT NULL,
  file_name text NOT NULL,
  checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  UNIQUE (document_id, version, variant)
);

CREATE TABLE remarks (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  target_type text NOT NULL CHECK (target_type IN ('case-file', 'registry-entry', 'document')),
  target_id uuid NOT NULL,
  remark_type text NOT NULL DEFAULT 'general',
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);
CREATE INDEX remarks_target ON remarks (target_id);

CREATE TABLE cross_references (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  from_type text NOT NULL CHECK (from_type IN ('case-file', 'registry-entry', 'class')),
  from_id uuid NOT NULL,
  to_type text NOT NULL CHECK (to_type IN ('case-file', 'registry-entry', 'class')),
  to_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);
CREATE INDEX cross_references_from ON cross_references (from_id);

-- Kassasjon: keep, dispose of, or decide later, on a series, class or case file.
CREATE TABLE retention_decisions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  target_type text NOT NULL CHECK (target_type IN ('series', 'class', 'case-file')),
  target_id uuid NOT NULL,
  decision text NOT NULL CHECK (decision IN ('keep', 'dispose', 'review-later')),
  authority text NOT NULL,
  preservation_years integer CHECK (preservation_years BETWEEN 0 AND 1000),
  disposal_date date,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);
CREATE INDEX retention_target ON retention_decisions (target_id);

-- Endringslogg: append-only, written in the same transaction as the change it describes.
CREATE TABLE change_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  changed_at timestamptz NOT NULL,
  actor text NOT NULL,
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  operation text NOT NULL CHECK (operation IN ('create', 'update')),
  field text,
  old_value jsonb,
  new_value jsonb
);
CREATE INDEX change_log_entity ON change_log (entity_id, id);
CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE ON change_log
  FOR EACH ROW EXECUTE FUNCTION radhus_forbid_change();

-- Staff search: a tsvector in the municipality's own language (norwegian/swedish stemming), kept
-- current by a trigger so no code path can forget it.
CREATE FUNCTION radhus_search_config(tenant uuid) RETURNS regconfig LANGUAGE sql STABLE AS $$
  SELECT (CASE language WHEN 'sv' THEN 'swedish' WHEN 'en' THEN 'english' ELSE 'norwegian' END)::regconfig
  FROM tenants WHERE id = tenant $$;
CREATE FUNCTION radhus_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := to_tsvector(radhus_search_config(NEW.tenant_id), coalesce(NEW.title, '') || ' ' || coalesce(NEW.description, ''))
    || to_tsvector('simple', coalesce(NEW.title, ''));
  RETURN NEW;
END $$;
ALTER TABLE case_files ADD COLUMN search tsvector;
ALTER TABLE registry_entries ADD COLUMN search tsvector;
CREATE TRIGGER case_files_search BEFORE INSERT OR UPDATE OF title, description ON case_files
  FOR EACH ROW EXECUTE FUNCTION radhus_search_vector();
CREATE TRIGGER registry_entries_search BEFORE INSERT OR UPDATE OF title, description ON registry_entries
  FOR EACH ROW EXECUTE FUNCTION radhus_search_vector();
CREATE INDEX case_files_search ON case_files USING gin (search);
CREATE INDEX registry_entries_search ON registry_entries USING gin (search);

-- Archived entries are frozen; the database says no even if a code path forgets to.
CREATE FUNCTION radhus_frozen_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'archived' THEN
    RAISE EXCEPTION 'registry entry % is archived and can no longer be changed', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER registry_entries_frozen BEFORE UPDATE ON registry_entries
  FOR EACH ROW EXECUTE FUNCTION radhus_frozen_entry();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['number_series', 'fonds', 'fonds_creators', 'classification_systems', 'classes', 'series',
    'case_files', 'registry_entries', 'correspondents', 'follow_ups', 'documents', 'document_objects', 'remarks',
    'cross_references', 'retention_decisions', 'change_log']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant())', t || '_tenant', t);
    IF t <> 'number_series' THEN
      EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION radhus_forbid_change()', t || '_no_delete', t);
    END IF;
  END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON number_series, fonds, fonds_creators, classification_systems, classes, series,
  case_files, registry_entries, correspondents, follow_ups, documents, document_objects, remarks,
  cross_references, retention_decisions TO radhus_app;
GRANT SELECT, INSERT ON change_log TO radhus_app;
