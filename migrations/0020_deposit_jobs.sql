-- SPDX-License-Identifier: EUPL-1.2
-- Deposit jobs (issue 8 §5): an archivist's export (Noark 5 or FGS) or verification of a package,
-- run in the background by platform/jobs. The row is what the archivist watches: its state, the
-- phase with counts and rate while it runs, and the result (counts, or the verifier's report) after.
-- The package itself is written under DATA_DIR/exports/<tenant>/<id>/.

CREATE TABLE deposit_jobs (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL CHECK (kind IN ('export', 'verification')),
  format text NOT NULL CHECK (format IN ('noark5', 'fgs')),
  -- The series exported; null: all of the municipality's series.
  series_id uuid,
  -- The export whose package a verification checks.
  source_job_id uuid REFERENCES deposit_jobs(id),
  state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  phase text,
  done_count bigint NOT NULL DEFAULT 0,
  total_count bigint NOT NULL DEFAULT 0,
  rate real NOT NULL DEFAULT 0,
  -- Written while it runs (every few seconds): a running row whose heartbeat stopped was interrupted.
  heartbeat_at timestamptz,
  -- Export: counts and warnings. Verification: the verifier's report (message keys, no texts).
  result jsonb,
  passed boolean,
  error text,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  CHECK ((kind = 'verification') = (source_job_id IS NOT NULL))
);
CREATE INDEX deposit_jobs_list ON deposit_jobs (tenant_id, created_at DESC);
CREATE INDEX deposit_jobs_running ON deposit_jobs (state) WHERE state IN ('queued', 'running');

ALTER TABLE deposit_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE deposit_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY deposit_jobs_tenant ON deposit_jobs
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());

-- A job is a record of what was handed over: it changes state, never disappears.
GRANT SELECT, INSERT, UPDATE ON deposit_jobs TO radhus_app;
