-- SPDX-License-Identifier: EUPL-1.2
-- Staff belong to one or more administrative units of their municipality: "my unit's cases" are the
-- cases of the units a person is a member of.

-- A membership must name a unit of the same municipality: the pair (tenant_id, id) is what it refers
-- to, so the database itself refuses a row that joins one municipality's person to another's unit.
ALTER TABLE administrative_units ADD CONSTRAINT administrative_units_tenant_and_id UNIQUE (tenant_id, id);

CREATE TABLE unit_members (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  unit_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  PRIMARY KEY (tenant_id, unit_id, user_id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES administrative_units (tenant_id, id)
);
-- "Which units am I in" is asked on every start page and work list.
CREATE INDEX unit_members_user ON unit_members (tenant_id, user_id);
ALTER TABLE unit_members ENABLE ROW LEVEL SECURITY;
-- FORCEd like every tenant table since 0010: the owner is bound too.
ALTER TABLE unit_members FORCE ROW LEVEL SECURITY;
CREATE POLICY unit_members_tenant ON unit_members
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
-- Leaving a unit deletes the row: a membership is a current fact, not a record of the archive.
GRANT SELECT, INSERT, DELETE ON unit_members TO radhus_app;
