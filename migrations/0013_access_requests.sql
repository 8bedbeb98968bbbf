-- SPDX-License-Identifier: EUPL-1.2
-- Access requests (innsynskrav, issue 7 §4): a requester's order becomes one request per
-- municipality and responsible unit, with a deadline in working days, a decision that is itself
-- registered in the archive, and the files sent when access is granted.

CREATE TABLE access_requests (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- One submission of the requester; it spans municipalities, so it is an id, not a row.
  order_id uuid NOT NULL,
  -- SHA-256 of the requester's secret status link; the confirmation token's, until confirmed.
  key_hash text NOT NULL,
  confirm_hash text,
  requester_email text,
  requester_user_id uuid REFERENCES users(id),
  requester_name text,
  language text NOT NULL CHECK (language IN ('nb', 'nn', 'sv', 'en')),
  kind text NOT NULL CHECK (kind IN ('request', 'appeal')),
  appeal_of uuid REFERENCES access_requests(id),
  appeal_reason text,
  source text NOT NULL CHECK (source IN ('web', 'einnsyn')),
  external_id text,
  unit_id uuid,
  unit_name text,
  status text NOT NULL CHECK (status IN ('unconfirmed', 'received', 'in-progress', 'decided')),
  received_at timestamptz,
  deadline date,
  reminded_at timestamptz,
  outcome text CHECK (outcome IN ('granted', 'partly-granted', 'refused')),
  legal_basis text,
  explanation text,
  decided_at timestamptz,
  decided_by text,
  case_file_id uuid,
  decision_entry_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (requester_email IS NOT NULL OR requester_user_id IS NOT NULL),
  CHECK ((status = 'decided') = (outcome IS NOT NULL))
);
-- The queue: open requests of a municipality by deadline.
CREATE INDEX access_requests_queue ON access_requests (tenant_id, status, deadline);
CREATE INDEX access_requests_key ON access_requests (key_hash);
CREATE INDEX access_requests_order ON access_requests (order_id);
CREATE INDEX access_requests_requester ON access_requests (requester_user_id) WHERE requester_user_id IS NOT NULL;

CREATE TABLE access_request_entries (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  request_id uuid NOT NULL REFERENCES access_requests(id),
  registry_entry_id uuid NOT NULL,
  position int NOT NULL,
  -- As the public journal showed them when asked for: never a screened value.
  registry_number text NOT NULL,
  document_number text,
  case_number text,
  public_title text NOT NULL,
  PRIMARY KEY (request_id, registry_entry_id)
);

-- What was sent to the requester: the originals when granted, the redacted copies when partly granted.
CREATE TABLE access_request_files (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  request_id uuid NOT NULL REFERENCES access_requests(id),
  registry_entry_id uuid,
  variant text NOT NULL CHECK (variant IN ('original', 'redacted')),
  file_name text NOT NULL,
  mime_type text NOT NULL,
  checksum text NOT NULL,
  size bigint NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX access_request_files_request ON access_request_files (request_id);

-- Every eInnsyn order.xml received, with each of its lines and what it matched: nothing is dropped.
CREATE TABLE access_order_imports (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  format text NOT NULL CHECK (format IN ('v1', 'v2')),
  external_id text,
  received_via text NOT NULL CHECK (received_via IN ('upload', 'mail')),
  lines jsonb NOT NULL,
  matched int NOT NULL,
  unmatched int NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);

-- Row-level security: staff see their municipality's rows. The requester sees their own rows in
-- every municipality, through the hash of their secret link (radhus.access_key) or their login
-- (radhus.user_id), set with SET LOCAL like the tenant; reading, never writing, that way.
ALTER TABLE access_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY access_requests_tenant ON access_requests
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
CREATE POLICY access_requests_requester ON access_requests FOR SELECT
  USING (key_hash = nullif(current_setting('radhus.access_key', true), '')
         OR requester_user_id = nullif(current_setting('radhus.user_id', true), '')::uuid);

ALTER TABLE access_request_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_request_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY access_request_entries_tenant ON access_request_entries
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
CREATE POLICY access_request_entries_requester ON access_request_entries FOR SELECT
  USING (request_id IN (SELECT id FROM access_requests));

ALTER TABLE access_request_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_request_files FORCE ROW LEVEL SECURITY;
CREATE POLICY access_request_files_tenant ON access_request_files
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
-- Only the files of decided requests reach the requester.
CREATE POLICY access_request_files_requester ON access_request_files FOR SELECT
  USING (request_id IN (SELECT id FROM access_requests WHERE status = 'decided'));

ALTER TABLE access_order_imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_order_imports FORCE ROW LEVEL SECURITY;
CREATE POLICY access_order_imports_tenant ON access_order_imports
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());

-- Requests are records of the handling: they change state, never disappear.
GRANT SELECT, INSERT, UPDATE ON access_requests TO radhus_app;
GRANT SELECT, INSERT ON access_request_entries TO radhus_app;
GRANT SELECT, INSERT ON access_request_files TO radhus_app;
GRANT SELECT, INSERT ON access_order_imports TO radhus_app;
