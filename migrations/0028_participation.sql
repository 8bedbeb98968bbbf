-- SPDX-License-Identifier: EUPL-1.2
-- Participation and the politician's workspace (issue 11): citizen proposals signed with e-ID
-- (innbyggerforslag, kommuneloven § 12-1; medborgarförslag, kommunallagen 8 kap. 1 §), public
-- consultations filed into their case (høring / remiss), questions to politicians, and the elected
-- member's private notes, absence and substitute calls. Working tables are per tenant under
-- radhus_app; public_* are their projections, read under radhus_public, which can read nothing else.

-- Per municipality: the rule for the proposal threshold. Norway: 2 % of the inhabitants or 300,
-- whichever is lower; Sweden: the municipality's own number (fullmäktige decides). `proposal_threshold`
-- set overrides the computed one (a Swedish municipality's own rule, or the demo's lowered one).
CREATE TABLE participation_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  inhabitants integer CHECK (inhabitants > 0),
  proposal_threshold integer CHECK (proposal_threshold > 0),
  -- How long a proposal is open for signatures before it lapses.
  signing_days integer NOT NULL DEFAULT 180 CHECK (signing_days BETWEEN 1 AND 730),
  -- The body that must decide a proposal that reaches the threshold (kommunestyret / fullmäktige).
  proposal_body_id uuid REFERENCES council_bodies(id),
  updated_at timestamptz NOT NULL
);

CREATE TABLE citizen_proposals (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 10 AND 20000),
  -- The author (a logged-in citizen). The name is published with the proposal; the identity number
  -- never is (it sits only on the author's own signature).
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_name text NOT NULL,
  language text NOT NULL CHECK (language IN ('nb', 'nn', 'sv', 'en')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reached', 'on-agenda', 'decided', 'lapsed', 'withdrawn')),
  -- The threshold in force when the proposal was created (settings may change later).
  threshold integer NOT NULL CHECK (threshold > 0),
  signature_count integer NOT NULL DEFAULT 0 CHECK (signature_count >= 0),
  closes_at timestamptz NOT NULL,
  reached_at timestamptz,
  -- The political case the proposal became, for this body, and its statutory deadline (Norway: a
  -- decision within six months; Sweden: within a year, kommunallagen 5 kap. 35 §).
  body_id uuid REFERENCES council_bodies(id),
  case_file_id uuid REFERENCES case_files(id),
  registry_entry_id uuid REFERENCES registry_entries(id),
  decision_due_on date,
  agenda_item_id uuid REFERENCES council_agenda_items(id),
  decision_text text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((status IN ('open', 'lapsed', 'withdrawn')) OR reached_at IS NOT NULL)
);
CREATE INDEX citizen_proposals_status ON citizen_proposals (tenant_id, status, created_at DESC);
CREATE INDEX citizen_proposals_case ON citizen_proposals (case_file_id);

-- One signature per person per proposal, counted by identity number (never published). e-ID
-- signatures carry the login's level and time; paper ones the staff member who registered them.
CREATE TABLE citizen_proposal_signatures (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  proposal_id uuid NOT NULL REFERENCES citizen_proposals(id),
  identity_number text NOT NULL CHECK (identity_number ~ '^[0-9]{11,12}$'),
  name text NOT NULL,
  source text NOT NULL CHECK (source IN ('eid', 'paper')),
  user_id uuid REFERENCES users(id),
  level text CHECK (level IN ('substantial', 'high')),
  authenticated_at timestamptz,
  registered_by uuid REFERENCES users(id),
  -- The signer asked to be told what happens to the proposal (reached, on agenda, decided).
  notify_email text,
  language text NOT NULL DEFAULT 'nb' CHECK (language IN ('nb', 'nn', 'sv', 'en')),
  signed_at timestamptz NOT NULL,
  CHECK ((source = 'eid') = (user_id IS NOT NULL AND level IS NOT NULL)),
  CHECK ((source = 'paper') = (registered_by IS NOT NULL)),
  UNIQUE (proposal_id, identity_number)
);
-- Proposal notifications sent once per proposal, step and recipient (a key, not a flag).
CREATE TABLE citizen_proposal_notices (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  proposal_id uuid NOT NULL REFERENCES citizen_proposals(id),
  step text NOT NULL CHECK (step IN ('reached', 'on-agenda', 'decided', 'lapsed')),
  email text NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (proposal_id, step, email)
);

-- A public consultation on a case (høring / remiss), opened by the case officer.
CREATE TABLE consultations (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  case_file_id uuid NOT NULL REFERENCES case_files(id),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  description text NOT NULL DEFAULT '',
  opens_at timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  -- The registry entries of the case that are the consultation's documents (their public files are
  -- shown from public_documents as the archive's screening allows).
  document_entry_ids uuid[] NOT NULL DEFAULT '{}',
  -- The officer publishes the list of comments (null: not yet).
  comments_published_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (deadline > opens_at)
);
CREATE INDEX consultations_tenant ON consultations (tenant_id, deadline DESC);

-- A comment, from a logged-in person or confirmed by e-mail; filed as an incoming registry entry in
-- the consultation's case once confirmed (before the deadline).
CREATE TABLE consultation_comments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  consultation_id uuid NOT NULL REFERENCES consultations(id),
  author_name text NOT NULL CHECK (length(author_name) BETWEEN 1 AND 200),
  organisation text,
  email text,
  user_id uuid REFERENCES users(id),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 50000),
  language text NOT NULL CHECK (language IN ('nb', 'nn', 'sv', 'en')),
  status text NOT NULL CHECK (status IN ('unconfirmed', 'filed', 'expired')),
  -- sha256 of the confirmation secret mailed to an anonymous commenter.
  confirm_hash text,
  registry_entry_id uuid REFERENCES registry_entries(id),
  submitted_at timestamptz NOT NULL,
  filed_at timestamptz,
  CHECK (user_id IS NOT NULL OR email IS NOT NULL),
  CHECK ((status = 'filed') = (registry_entry_id IS NOT NULL))
);
CREATE INDEX consultation_comments_consultation ON consultation_comments (consultation_id, submitted_at);

