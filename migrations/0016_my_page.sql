-- SPDX-License-Identifier: EUPL-1.2
-- My page (issue 9 §3): messages from a case officer to a party of a case, and the municipality's
-- property register as imported (matrikkel units, owners by identity number, the services delivered
-- and the fees and invoices tied to each). Cases themselves stay in the archive: a case is "mine"
-- when my identity number is on one of its correspondents.

-- A message to a citizen's My page. The message itself is archived as an outgoing registry entry of
-- the case (registry_entry_id), with its text as the main document; this row is the delivery: to
-- whom, and when it was first read (also recorded in the case as a remark on the entry).
CREATE TABLE my_page_messages (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  case_file_id uuid NOT NULL REFERENCES case_files(id),
  case_number text NOT NULL,
  registry_entry_id uuid NOT NULL REFERENCES registry_entries(id),
  recipient_identity_number text NOT NULL,
  recipient_name text NOT NULL,
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  sent_at timestamptz NOT NULL,
  sent_by text NOT NULL,
  read_at timestamptz
);
CREATE INDEX my_page_messages_recipient ON my_page_messages (tenant_id, recipient_identity_number, sent_at DESC);
CREATE INDEX my_page_messages_case ON my_page_messages (case_file_id);

-- A matrikkel unit: kommunenummer-gnr/bnr/fnr/snr (fnr and snr 0 when there is none).
CREATE TABLE properties (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  municipality_number text NOT NULL CHECK (municipality_number ~ '^[0-9]{4}$'),
  gnr integer NOT NULL CHECK (gnr > 0),
  bnr integer NOT NULL CHECK (bnr > 0),
  fnr integer NOT NULL DEFAULT 0 CHECK (fnr >= 0),
  snr integer NOT NULL DEFAULT 0 CHECK (snr >= 0),
  address text,
  imported_at timestamptz NOT NULL,
  UNIQUE (tenant_id, municipality_number, gnr, bnr, fnr, snr)
);

CREATE TABLE property_owners (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  property_id uuid NOT NULL REFERENCES properties(id),
  identity_number text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (property_id, identity_number)
);
CREATE INDEX property_owners_person ON property_owners (tenant_id, identity_number);

CREATE TABLE property_services (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  property_id uuid NOT NULL REFERENCES properties(id),
  service text NOT NULL CHECK (service IN ('water', 'sewage', 'waste')),
  description text,
  next_pickups date[] NOT NULL DEFAULT '{}',
  position integer NOT NULL
);
CREATE INDEX property_services_property ON property_services (property_id);

CREATE TABLE property_fees (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  property_id uuid NOT NULL REFERENCES properties(id),
  kind text NOT NULL CHECK (kind IN ('fee', 'invoice')),
  description text NOT NULL,
  amount numeric(14, 2) NOT NULL,
  currency text NOT NULL CHECK (currency IN ('NOK', 'SEK')),
  due_date date,
  invoice_number text,
  status text CHECK (status IN ('open', 'paid', 'overdue')),
  position integer NOT NULL
);
CREATE INDEX property_fees_property ON property_fees (property_id);

-- Each import, with its counts: who loaded the register when.
CREATE TABLE property_imports (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'json')),
  properties integer NOT NULL,
  imported_at timestamptz NOT NULL,
  imported_by text NOT NULL
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['my_page_messages', 'properties', 'property_owners', 'property_services', 'property_fees', 'property_imports'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant())', t || '_tenant', t);
  END LOOP;
END $$;

-- A message changes once: when it is first read. An import replaces a property's owners, services
-- and fees with the register's current ones (the register is the municipality's, not ours).
GRANT SELECT, INSERT ON my_page_messages TO radhus_app;
GRANT UPDATE (read_at) ON my_page_messages TO radhus_app;
GRANT SELECT, INSERT, UPDATE ON properties TO radhus_app;
GRANT SELECT, INSERT, DELETE ON property_owners, property_services, property_fees TO radhus_app;
GRANT SELECT, INSERT ON property_imports TO radhus_app;
