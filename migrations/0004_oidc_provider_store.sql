-- SPDX-License-Identifier: EUPL-1.2
-- The built-in demo OpenID provider's state (interactions, sessions, codes, grants, tokens), so a
-- login started on one app server can be finished on another, and survives a restart. Installation-
-- wide, not tenant data: no tenant_id, no row-level security.
-- These rows are a cache of short-lived login state that expires within hours, not archive data:
-- the application deletes them (logout, revocation, expiry), hence DELETE is granted.
CREATE TABLE oidc_provider_payloads (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_provider_payloads_grant ON oidc_provider_payloads (grant_id);
CREATE INDEX oidc_provider_payloads_user_code ON oidc_provider_payloads (user_code);
CREATE INDEX oidc_provider_payloads_uid ON oidc_provider_payloads (uid);
CREATE INDEX oidc_provider_payloads_expiry ON oidc_provider_payloads (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON oidc_provider_payloads TO radhus_app;
