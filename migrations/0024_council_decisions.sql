-- SPDX-License-Identifier: EUPL-1.2
-- Council decisions (issue 10): what the minutes record is fixed once the minutes are approved.
-- The service refuses such changes with a 409 first; these triggers make the database refuse them
-- too, so a forgotten code path or a hand-written statement cannot alter approved minutes.

-- Each body's minutes are filed as registry entries of one case per body (created on the first
-- approved minutes).
ALTER TABLE council_bodies ADD COLUMN minutes_case_file_id uuid REFERENCES case_files(id);

CREATE FUNCTION radhus_council_minutes_locked(meeting uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM council_meetings m WHERE m.id = meeting AND m.minutes_status IN ('approved', 'adjusted'))
$$;

CREATE FUNCTION radhus_council_item_meeting(item uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT meeting_id FROM council_agenda_items WHERE id = item
$$;

CREATE FUNCTION radhus_council_vote_meeting(vote uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT i.meeting_id FROM council_votes v JOIN council_agenda_items i ON i.id = v.agenda_item_id WHERE v.id = vote
$$;

-- The meeting a row of the record belongs to, from the row as JSON (one function for every table).
CREATE FUNCTION radhus_council_row_meeting(tab text, row_data jsonb) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT CASE tab
    WHEN 'council_attendance' THEN (row_data ->> 'meeting_id')::uuid
    WHEN 'council_vote_counts' THEN radhus_council_vote_meeting((row_data ->> 'vote_id')::uuid)
    WHEN 'council_ballots' THEN radhus_council_vote_meeting((row_data ->> 'vote_id')::uuid)
    ELSE radhus_council_item_meeting((row_data ->> 'agenda_item_id')::uuid)
  END
$$;

CREATE FUNCTION radhus_council_record_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP <> 'INSERT' AND radhus_council_minutes_locked(radhus_council_row_meeting(TG_TABLE_NAME, to_jsonb(OLD))))
     OR (TG_OP <> 'DELETE' AND radhus_council_minutes_locked(radhus_council_row_meeting(TG_TABLE_NAME, to_jsonb(NEW)))) THEN
    RAISE EXCEPTION 'the minutes of the meeting are approved: its record can no longer be changed (%)', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation', HINT = 'frozen: council minutes approved';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['council_attendance', 'council_disqualifications', 'council_proposals', 'council_votes',
    'council_vote_counts', 'council_ballots', 'council_reservations'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION radhus_council_record_frozen()', t || '_frozen', t);
  END LOOP;
END $$;

-- On the item only the decision is part of the record: the video offset and the transcript come
-- with the recording, after the meeting, and may still be set.
CREATE FUNCTION radhus_council_decision_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.decision_text IS DISTINCT FROM OLD.decision_text OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
      OR NEW.title IS DISTINCT FROM OLD.title OR NEW.item_number IS DISTINCT FROM OLD.item_number OR NEW.meeting_id IS DISTINCT FROM OLD.meeting_id)
     AND radhus_council_minutes_locked(OLD.meeting_id) THEN
    RAISE EXCEPTION 'the minutes of meeting % are approved: the decision can no longer be changed', OLD.meeting_id
      USING ERRCODE = 'integrity_constraint_violation', HINT = 'frozen: council minutes approved';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER council_agenda_items_decision_frozen BEFORE UPDATE ON council_agenda_items
  FOR EACH ROW EXECUTE FUNCTION radhus_council_decision_frozen();
CREATE FUNCTION radhus_council_item_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF radhus_council_minutes_locked(CASE TG_OP WHEN 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END) THEN
    RAISE EXCEPTION 'the minutes of the meeting are approved: its agenda can no longer be changed'
      USING ERRCODE = 'integrity_constraint_violation', HINT = 'frozen: council minutes approved';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER council_agenda_items_frozen BEFORE INSERT OR DELETE ON council_agenda_items
  FOR EACH ROW EXECUTE FUNCTION radhus_council_item_frozen();

-- Sweden: who recorded an adjuster's signature (the adjuster, or the secretariat on their behalf).
ALTER TABLE council_adjusters ADD COLUMN signed_by text;
