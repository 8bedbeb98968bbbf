-- SPDX-License-Identifier: EUPL-1.2
-- OParl (issue 10 §4) must tell clients what was deleted (OParl 1.1 "Gelöschte Objekte"): an
-- object that leaves the public projection stays at its URL as {id, type, created, modified,
-- deleted: true}. The projections delete and re-insert rows freely (a whole meeting is re-projected
-- at once), so the record is kept here by triggers, not by each projection: a row deleted from a
-- public_council_* table (or a council document from public_documents) leaves its id, and a row
-- inserted again with the same id takes it back. Only ids and times: nothing that was not public.
CREATE TABLE oparl_deleted (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  source text NOT NULL,
  created_at timestamptz NOT NULL,
  deleted_at timestamptz NOT NULL
);
CREATE INDEX oparl_deleted_list ON oparl_deleted (tenant_id, source, id);

CREATE FUNCTION radhus_oparl_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb := to_jsonb(OLD);
  created timestamptz := coalesce((old_row->>'created_at')::timestamptz, (old_row->>'updated_at')::timestamptz, now());
BEGIN
  -- A document counts only when it is a council paper's or minutes' (the journal's others are not OParl files).
  IF TG_TABLE_NAME = 'public_documents' THEN
    IF NOT EXISTS (
        SELECT 1 FROM public_council_agenda_items i WHERE i.presentation_entry_id = (old_row->>'registry_entry_id')::uuid
        UNION ALL SELECT 1 FROM public_council_meetings m WHERE m.minutes_entry_id = (old_row->>'registry_entry_id')::uuid) THEN
      RETURN OLD;
    END IF;
  END IF;
  INSERT INTO oparl_deleted (id, tenant_id, source, created_at, deleted_at)
    VALUES (OLD.id, OLD.tenant_id, TG_TABLE_NAME, created, greatest(now(), (old_row->>'updated_at')::timestamptz))
    ON CONFLICT (id) DO UPDATE SET deleted_at = excluded.deleted_at, source = excluded.source;
  RETURN OLD;
END $$;

CREATE FUNCTION radhus_oparl_restored() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM oparl_deleted WHERE id = NEW.id;
  RETURN NEW;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['public_council_terms', 'public_council_parties', 'public_council_persons', 'public_council_bodies',
    'public_council_memberships', 'public_council_meetings', 'public_council_agenda_items', 'public_documents'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I FOR EACH ROW EXECUTE FUNCTION radhus_oparl_deleted()', t || '_oparl_deleted', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I FOR EACH ROW EXECUTE FUNCTION radhus_oparl_restored()', t || '_oparl_restored', t);
  END LOOP;
END $$;

ALTER TABLE oparl_deleted ENABLE ROW LEVEL SECURITY;
ALTER TABLE oparl_deleted FORCE ROW LEVEL SECURITY;
CREATE POLICY oparl_deleted_writer ON oparl_deleted TO radhus_app USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
CREATE POLICY oparl_deleted_reader ON oparl_deleted FOR SELECT TO radhus_public USING (true);
GRANT SELECT ON oparl_deleted TO radhus_public;
GRANT SELECT, INSERT, UPDATE, DELETE ON oparl_deleted TO radhus_app;

-- The trigger above and OParl's File lists look documents up by their registry entry.
CREATE INDEX public_council_agenda_items_presentation ON public_council_agenda_items (presentation_entry_id);
CREATE INDEX public_council_meetings_minutes ON public_council_meetings (minutes_entry_id);
