-- SPDX-License-Identifier: EUPL-1.2
-- People (from OIDC), their roles per municipality, login sessions, and system tokens.
CREATE TABLE users (
  id uuid PRIMARY KEY,
  issuer text NOT NULL,
  subject text NOT NULL,
  name text NOT NULL,
  email text,
  identity_number text,
  created_at timestamptz NOT NULL,
  last_login_at timestamptz,
  UNIQUE (issuer, subject)
);
GRANT SELECT, INSERT, UPDATE ON users TO radhus_app;

-- A person may hold roles in several municipalities (inter-municipal cooperation); each
-- municipality sees only its own assignments, and a person sees their own across all of them.
CREATE TABLE role_assignments (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('citizen', 'case-officer', 'archivist', 'politician', 'tenant-admin', 'system')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, user_id, role)
);
ALTER TABLE role_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY role_assignments_tenant ON role_assignments
  USING (tenant_id = radhus_tenant() OR user_id = nullif(current_setting('radhus.user_id', true), '')::uuid)
  WITH CHECK (tenant_id = radhus_tenant());
GRANT SELECT, INSERT, DELETE ON role_assignments TO radhus_app;

-- Sessions live in the database so any app server behind a load balancer can serve any request.
-- Only the SHA-256 of the cookie value is stored.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  id_token text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO radhus_app;

-- Bearer tokens for integrations: stored hashed, one tenant and one role each, revocable.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  role text NOT NULL CHECK (role IN ('citizen', 'case-officer', 'archivist', 'politician', 'tenant-admin', 'system')),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz
);
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY api_tokens_tenant ON api_tokens USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
GRANT SELECT, INSERT, UPDATE (revoked_at, last_used_at) ON api_tokens TO radhus_app;
