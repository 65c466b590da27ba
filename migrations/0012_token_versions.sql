CREATE TABLE "token_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"version" text NOT NULL,
	"tokens" jsonb NOT NULL,
	"resolver" jsonb NOT NULL,
	"report" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"trace_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "token_versions" ADD CONSTRAINT "token_versions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "token_versions_project_file_version_uq" ON "token_versions" USING btree ("project_id","file_key","version");--> statement-breakpoint
-- Tenancy (as migration 0008): a project sees and writes only its own token versions.
ALTER TABLE public.token_versions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE public.token_versions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON public.token_versions TO cogo_app
  USING (project_id = nullif(current_setting('app.project_id', true), '')::uuid)
  WITH CHECK (project_id = nullif(current_setting('app.project_id', true), '')::uuid);--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY service_access ON public.token_versions TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
