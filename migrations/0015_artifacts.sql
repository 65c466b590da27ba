CREATE TABLE "artifacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"trace_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "artifacts_kind_ck" CHECK ("artifacts"."kind" in ('plan', 'ui_json', 'diff', 'job_output'))
);
--> statement-breakpoint
ALTER TABLE "artifacts" ADD CONSTRAINT "artifacts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "artifacts_project_created_idx" ON "artifacts" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "artifacts_expires_idx" ON "artifacts" USING btree ("expires_at");--> statement-breakpoint
-- Tenancy (as migration 0008): a project sees and writes only its own artifacts.
ALTER TABLE public.artifacts ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE public.artifacts FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON public.artifacts TO cogo_app
  USING (project_id = nullif(current_setting('app.project_id', true), '')::uuid)
  WITH CHECK (project_id = nullif(current_setting('app.project_id', true), '')::uuid);--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY service_access ON public.artifacts TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
