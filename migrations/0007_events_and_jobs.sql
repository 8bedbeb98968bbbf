-- SPDX-License-Identifier: EUPL-1.2
-- The outbox dispatcher and timed jobs (src/platform/events, src/platform/jobs).
--
-- Order of the outbox: ids from concurrent transactions commit out of order (id 7 may commit after
-- id 8), so a reader that remembers "up to id 8" would skip 7 for good. Each row therefore records
-- the transaction that wrote it (tx_id), and the dispatcher reads only rows whose transaction is
-- older than every transaction still running (tx_id < pg_snapshot_xmin(pg_current_snapshot())),
-- in (tx_id, id) order: nothing can commit behind its position any more.
ALTER TABLE outbox ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX outbox_order ON outbox (tx_id, id);

-- A wake-up for dispatchers listening on PostgreSQL (LISTEN radhus_outbox), sent at commit.
CREATE FUNCTION radhus_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('radhus_outbox', '');
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION radhus_outbox_notify();

-- radhus_worker: the role of background bookkeeping (reading the outbox of every municipality,
-- moving consumer positions, claiming jobs). Event handlers themselves run as radhus_app in the
-- event's municipality. A role of its own, rather than the owner, so that the policies below hold
-- even where row-level security is forced on the owner.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'radhus_worker') THEN
    CREATE ROLE radhus_worker NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$ BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT radhus_worker TO %I', current_user);
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO radhus_worker;
GRANT SELECT ON tenants TO radhus_worker;
GRANT SELECT ON outbox TO radhus_worker;
CREATE POLICY outbox_worker ON outbox FOR SELECT TO radhus_worker USING (true);

-- One row per consumer (its name from the module manifest): the last event it has dealt with, as
-- (position_tx, position_id) in the outbox's order, and whether it is failing.
CREATE TABLE event_consumers (
  name text PRIMARY KEY,
  position_tx xid8 NOT NULL DEFAULT '0',
  position_id bigint NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'failing')),
  -- Failed attempts at failing_event_id in a row; reset when it gets past it.
  attempts integer NOT NULL DEFAULT 0,
  failing_event_id bigint,
  last_error text,
  last_error_at timestamptz,
  next_attempt_at timestamptz,
  handled_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT, UPDATE ON event_consumers TO radhus_worker;

-- Timed work. A job is scheduled in the transaction that decides it (as radhus_app in its
-- municipality, or installation-wide), claimed by one process at a time (row lock + lease), and
-- taken over when the process holding it died before its lease ran out.
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  type text NOT NULL CHECK (length(type) BETWEEN 1 AND 200),
  tenant_id uuid REFERENCES tenants(id),
  payload jsonb NOT NULL DEFAULT '{}',
  -- Idempotency: scheduling a key that exists does nothing (per municipality, or installation-wide).
  key text,
  run_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  -- Attempts started (a claim counts one, so a job that kills its process is not retried forever).
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  locked_by text,
  locked_until timestamptz,
  created_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE UNIQUE INDEX jobs_key ON jobs (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), key) WHERE key IS NOT NULL;
CREATE INDEX jobs_due ON jobs (run_at) WHERE status IN ('pending', 'running');
CREATE INDEX jobs_failed ON jobs (status) WHERE status = 'failed';
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY jobs_tenant ON jobs TO radhus_app
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id IS NULL OR tenant_id = radhus_tenant());
CREATE POLICY jobs_worker ON jobs TO radhus_worker USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON jobs TO radhus_app;
GRANT SELECT, INSERT, UPDATE ON jobs TO radhus_worker;
