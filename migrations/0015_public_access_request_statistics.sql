-- Transparency statistics of access requests (issue 7 §3) as a public aggregate: per municipality
-- and month of receipt, how many requests were received, answered, answered by their deadline, and
-- the median answer time. Counts only — nothing about who asked or what — so radhus_public may read
-- it; it never reads access_requests itself. Kept by a trigger in the same transaction as each
-- change to a request (the way the projection is kept by its consumer), so it is never stale and
-- needs no job. The figures follow access-requests' selectMonthlyStatistics, month in the
-- municipality's own time zone.
CREATE TABLE public_access_request_statistics (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  month text NOT NULL,
  received integer NOT NULL,
  answered integer NOT NULL,
  answered_in_time integer NOT NULL,
  median_seconds double precision,
  PRIMARY KEY (tenant_id, month)
);
ALTER TABLE public_access_request_statistics ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_access_request_statistics FORCE ROW LEVEL SECURITY;
CREATE POLICY public_access_request_statistics_writer ON public_access_request_statistics TO radhus_app
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
CREATE POLICY public_access_request_statistics_reader ON public_access_request_statistics FOR SELECT TO radhus_public USING (true);
GRANT SELECT ON public_access_request_statistics TO radhus_public;
GRANT SELECT, INSERT, DELETE ON public_access_request_statistics TO radhus_app;

-- Runs as the role that changed the request (radhus_app in the request's municipality): it reads
-- that municipality's requests under their row-level security and rewrites that municipality's rows.
CREATE FUNCTION radhus_refresh_access_request_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zone text;
BEGIN
  SELECT CASE WHEN country = 'SE' THEN 'Europe/Stockholm' ELSE 'Europe/Oslo' END INTO zone FROM tenants WHERE id = NEW.tenant_id;
  DELETE FROM public_access_request_statistics WHERE tenant_id = NEW.tenant_id;
  INSERT INTO public_access_request_statistics (tenant_id, month, received, answered, answered_in_time, median_seconds)
    SELECT NEW.tenant_id, to_char(received_at AT TIME ZONE zone, 'YYYY-MM'), count(*)::int,
      (count(*) FILTER (WHERE status = 'decided'))::int,
      (count(*) FILTER (WHERE status = 'decided' AND (decided_at AT TIME ZONE zone)::date <= deadline))::int,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - received_at)) FILTER (WHERE status = 'decided')
    FROM access_requests
    WHERE tenant_id = NEW.tenant_id AND status <> 'unconfirmed' AND received_at IS NOT NULL
    GROUP BY 2;
  RETURN NULL;
END;
$$;
CREATE TRIGGER access_requests_statistics AFTER INSERT OR UPDATE ON access_requests
  FOR EACH ROW EXECUTE FUNCTION radhus_refresh_access_request_statistics();

-- E-mail alerts of the public journal (issue 7 §3): a saved search or a case of one municipality,
-- followed by an address once it is confirmed, until cancelled by the link in every message.
-- `secret` makes the confirm and cancel links; `last_published_at` is the watermark of what was sent.
CREATE TABLE journal_alerts (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  email text NOT NULL,
  language text NOT NULL CHECK (language IN ('nb', 'nn', 'sv', 'en')),
  search jsonb NOT NULL,
  secret text NOT NULL,
  status text NOT NULL CHECK (status IN ('unconfirmed', 'active', 'cancelled')),
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  last_published_at timestamptz
);
ALTER TABLE journal_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_alerts FORCE ROW LEVEL SECURITY;
CREATE POLICY journal_alerts_tenant ON journal_alerts
  USING (tenant_id = radhus_tenant()) WITH CHECK (tenant_id = radhus_tenant());
GRANT SELECT, INSERT, UPDATE ON journal_alerts TO radhus_app;
