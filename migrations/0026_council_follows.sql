-- SPDX-License-Identifier: EUPL-1.2
-- (Slot 0026 of issue 10; numbered 0023 in this branch only because migrations must have no gaps.)
-- Following the council (issue 10 §3): a visitor follows a body, a case, a politician or a keyword
-- by e-mail (confirmed by a link, cancelled by a link in every mail) and by a per-follow Atom feed.
-- council_follow_mails makes "mailed once" a key: one row per follow, meeting and stage (agenda,
-- minutes), written in the transaction that schedules the mail.
CREATE TABLE council_follows (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  email text NOT NULL,
  language text NOT NULL CHECK (language IN ('nb', 'nn', 'sv', 'en')),
  kind text NOT NULL CHECK (kind IN ('body', 'case', 'person', 'keyword')),
  -- body: its code; case: the case number (2026/12); person: the politician's id; keyword: the words.
  target text NOT NULL CHECK (length(target) BETWEEN 1 AND 200),
  secret text NOT NULL,
  status text NOT NULL DEFAULT 'unconfirmed' CHECK (status IN ('unconfirmed', 'active', 'cancelled')),
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  cancelled_at timestamptz
);
CREATE INDEX council_follows_active ON council_follows (tenant_id, status);

CREATE TABLE council_follow_mails (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  follow_id uuid NOT NULL REFERENCES council_follows(id),
  meeting_id uuid NOT NULL,
  stage text NOT NULL CHECK (stage IN ('agenda', 'minutes')),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (follow_id, meeting_id, stage)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['council_follows', 'council_follow_mails'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant())', t || '_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO radhus_app', t);
  END LOOP;
END $$;
