-- SPDX-License-Identifier: EUPL-1.2
-- Administrative units (administrativ enhet) and the responsible unit and officer of case files and
-- registry entries by id (the name at the time stays in the text columns, as Noark keeps it);
-- and radhus_public, the role that public routes and pages read under.

CREATE TABLE administrative_units (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9ÆØÅæøåÄÖäö._-]{1,20}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  parent_id uuid REFERENCES administrative_units(id),
  -- A unit whose very name reveals something (e.g. a child-welfare office) is not shown publicly.
  hidden_from_public boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  closed_at timestamptz,
  UNIQUE (tenant_id, code),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
ALTER TABLE administrative_units ENABLE ROW LEVEL SECURITY;
CREATE POLICY administrative_units_tenant ON administrative_units
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
CREATE TRIGGER administrative_units_no_delete BEFORE DELETE ON administrative_units
  FOR EACH ROW EXECUTE FUNCTION radhus_forbid_change();
GRANT SELECT, INSERT, UPDATE ON administrative_units TO radhus_app;

ALTER TABLE case_files
  ADD COLUMN responsible_unit_id uuid REFERENCES administrative_units(id),
  ADD COLUMN responsible_officer_id uuid REFERENCES users(id);
ALTER TABLE registry_entries
  ADD COLUMN responsible_unit_id uuid REFERENCES administrative_units(id),
  ADD COLUMN responsible_officer_id uuid REFERENCES users(id);
CREATE INDEX case_files_officer ON case_files (tenant_id, responsible_officer_id, status);
CREATE INDEX case_files_unit ON case_files (tenant_id, responsible_unit_id, status);
CREATE INDEX registry_entries_officer ON registry_entries (tenant_id, responsible_officer_id);
CREATE INDEX registry_entries_unit ON registry_entries (tenant_id, responsible_unit_id);

-- radhus_public: public routes and pages read in transactions under this role. It is granted
-- SELECT on the public projection tables and on public_tenants only, never on archive tables, so a
-- bug in a public query cannot return what those tables do not hold.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'radhus_public') THEN
    CREATE ROLE radhus_public NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$ BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT radhus_public TO %I', current_user);
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO radhus_public;

-- The public fields of municipalities (a view runs with its owner's rights: radhus_public reads
-- these columns and nothing else of tenants).
CREATE VIEW public_tenants AS
  SELECT id, slug, official_number, name, country, language FROM tenants;
GRANT SELECT ON public_tenants TO radhus_public;

-- The public projection: case files and registry entries as the public may see them, written by
-- the journal module's event consumer with screening already applied. These tables never hold a
-- screened value (no sensitive title, no screened name, no identity number), so nothing read from
-- them can leak one. Readable across municipalities on purpose (national search); written only by
-- radhus_app within its own tenant.
CREATE TABLE public_case_files (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  case_number text NOT NULL,
  case_year integer NOT NULL,
  case_sequence integer NOT NULL,
  public_title text NOT NULL,
  status text NOT NULL,
  case_date date NOT NULL,
  responsible_unit text,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_case_files_tenant ON public_case_files (tenant_id, case_year DESC, case_sequence DESC);

CREATE TABLE public_registry_entries (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  case_file_id uuid NOT NULL REFERENCES public_case_files(id),
  registry_number text NOT NULL,
  entry_year integer NOT NULL,
  entry_sequence integer NOT NULL,
  document_number text NOT NULL,
  entry_type text NOT NULL,
  case_number text NOT NULL,
  case_public_title text NOT NULL,
  public_title text NOT NULL,
  document_date date,
  journal_date date NOT NULL,
  responsible_unit text,
  -- [{ "name": "…", "role": "sender" }]; a screened party is "*****", identity numbers never appear.
  correspondents jsonb NOT NULL DEFAULT '[]',
  published_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_registry_entries_tenant_day ON public_registry_entries (tenant_id, journal_date DESC, entry_year DESC, entry_sequence DESC);
CREATE INDEX public_registry_entries_case ON public_registry_entries (case_file_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['public_case_files', 'public_registry_entries'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO radhus_app USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant())', t || '_writer', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO radhus_public USING (true)', t || '_reader', t);
    EXECUTE format('GRANT SELECT ON %I TO radhus_public', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO radhus_app', t);
  END LOOP;
END $$;
