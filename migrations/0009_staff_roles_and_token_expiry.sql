-- SPDX-License-Identifier: EUPL-1.2
-- Staff and their roles: where each role assignment came from, grants waiting for a person's first
-- login, and bearer tokens that expire.

-- 'idp': applied at login from the identity provider's claims (removed at the next login that no
-- longer carries it); 'local': granted in Rådhus itself (CLI or a tenant administrator), kept until
-- revoked there. Rows from before this migration were all made at login, hence 'idp'.
ALTER TABLE role_assignments ADD COLUMN source text NOT NULL DEFAULT 'idp' CHECK (source IN ('idp', 'local'));
ALTER TABLE role_assignments ALTER COLUMN source SET DEFAULT 'local';
GRANT UPDATE (source) ON role_assignments TO radhus_app;

-- Whether the provider vouched for the e-mail address: only a verified address claims a pending grant.
ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;

-- A role granted before the person has ever logged in, matched at their first login by the subject
-- (sub) or a verified e-mail address, then marked claimed (kept as the record of who granted it).
CREATE TABLE pending_role_grants (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  email text CHECK (email IS NULL OR email = lower(email)),
  subject text,
  role text NOT NULL CHECK (role IN ('citizen', 'case-officer', 'archivist', 'politician', 'tenant-admin')),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  claimed_at timestamptz,
  claimed_by uuid REFERENCES users(id),
  CHECK ((email IS NULL) <> (subject IS NULL))
);
CREATE UNIQUE INDEX pending_role_grants_open ON pending_role_grants (tenant_id, coalesce(email, ''), coalesce(subject, ''), role) WHERE claimed_at IS NULL;
CREATE INDEX pending_role_grants_email ON pending_role_grants (email) WHERE claimed_at IS NULL;
CREATE INDEX pending_role_grants_subject ON pending_role_grants (subject) WHERE claimed_at IS NULL;
ALTER TABLE pending_role_grants ENABLE ROW LEVEL SECURITY;
-- At login no municipality is chosen yet: the person's own subject and verified e-mail (set by the
-- login transaction) let their grants in every municipality through, and nobody else's.
CREATE POLICY pending_role_grants_tenant ON pending_role_grants
  USING (
    tenant_id = radhus_tenant()
    OR subject = nullif(current_setting('radhus.login_subject', true), '')
    OR email = nullif(current_setting('radhus.login_email', true), '')
  )
  WITH CHECK (tenant_id = radhus_tenant());
-- A grant withdrawn before anyone claimed it is deleted: it never gave anybody anything.
GRANT SELECT, INSERT, DELETE, UPDATE (claimed_at, claimed_by) ON pending_role_grants TO radhus_app;

-- A token may carry an expiry; an expired token is refused like a revoked one.
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
