-- SPDX-License-Identifier: EUPL-1.2
-- Hardening (issue 6 §3): nothing in a closed case changes, an entry is followed up once, and
-- row-level security binds the tables' owner too.

-- The seam for later changes to frozen rows (e.g. screening re-evaluated for the public journal):
-- the columns of a table that may still change once the row is frozen. Empty today, so a frozen row
-- cannot change at all. A later migration replaces this function to list columns, e.g.
--   WHEN 'registry_entries' THEN ARRAY['screening', 'public_title']
-- and every freeze trigger below then lets exactly those columns through (and nothing else).
CREATE FUNCTION radhus_unfrozen_columns(table_name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE table_name WHEN '' THEN '{}'::text[] ELSE '{}'::text[] END $$;

-- Whether an UPDATE changes nothing but the columns allowed above (a no-op update changes nothing).
CREATE FUNCTION radhus_only_unfrozen_changes(table_name text, old_row jsonb, new_row jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$
  SELECT (old_row - radhus_unfrozen_columns(table_name)) = (new_row - radhus_unfrozen_columns(table_name)) $$;

CREATE FUNCTION radhus_refuse_frozen(reason text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', reason USING ERRCODE = 'integrity_constraint_violation', HINT = 'frozen: nothing in a closed case can change';
END $$;

-- Why a case file can no longer change, or null. A case the current role cannot see (another
-- municipality's) counts as frozen: nothing may be attached to it.
CREATE FUNCTION radhus_case_frozen(case_id uuid) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE s text;
BEGIN
  SELECT status INTO s FROM case_files WHERE id = case_id;
  IF NOT FOUND THEN RETURN format('case file %s is not in this municipality', case_id); END IF;
  IF s IN ('closed', 'void') THEN RETURN format('case file %s is closed: nothing in it can change', case_id); END IF;
  RETURN NULL;
END $$;

-- Why a registry entry (and what hangs on it) can no longer change, or null: it is archived, or its
-- case is closed (whatever the entry's own status, void included).
CREATE FUNCTION radhus_entry_frozen(entry_id uuid) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE e record;
BEGIN
  SELECT r.status AS entry_status, c.status AS case_status INTO e
    FROM registry_entries r JOIN case_files c ON c.id = r.case_file_id WHERE r.id = entry_id;
  IF NOT FOUND THEN RETURN format('registry entry %s is not in this municipality', entry_id); END IF;
  IF e.case_status IN ('closed', 'void') THEN RETURN format('registry entry %s belongs to a closed case: nothing in it can change', entry_id); END IF;
  IF e.entry_status = 'archived' THEN RETURN format('registry entry %s is archived and can no longer be changed', entry_id); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION radhus_freeze_case_file() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Closing itself (in-progress → closed) passes: OLD is still open.
  IF OLD.status IN ('closed', 'void') AND NOT radhus_only_unfrozen_changes(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW)) THEN
    PERFORM radhus_refuse_frozen(format('case file %s is closed: nothing in it can change', OLD.id));
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER case_files_freeze BEFORE UPDATE ON case_files FOR EACH ROW EXECUTE FUNCTION radhus_freeze_case_file();

-- Replaces registry_entries_frozen (archived only) of 0003: a void entry of a closed case was not
-- covered, and the old trigger had no seam for the unfrozen columns.
DROP TRIGGER registry_entries_frozen ON registry_entries;
DROP FUNCTION radhus_frozen_entry();
CREATE FUNCTION radhus_freeze_registry_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE reason text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF radhus_only_unfrozen_changes(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF;
    IF OLD.status = 'archived' THEN
      PERFORM radhus_refuse_frozen(format('registry entry %s is archived and can no longer be changed', OLD.id));
    END IF;
    reason := radhus_case_frozen(OLD.case_file_id);
    IF reason IS NOT NULL THEN PERFORM radhus_refuse_frozen(reason); END IF;
  END IF;
  -- Closing archives the entries before it closes the case, so the case is still open here then.
  reason := radhus_case_frozen(NEW.case_file_id);
  IF reason IS NOT NULL THEN PERFORM radhus_refuse_frozen(reason); END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER registry_entries_freeze BEFORE INSERT OR UPDATE ON registry_entries
  FOR EACH ROW EXECUTE FUNCTION radhus_freeze_registry_entry();

-- Documents, correspondents and follow-ups hang on an entry (document objects on a document).
CREATE FUNCTION radhus_freeze_entry_part() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE reason text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF radhus_only_unfrozen_changes(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF;
    -- Closing finalises the drafts of the entries it has just archived, before it closes the case.
    -- (Read through jsonb: correspondents and follow-ups have no status column.)
    IF TG_TABLE_NAME = 'documents' AND to_jsonb(OLD) ->> 'status' = 'draft' AND to_jsonb(NEW) ->> 'status' = 'final'
       AND (to_jsonb(OLD) - 'status') = (to_jsonb(NEW) - 'status')
       AND radhus_case_frozen((SELECT case_file_id FROM registry_entries WHERE id = OLD.registry_entry_id)) IS NULL THEN
      RETURN NEW;
    END IF;
    reason := radhus_entry_frozen(OLD.registry_entry_id);
    IF reason IS NOT NULL THEN PERFORM radhus_refuse_frozen(reason); END IF;
  END IF;
  reason := radhus_entry_frozen(NEW.registry_entry_id);
  IF reason IS NOT NULL THEN PERFORM radhus_refuse_frozen(reason); END IF;
  -- An entry is followed up once (followUpEntry says so too; a trigger rather than a unique index,
  -- because installations may already hold duplicates from before this rule).
  IF TG_TABLE_NAME = 'follow_ups' AND TG_OP = 'INSERT'
     AND EXISTS (SELECT 1 FROM follow_ups WHERE registry_entry_id = NEW.registry_entry_id) THEN
    RAISE EXCEPTION 'registry entry % is already followed up', NEW.registry_entry_id USING ERRCODE = 'unique_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER documents_freeze BEFORE INSERT OR UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION radhus_freeze_entry_part();
CREATE TRIGGER correspondents_freeze BEFORE INSERT OR UPDATE ON correspondents FOR EACH ROW EXECUTE FUNCTION radhus_freeze_entry_part();
CREATE TRIGGER follow_ups_freeze BEFORE INSERT OR UPDATE ON follow_ups FOR EACH ROW EXECUTE FUNCTION radhus_freeze_entry_part();

CREATE FUNCTION radhus_freeze_document_object() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE reason text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF radhus_only_unfrozen_changes(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF;
    reason := radhus_entry_frozen((SELECT registry_entry_id FROM documents WHERE id = OLD.document_id));
    IF reason IS NOT NULL THEN PERFORM radhus_refuse_frozen(reason); END IF;
  END IF;
  reason := radhus_entry_frozen((SELECT registry_entry_id FROM documents WHERE id = NEW.document_id));
  IF reason IS NOT NULL THEN PERFORM radhus_refuse_frozen(reason); END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER document_objects_freeze BEFORE INSERT OR UPDATE ON document_objects
  FOR EACH ROW EXECUTE FUNCTION radhus_freeze_document_object();

-- Row-level security binds the tables' owner too (FORCE): a connection that steps out of radhus_app
-- (RESET ROLE, SET ROLE to the login user) lands on the owner, and is still bound by the policies.
-- Superusers and BYPASSRLS roles are never bound: the database user in DATABASE_URL must be neither.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity LOOP
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;
