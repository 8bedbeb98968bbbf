-- SPDX-License-Identifier: EUPL-1.2
-- E-service forms (issue 9 §1, §2): definitions as data, versioned; the citizen's drafts; the
-- submissions, each filed as a case in the archive in the transaction that accepted it.

-- A form of one municipality; its content is in form_versions. A form adopted from another
-- municipality of the installation names its source (define once, use in five).
CREATE TABLE form_definitions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  key text NOT NULL,
  current_version int NOT NULL,
  -- The version citizens see and submit; null until published.
  published_version int,
  adopted_from uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, key)
);

-- Every version ever saved: a submission keeps the version it was made with, so none is changed.
CREATE TABLE form_versions (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  form_id uuid NOT NULL REFERENCES form_definitions(id),
  version int NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  PRIMARY KEY (form_id, version)
);

-- The published forms, as the public service catalogue reads them (radhus_public, across
-- municipalities, which is also how another municipality adopts one). Only published definitions,
-- which hold nothing but the form itself.
CREATE TABLE public_forms (
  form_id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  key text NOT NULL,
  version int NOT NULL,
  definition jsonb NOT NULL,
  published_at timestamptz NOT NULL,
  UNIQUE (tenant_id, key)
);

-- A citizen's unfinished answers, one per form and person, continued later (My page).
CREATE TABLE form_drafts (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  form_id uuid NOT NULL REFERENCES form_definitions(id),
  version int NOT NULL,
  -- Whose draft: "user:<id>" for a person logged in, "system:<id>" for a token.
  owner text NOT NULL,
  answers jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (form_id, owner)
);

CREATE TABLE form_submissions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  form_id uuid NOT NULL REFERENCES form_definitions(id),
  version int NOT NULL,
  -- Who sent it ("user:<id>" or "system:<id>"): only they, and the municipality's staff, read the receipt.
  owner text NOT NULL,
  submitted_by text NOT NULL,
  -- The citizen the submission is for, by identity number; the channel it came by.
  national_id text,
  submitter_name text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('web', 'paper', 'phone', 'counter')),
  answers jsonb NOT NULL,
  case_file_id uuid NOT NULL,
  registry_entry_id uuid NOT NULL,
  case_number text NOT NULL,
  registry_number text NOT NULL,
  -- SHA-256 of the answers PDF, the receipt PDF and each attachment ({field, fileName, mimeType, checksum, size}).
  answers_checksum text NOT NULL,
  receipt_checksum text NOT NULL,
  receipt_size bigint NOT NULL,
  attachments jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (form_id, version) REFERENCES form_versions(form_id, version)
);
CREATE INDEX form_submissions_owner ON form_submissions (owner);

-- Row-level security: a municipality's own rows only (FORCEd, as in 0010 and 0013). Drafts and
-- submissions are further limited to their person in the queries (a citizen asks for their own).
ALTER TABLE form_definitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE form_definitions FORCE ROW LEVEL SECURITY;
CREATE POLICY form_definitions_tenant ON form_definitions
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());

ALTER TABLE form_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE form_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY form_versions_tenant ON form_versions
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());

ALTER TABLE public_forms ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_forms FORCE ROW LEVEL SECURITY;
CREATE POLICY public_forms_writer ON public_forms TO radhus_app
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
CREATE POLICY public_forms_reader ON public_forms FOR SELECT TO radhus_public USING (true);

ALTER TABLE form_drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE form_drafts FORCE ROW LEVEL SECURITY;
CREATE POLICY form_drafts_tenant ON form_drafts
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());

ALTER TABLE form_submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE form_submissions FORCE ROW LEVEL SECURITY;
CREATE POLICY form_submissions_tenant ON form_submissions
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());

-- Versions and submissions are records: written once, never changed or removed.
GRANT SELECT, INSERT, UPDATE ON form_definitions TO radhus_app;
GRANT SELECT, INSERT ON form_versions TO radhus_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON public_forms TO radhus_app;
GRANT SELECT ON public_forms TO radhus_public;
GRANT SELECT, INSERT, UPDATE, DELETE ON form_drafts TO radhus_app;
GRANT SELECT, INSERT ON form_submissions TO radhus_app;

-- Signing (issue 9 §2), reusable by other modules (citizen proposals): a request to sign a piece
-- of content (its SHA-256), the people invited to sign it, and each signature (who, when, at which
-- level, over which content). A signature is over the hash: changed content needs new signatures.
CREATE TABLE signing_requests (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  subject_type text NOT NULL,
  subject_id uuid NOT NULL,
  content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  level text NOT NULL CHECK (level IN ('none', 'substantial', 'high')),
  requested_by text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX signing_requests_subject ON signing_requests (subject_type, subject_id);

CREATE TABLE signing_invitations (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  request_id uuid NOT NULL REFERENCES signing_requests(id),
  name text NOT NULL,
  email text NOT NULL,
  -- SHA-256 of the secret in the invitation mail's link.
  token_hash text NOT NULL,
  signature_id uuid,
  created_at timestamptz NOT NULL
);

CREATE TABLE signatures (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  request_id uuid NOT NULL REFERENCES signing_requests(id),
  signer text NOT NULL,
  signer_name text NOT NULL,
  identity_number text,
  level text NOT NULL CHECK (level IN ('none', 'substantial', 'high')),
  content_sha256 text NOT NULL,
  signed_at timestamptz NOT NULL,
  UNIQUE (request_id, signer)
);

ALTER TABLE signing_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE signing_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY signing_requests_tenant ON signing_requests USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
ALTER TABLE signing_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE signing_invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY signing_invitations_tenant ON signing_invitations USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
ALTER TABLE signatures ENABLE ROW LEVEL SECURITY;
ALTER TABLE signatures FORCE ROW LEVEL SECURITY;
CREATE POLICY signatures_tenant ON signatures USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
-- Signatures are records: written once. An invitation is updated once, when it is signed.
GRANT SELECT, INSERT ON signing_requests TO radhus_app;
GRANT SELECT, INSERT, UPDATE ON signing_invitations TO radhus_app;
GRANT SELECT, INSERT ON signatures TO radhus_app;