-- A citizen's question to a named politician or a party group, answered in public.
CREATE TABLE council_questions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  asker_user_id uuid NOT NULL REFERENCES users(id),
  -- The name the asker chose to show with the question.
  asker_name text NOT NULL CHECK (length(asker_name) BETWEEN 1 AND 120),
  person_id uuid REFERENCES council_persons(id),
  party_id uuid REFERENCES council_parties(id),
  text text NOT NULL CHECK (length(text) BETWEEN 10 AND 5000),
  language text NOT NULL CHECK (language IN ('nb', 'nn', 'sv', 'en')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'withdrawn', 'rejected')),
  -- The secretariat may reject a question that breaks the published rules; the reason is shown.
  rejected_reason text,
  answer_text text,
  answered_by_person_id uuid REFERENCES council_persons(id),
  asked_at timestamptz NOT NULL,
  answered_at timestamptz,
  updated_at timestamptz NOT NULL,
  CHECK ((person_id IS NULL) <> (party_id IS NULL)),
  CHECK ((status = 'answered') = (answer_text IS NOT NULL)),
  CHECK ((status = 'rejected') = (rejected_reason IS NOT NULL))
);
CREATE INDEX council_questions_tenant ON council_questions (tenant_id, status, asked_at);

-- A member's private notes on an agenda item or one of its documents: only the author reads them,
-- held by the policy below (radhus.user_id is the caller), not only by the application's queries.
-- Notes are the member's own working papers; nothing here is shared with other members.
CREATE TABLE council_member_notes (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  author_user_id uuid NOT NULL REFERENCES users(id),
  agenda_item_id uuid NOT NULL REFERENCES council_agenda_items(id),
  registry_entry_id uuid REFERENCES registry_entries(id),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX council_member_notes_author ON council_member_notes (author_user_id, agenda_item_id);

-- Absence (forfall) reported by a member calls the next substitute in order.
CREATE TABLE council_substitute_calls (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES council_meetings(id),
  absent_person_id uuid NOT NULL REFERENCES council_persons(id),
  substitute_person_id uuid NOT NULL REFERENCES council_persons(id),
  status text NOT NULL DEFAULT 'called' CHECK (status IN ('called', 'accepted', 'declined')),
  called_at timestamptz NOT NULL,
  answered_at timestamptz,
  UNIQUE (meeting_id, substitute_person_id)
);

-- The item now under discussion, set by the secretariat during the meeting.
ALTER TABLE council_meetings ADD COLUMN current_item_id uuid REFERENCES council_agenda_items(id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['participation_settings', 'citizen_proposals', 'citizen_proposal_signatures',
    'citizen_proposal_notices', 'consultations', 'consultation_comments', 'council_questions',
    'council_substitute_calls'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant())', t || '_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO radhus_app', t);
  END LOOP;
END $$;

ALTER TABLE council_member_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE council_member_notes FORCE ROW LEVEL SECURITY;
CREATE POLICY council_member_notes_author ON council_member_notes
  USING (tenant_id = radhus_tenant() AND author_user_id = nullif(current_setting('radhus.user_id', true), '')::uuid)
  WITH CHECK (tenant_id = radhus_tenant() AND author_user_id = nullif(current_setting('radhus.user_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON council_member_notes TO radhus_app;

-- ---------------------------------------------------------------------------------------------
-- Public projections. No identity number, e-mail or login anywhere; signatures only as a count.

CREATE TABLE public_citizen_proposals (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  title text NOT NULL,
  body text NOT NULL,
  author_name text NOT NULL,
  status text NOT NULL,
  threshold integer NOT NULL,
  signature_count integer NOT NULL,
  closes_at timestamptz NOT NULL,
  reached_at timestamptz,
  body_id uuid,
  case_file_id uuid,
  case_number text,
  decision_due_on date,
  meeting_id uuid,
  agenda_item_id uuid,
  decision_text text,
  decided_at timestamptz,
  search tsvector NOT NULL DEFAULT ''::tsvector,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_citizen_proposals_list ON public_citizen_proposals (tenant_id, status, created_at DESC);
CREATE INDEX public_citizen_proposals_search ON public_citizen_proposals USING gin (search);

CREATE TABLE public_consultations (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  case_file_id uuid NOT NULL,
  case_number text,
  title text NOT NULL,
  description text NOT NULL,
  opens_at timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  -- [registry entry id, …]: their files are those in public_documents.
  document_entry_ids uuid[] NOT NULL DEFAULT '{}',
  comments_published_at timestamptz,
  comment_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_consultations_list ON public_consultations (tenant_id, deadline DESC);

-- Filled only once the officer publishes the list, and with what the archive's screening lets out:
-- the sender as the public journal shows it, the text only when the entry is not screened.
CREATE TABLE public_consultation_comments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  consultation_id uuid NOT NULL REFERENCES public_consultations(id) ON DELETE CASCADE,
  sender text,
  organisation text,
  text text,
  registry_entry_id uuid,
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_consultation_comments_list ON public_consultation_comments (consultation_id, received_at);

CREATE TABLE public_council_questions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  asker_name text NOT NULL,
  person_id uuid,
  party_id uuid,
  text text NOT NULL,
  status text NOT NULL,
  rejected_reason text,
  answer_text text,
  answered_by_person_id uuid,
  asked_at timestamptz NOT NULL,
  answered_at timestamptz,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_council_questions_list ON public_council_questions (tenant_id, asked_at DESC);
CREATE INDEX public_council_questions_person ON public_council_questions (person_id, asked_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['public_citizen_proposals', 'public_consultations', 'public_consultation_comments',
    'public_council_questions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO radhus_app USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant())', t || '_writer', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO radhus_public USING (true)', t || '_reader', t);
    EXECUTE format('GRANT SELECT ON %I TO radhus_public', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO radhus_app', t);
  END LOOP;
END $$;
