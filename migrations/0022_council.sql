-- SPDX-License-Identifier: EUPL-1.2
-- Council information (issue 10): political bodies, election periods, parties, members, meetings,
-- agendas tied to political cases in the archive, proposals, votes, decisions, minutes, justering
-- (Sweden) and video. The council_* tables are the secretariat's working data (radhus_app, per
-- tenant). The public_council_* tables are their public projection, written by the council module's
-- event consumer with closed items and unpublished agendas already left out, and read by public
-- pages, feeds and the OParl API under radhus_public — which can read nothing else here.

-- Election period (valgperiode / mandatperiod); OParl legislativeTerm.
CREATE TABLE council_terms (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (ends_on > starts_on),
  UNIQUE (tenant_id, name)
);

CREATE TABLE council_parties (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- The party's usual letters (Ap, H, S, M, …): stable per municipality, shown in vote tables.
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
  name text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, code)
);

-- Elected members and substitutes. Politicians are public persons in this role; their e-mail and
-- login (user_id, for the tablet workspace) are not published.
CREATE TABLE council_persons (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  party_id uuid REFERENCES council_parties(id),
  user_id uuid REFERENCES users(id),
  email text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX council_persons_tenant ON council_persons (tenant_id, family_name, given_name);

-- kommunestyre, formannskap, utvalg; kommunfullmäktige, kommunstyrelse, nämnd.
CREATE TABLE council_bodies (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  kind text NOT NULL CHECK (kind IN ('council', 'executive', 'committee', 'other')),
  name text NOT NULL,
  short_name text,
  -- Norway: the summons and case papers are published this many days before the meeting.
  publish_days_before integer NOT NULL DEFAULT 7 CHECK (publish_days_before BETWEEN 0 AND 60),
  -- Sweden: how many adjusters (justerare) check and sign the minutes.
  adjusters_required integer NOT NULL DEFAULT 2 CHECK (adjusters_required BETWEEN 0 AND 5),
  -- The secretariat's unit (the political cases' responsible unit).
  unit_id uuid REFERENCES administrative_units(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, code)
);

