CREATE TABLE "cogo"."job_batches" (
	"job_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"idx" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"item_ids" jsonb NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"retry_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_batches_job_id_idx_pk" PRIMARY KEY("job_id","idx")
);
--> statement-breakpoint
ALTER TABLE "artifacts" DROP CONSTRAINT "artifacts_kind_ck";--> statement-breakpoint
ALTER TABLE "cogo"."jobs" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cogo"."jobs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cogo"."jobs" ADD COLUMN "actor" text;--> statement-breakpoint
ALTER TABLE "cogo"."job_batches" ADD CONSTRAINT "job_batches_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "cogo"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogo"."job_batches" ADD CONSTRAINT "job_batches_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_project_kind_created_idx" ON "cogo"."jobs" USING btree ("project_id","kind","created_at");--> statement-breakpoint
ALTER TABLE "artifacts" ADD CONSTRAINT "artifacts_kind_ck" CHECK ("artifacts"."kind" in ('plan', 'ui_json', 'diff', 'job_output', 'scaffold', 'screenshot', 'image', 'job_input'));--> statement-breakpoint
-- Tenancy (as migration 0008): a project sees and writes only its own job batches.
DO $$
DECLARE
  tenant_expr constant text := 'project_id = nullif(current_setting(''app.project_id'', true), '''')::uuid';
BEGIN
  EXECUTE 'ALTER TABLE cogo.job_batches ENABLE ROW LEVEL SECURITY';
  EXECUTE 'ALTER TABLE cogo.job_batches FORCE ROW LEVEL SECURITY';
  EXECUTE format('CREATE POLICY tenant_isolation ON cogo.job_batches TO cogo_app USING (%s) WITH CHECK (%s)', tenant_expr, tenant_expr);
  EXECUTE format('CREATE POLICY service_access ON cogo.job_batches TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
