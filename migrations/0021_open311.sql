-- SPDX-License-Identifier: EUPL-1.2
-- Open311 GeoReport v2 (issue 9 §2): apps file reports of problems through /open311/v2/. Each
-- municipality gives its API keys (stored hashed, revocable); each report is a form submission
-- filed as a case, and keeps here the public values the API shows back (never a name, e-mail or
-- phone number, which stay in the archive's case).

CREATE TABLE open311_keys (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  -- SHA-256 of the key; the key itself is shown once, when created.
  key_hash text NOT NULL UNIQUE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE open311_requests (
  -- The tracking id (service_request_id) is the submission's id: shown to the reporter, unguessable.
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  key_id uuid NOT NULL REFERENCES open311_keys(id),
  service_code text NOT NULL,
  case_file_id uuid NOT NULL,
  lat double precision,
  long double precision,
  address text,
  description text,
  requested_at timestamptz NOT NULL
);
CREATE INDEX open311_requests_listing ON open311_requests (tenant_id, requested_at DESC);

ALTER TABLE open311_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE open311_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY open311_keys_tenant ON open311_keys USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
ALTER TABLE open311_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE open311_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY open311_requests_tenant ON open311_requests USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());

-- A key is revoked (updated once), never deleted: a report names the key it came with. Reports are records.
GRANT SELECT, INSERT, UPDATE ON open311_keys TO radhus_app;
GRANT SELECT, INSERT ON open311_requests TO radhus_app;

-- A submission may now come through Open311.
ALTER TABLE form_submissions DROP CONSTRAINT form_submissions_channel_check;
ALTER TABLE form_submissions ADD CONSTRAINT form_submissions_channel_check CHECK (channel IN ('web', 'paper', 'phone', 'counter', 'open311'));
