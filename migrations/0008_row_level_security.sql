-- Tenancy enforced by Postgres (issue 9, seed 002). Tenant requests run as the NOLOGIN role cogo_app with
-- app.project_id set per transaction (packages/db/src/tenant.ts); a policy then shows and accepts only that project's
-- rows, whatever a query forgets to filter. FORCE makes the policies bind the tables' owner too, so the service path
-- (the migrating user, which the Worker's service database connects as) is one explicit policy, not an implicit
-- owner bypass. Not covered: cogo.figma_cache_entries (shared by design: keyed by Figma file and version, no project).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cogo_app') THEN
    CREATE ROLE cogo_app NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
-- lets a non-superuser migration owner (Neon's neondb_owner) SET ROLE cogo_app
GRANT cogo_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public, cogo TO cogo_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, cogo TO cogo_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public, cogo TO cogo_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public, cogo GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cogo_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public, cogo GRANT USAGE ON SEQUENCES TO cogo_app;
--> statement-breakpoint
-- Every table that carries project_id. bus_events and request_metrics too: their rows with a null project_id
-- (unauthenticated requests, platform events) belong to no tenant, so only the service path sees them.
DO $$
DECLARE
  t text;
  tenant_expr constant text := 'project_id = nullif(current_setting(''app.project_id'', true), '''')::uuid';
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'public.pages', 'public.project_pages', 'public.components',
    'cogo.jobs', 'cogo.job_events', 'cogo.bus_events', 'cogo.request_metrics', 'cogo.project_api_keys',
    'cogo.secure_keys', 'cogo.secure_keys_audit', 'cogo.figma_webhooks', 'cogo.figma_webhook_deliveries',
    'cogo.project_updates'
  ] LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s TO cogo_app USING (%s) WITH CHECK (%s)', t, tenant_expr, tenant_expr);
    EXECUTE format('CREATE POLICY service_access ON %s TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
-- a project is its own tenant row
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.projects FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON public.projects TO cogo_app
  USING (id = nullif(current_setting('app.project_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.project_id', true), '')::uuid);
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('CREATE POLICY service_access ON public.projects TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
