-- SPDX-License-Identifier: EUPL-1.2
-- A municipality's own closed days (e.g. the Friday after Ascension, or a day the town hall
-- moves): not working days for its deadlines, on top of the country's public holidays, which are
-- computed (src/common/calendar) and never stored. Configuration, not archive: a closed day that was
-- entered by mistake is removed.
CREATE TABLE closed_days (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  day date NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  UNIQUE (tenant_id, day)
);
ALTER TABLE closed_days ENABLE ROW LEVEL SECURITY;
CREATE POLICY closed_days_tenant ON closed_days
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
GRANT SELECT, INSERT, DELETE ON closed_days TO radhus_app;