CREATE TABLE council_memberships (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  body_id uuid NOT NULL REFERENCES council_bodies(id),
  term_id uuid NOT NULL REFERENCES council_terms(id),
  person_id uuid NOT NULL REFERENCES council_persons(id),
  role text NOT NULL CHECK (role IN ('leader', 'deputy', 'member', 'substitute')),
  -- The party the person sits for in this body (a list may change party during a term).
  party_id uuid REFERENCES council_parties(id),
  -- Substitutes are called in this order (per party list); members have none.
  substitute_order integer CHECK (substitute_order > 0),
  starts_on date NOT NULL,
  ends_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((role = 'substitute') = (substitute_order IS NOT NULL)),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX council_memberships_body ON council_memberships (body_id, term_id);
CREATE INDEX council_memberships_person ON council_memberships (person_id);

CREATE TABLE council_meetings (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  body_id uuid NOT NULL REFERENCES council_bodies(id),
  term_id uuid REFERENCES council_terms(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  location text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'summoned', 'held', 'cancelled')),
  -- A meeting held behind closed doors as a whole; single items are closed on the item.
  open boolean NOT NULL DEFAULT true,
  -- When the summons was sent, and from when the agenda and papers are public (Norway: the body's
  -- publish_days_before ahead of the meeting; never later than the summons' own date).
  summoned_at timestamptz,
  agenda_public_from timestamptz,
  live_stream_url text,
  recording_url text,
  -- Minutes: draft while the meeting runs, approved by the secretariat; in Sweden adjusted
  -- (justerat) by the adjusters before they are published.
  minutes_status text NOT NULL DEFAULT 'none' CHECK (minutes_status IN ('none', 'draft', 'approved', 'adjusted')),
  minutes_entry_id uuid REFERENCES registry_entries(id),
  minutes_approved_at timestamptz,
  minutes_approved_by text,
  minutes_adjusted_at timestamptz,
  -- Sweden (kommunallagen 8 kap. 12 §, 13 kap. 5 §): the notice of adjusted minutes on the notice
  -- board, and the day the three-week appeal window closes (working-day calendar).
  notice_posted_on date,
  appeal_closes_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX council_meetings_body ON council_meetings (tenant_id, body_id, starts_at);

CREATE TABLE council_agenda_items (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES council_meetings(id),
  position integer NOT NULL CHECK (position > 0),
  -- The item's number as printed (PS 12/26, § 45); free text, the body's own style.
  item_number text NOT NULL,
  title text NOT NULL,
  -- What the public sees: the case's public title (screening applied in the archive).
  public_title text NOT NULL,
  -- The political case in the archive and its case presentation (saksframlegg / tjänsteskrivelse).
  case_file_id uuid REFERENCES case_files(id),
  presentation_entry_id uuid REFERENCES registry_entries(id),
  late boolean NOT NULL DEFAULT false,
  closed boolean NOT NULL DEFAULT false,
  closed_legal_basis text,
  decision_text text,
  decided_at timestamptz,
  -- Seconds into the recording where this item starts; its captions/transcript (WebVTT), stored
  -- content-addressed in the file store.
  video_offset_seconds integer CHECK (video_offset_seconds >= 0),
  transcript_sha256 text CHECK (transcript_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (closed = (closed_legal_basis IS NOT NULL)),
  UNIQUE (meeting_id, position)
);
CREATE INDEX council_agenda_items_case ON council_agenda_items (case_file_id);

CREATE TABLE council_attendance (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES council_meetings(id),
  person_id uuid NOT NULL REFERENCES council_persons(id),
  status text NOT NULL CHECK (status IN ('present', 'absent')),
  -- A substitute who met for a member: the member's person id.
  substitute_for uuid REFERENCES council_persons(id),
  -- Absence reported (forfall) and when; the substitute called.
  reported_at timestamptz,
  PRIMARY KEY (meeting_id, person_id)
);

-- Declared disqualifications (inhabilitet / jäv) per item.
CREATE TABLE council_disqualifications (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  agenda_item_id uuid NOT NULL REFERENCES council_agenda_items(id),
  person_id uuid NOT NULL REFERENCES council_persons(id),
  reason text NOT NULL,
  PRIMARY KEY (agenda_item_id, person_id)
);

CREATE TABLE council_proposals (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  agenda_item_id uuid NOT NULL REFERENCES council_agenda_items(id),
  position integer NOT NULL CHECK (position > 0),
  -- 'recommendation' is the chief executive's/committee's recommendation (innstilling / förslag till beslut).
  kind text NOT NULL DEFAULT 'proposal' CHECK (kind IN ('recommendation', 'proposal', 'amendment')),
  text text NOT NULL,
  proposer_person_id uuid REFERENCES council_persons(id),
  party_id uuid REFERENCES council_parties(id),
  created_at timestamptz NOT NULL,
  UNIQUE (agenda_item_id, position)
);

-- One vote (votering) on an item; an item may have several (amendments first).
CREATE TABLE council_votes (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  agenda_item_id uuid NOT NULL REFERENCES council_agenda_items(id),
  position integer NOT NULL CHECK (position > 0),
  subject text NOT NULL,
  method text NOT NULL CHECK (method IN ('show-of-hands', 'roll-call', 'secret', 'acclamation')),
  -- The option that carried (a key of council_vote_counts).
  outcome text,
  created_at timestamptz NOT NULL,
  UNIQUE (agenda_item_id, position)
);

CREATE TABLE council_vote_counts (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  vote_id uuid NOT NULL REFERENCES council_votes(id),
  -- 'for', 'against', 'abstain', or a proposal's key ('proposal-2') in an alternative vote.
  option text NOT NULL CHECK (option ~ '^[a-z0-9-]{1,40}$'),
  label text NOT NULL,
  count integer NOT NULL CHECK (count >= 0),
  proposal_id uuid REFERENCES council_proposals(id),
  PRIMARY KEY (vote_id, option)
);

-- Each member's vote where recorded; one row per member and vote (a member cannot vote twice).
CREATE TABLE council_ballots (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  vote_id uuid NOT NULL REFERENCES council_votes(id),
  person_id uuid NOT NULL REFERENCES council_persons(id),
  option text NOT NULL,
  -- The party the member sat for when voting: party tables stay right after a change of party.
  party_id uuid REFERENCES council_parties(id),
  PRIMARY KEY (vote_id, person_id),
  FOREIGN KEY (vote_id, option) REFERENCES council_vote_counts (vote_id, option)
);

-- Swedish reservations against a decision (by a member or a party group).
CREATE TABLE council_reservations (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  agenda_item_id uuid NOT NULL REFERENCES council_agenda_items(id),
  person_id uuid REFERENCES council_persons(id),
  party_id uuid REFERENCES council_parties(id),
  text text,
  created_at timestamptz NOT NULL,
  CHECK (person_id IS NOT NULL OR party_id IS NOT NULL)
);

-- Sweden: the appointed adjusters of a meeting's minutes and when each signed.
CREATE TABLE council_adjusters (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES council_meetings(id),
  person_id uuid NOT NULL REFERENCES council_persons(id),
  signed_at timestamptz,
  PRIMARY KEY (meeting_id, person_id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['council_terms', 'council_parties', 'council_persons', 'council_bodies',
    'council_memberships', 'council_meetings', 'council_agenda_items', 'council_attendance',
    'council_disqualifications', 'council_proposals', 'council_votes', 'council_vote_counts',
    'council_ballots', 'council_reservations', 'council_adjusters'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant())', t || '_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO radhus_app', t);
  END LOOP;
END $$;

-- ---------------------------------------------------------------------------------------------
-- The public projection. Only what may be published: no e-mail or login of a politician, no item
-- of an agenda before it is public, a closed item only as its public title and legal basis (no
-- decision text, no papers), no member's vote in a secret ballot.

CREATE TABLE public_council_terms (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE public_council_parties (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL,
  name text NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE public_council_persons (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  party_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE public_council_bodies (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL,
  kind text NOT NULL,
  name text NOT NULL,
  short_name text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE public_council_memberships (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  body_id uuid NOT NULL,
  term_id uuid NOT NULL,
  person_id uuid NOT NULL,
  role text NOT NULL,
  party_id uuid,
  substitute_order integer,
  starts_on date NOT NULL,
  ends_on date,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_council_memberships_body ON public_council_memberships (body_id);
CREATE INDEX public_council_memberships_person ON public_council_memberships (person_id);

CREATE TABLE public_council_meetings (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  body_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  location text,
  status text NOT NULL,
  open boolean NOT NULL,
  -- Null until the agenda is public: pages show the meeting in the plan, without items.
  agenda_published_at timestamptz,
  live_stream_url text,
  recording_url text,
  minutes_status text NOT NULL,
  -- The minutes as a public document (public_documents of this registry entry), once published.
  minutes_entry_id uuid,
  minutes_published_at timestamptz,
  notice_posted_on date,
  appeal_closes_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_council_meetings_calendar ON public_council_meetings (tenant_id, starts_at);
CREATE INDEX public_council_meetings_body ON public_council_meetings (body_id, starts_at);
CREATE INDEX public_council_meetings_modified ON public_council_meetings (tenant_id, updated_at);

CREATE TABLE public_council_agenda_items (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  meeting_id uuid NOT NULL REFERENCES public_council_meetings(id) ON DELETE CASCADE,
  position integer NOT NULL,
  item_number text NOT NULL,
  public_title text NOT NULL,
  case_file_id uuid,
  case_number text,
  -- The case presentation's registry entry; its files are those in public_documents.
  presentation_entry_id uuid,
  late boolean NOT NULL,
  closed boolean NOT NULL,
  closed_legal_basis text,
  -- Null for a closed item.
  decision_text text,
  decided_at timestamptz,
  -- [{ position, kind, text, proposerPersonId, partyId }]
  proposals jsonb NOT NULL DEFAULT '[]',
  -- [{ position, subject, method, outcome, counts: [{option,label,count}], parties: [{partyId, option, count}],
  --    ballots: [{personId, partyId, option}] (never for a secret vote) }]
  votes jsonb NOT NULL DEFAULT '[]',
  -- [{ personId, reason }]
  disqualifications jsonb NOT NULL DEFAULT '[]',
  -- [{ personId, partyId, text }]
  reservations jsonb NOT NULL DEFAULT '[]',
  video_offset_seconds integer,
  transcript_sha256 text,
  search tsvector NOT NULL DEFAULT ''::tsvector,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX public_council_agenda_items_meeting ON public_council_agenda_items (meeting_id, position);
CREATE INDEX public_council_agenda_items_case ON public_council_agenda_items (case_file_id);
CREATE INDEX public_council_agenda_items_search ON public_council_agenda_items USING gin (search);
CREATE INDEX public_council_agenda_items_modified ON public_council_agenda_items (tenant_id, updated_at);

-- The digital notice board (anslagstavla, kommunallagen 8 kap. 9–12 §§): what is posted, from
-- when, until when. Used for Swedish municipalities; a Norwegian one may post too.
CREATE TABLE public_council_notices (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL CHECK (kind IN ('meeting', 'minutes')),
  meeting_id uuid NOT NULL REFERENCES public_council_meetings(id) ON DELETE CASCADE,
  title text NOT NULL,
  posted_on date NOT NULL,
  -- minutes: the day the appeal window closes; the notice stays until then.
  appeal_closes_on date,
  removed_on date,
  updated_at timestamptz NOT NULL,
  UNIQUE (meeting_id, kind)
);
CREATE INDEX public_council_notices_board ON public_council_notices (tenant_id, posted_on DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['public_council_terms', 'public_council_parties', 'public_council_persons',
    'public_council_bodies', 'public_council_memberships', 'public_council_meetings',
    'public_council_agenda_items', 'public_council_notices'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO radhus_app USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant())', t || '_writer', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO radhus_public USING (true)', t || '_reader', t);
    EXECUTE format('GRANT SELECT ON %I TO radhus_public', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO radhus_app', t);
  END LOOP;
END $$;
