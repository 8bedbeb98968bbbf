-- SPDX-License-Identifier: EUPL-1.2
-- Issue 9 §2: a signature is made after a fresh login at the form's level. It records when that
-- login was (the identity provider's authentication, which began the session), beside the level the
-- login had (the column `level`, now the login's rather than the level asked for). Signatures made
-- before this migration have none.
ALTER TABLE signatures ADD COLUMN authenticated_at timestamptz;
ALTER TABLE signatures ADD CONSTRAINT signatures_login_before_signing CHECK (authenticated_at IS NULL OR authenticated_at <= signed_at);
