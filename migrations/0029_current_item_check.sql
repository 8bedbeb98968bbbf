-- SPDX-License-Identifier: EUPL-1.2
-- The meeting's current item (0028) pointed at council_agenda_items while every agenda item points at
-- its meeting: a cycle of foreign keys, which the backup cannot order (it restores parents first).
-- A trigger holds the rule instead, and a stronger one: the current item is an item of THIS meeting.
-- Restore disables user triggers while it loads rows that were valid when they were written.
ALTER TABLE council_meetings DROP CONSTRAINT council_meetings_current_item_id_fkey;

CREATE FUNCTION council_current_item_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.current_item_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM council_agenda_items WHERE id = NEW.current_item_id AND meeting_id = NEW.id
  ) THEN
    RAISE EXCEPTION 'the current item % is not an item of meeting %', NEW.current_item_id, NEW.id USING ERRCODE = '23503';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER council_meetings_current_item BEFORE INSERT OR UPDATE OF current_item_id ON council_meetings
  FOR EACH ROW EXECUTE FUNCTION council_current_item_check();

-- An item that is removed stops being the current one (removal is before the summons, but the rule
-- holds whatever removes it).
CREATE FUNCTION council_current_item_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE council_meetings SET current_item_id = NULL WHERE id = OLD.meeting_id AND current_item_id = OLD.id;
  RETURN OLD;
END $$;

CREATE TRIGGER council_agenda_items_current_clear BEFORE DELETE ON council_agenda_items
  FOR EACH ROW EXECUTE FUNCTION council_current_item_clear();
