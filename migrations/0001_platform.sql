-- SPDX-License-Identifier: EUPL-1.2
-- Roles, tenant context and the transactional outbox.
-- radhus_app is what every request runs as (SET LOCAL ROLE): not a superuser, no BYPASSRLS, so
-- row-level security binds it on PGlite and PostgreSQL alike. Roles are cluster-wide: creating it
-- tolerates another database of the same cluster having done so first.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'radhus_app') THEN
    CREATE ROLE radhus_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- A non-superuser owner (production) must be a member to SET ROLE; a superuser needs nothing.
DO $$ BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT radhus_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO radhus_app;

-- The tenant of the current transaction, or null (then tenant-owned rows are invisible).
CREATE FUNCTION radhus_tenant() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('radhus.tenant_id', true), '')::uuid $$;

CREATE FUNCTION radhus_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never %d', TG_TABLE_NAME, lower(TG_OP)
    USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TABLE tenants (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
  official_number text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  country text NOT NULL CHECK (country IN ('NO', 'SE')),
  language text NOT NULL CHECK (language IN ('nb', 'nn', 'sv', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (country, official_number)
);
-- The list of municipalities is public; changing it is an installation task (CLI, tenant admins).
GRANT SELECT, INSERT, UPDATE ON tenants TO radhus_app;
CREATE TRIGGER tenants_no_delete BEFORE DELETE ON tenants FOR EACH ROW EXECUTE FUNCTION radhus_forbid_change();

CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  event_type text NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id uuid NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  dispatched_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY outbox_tenant ON outbox USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
GRANT SELECT, INSERT, UPDATE (dispatched_at) ON outbox TO radhus_app;
