CREATE TABLE "design_sync_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_check" jsonb NOT NULL,
	"expires_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"disabled_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "design_sync_credentials_kind_ck" CHECK ("design_sync_credentials"."kind" in ('figma', 'slack', 'storybook')),
	CONSTRAINT "design_sync_credentials_status_ck" CHECK ("design_sync_credentials"."status" in ('active', 'disabled'))
);
--> statement-breakpoint
CREATE TABLE "design_sync_schedules" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"hour_utc" integer NOT NULL,
	"direction" text,
	"on_file_update" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone,
	"last_run" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drift_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"mapping_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"verdict" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drift_feedback_verdict_ck" CHECK ("drift_feedback"."verdict" in ('false_positive', 'real'))
);
--> statement-breakpoint
CREATE TABLE "notification_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"title" text NOT NULL,
	"message" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"trace_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notification_events_status_ck" CHECK ("notification_events"."status" in ('queued', 'sent', 'failed', 'digest', 'digested'))
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"categories" jsonb NOT NULL,
	"digest_hour_utc" integer DEFAULT 9 NOT NULL,
	"last_digest_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"status" text NOT NULL,
	"story_ids" jsonb NOT NULL,
	"viewport" jsonb NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"initiation_ms" integer,
	"duration_ms" integer,
	"trace_id" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "test_sessions_status_ck" CHECK ("test_sessions"."status" in ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "artifacts" DROP CONSTRAINT "artifacts_kind_ck";--> statement-breakpoint
ALTER TABLE "design_sync_credentials" ADD CONSTRAINT "design_sync_credentials_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_sync_schedules" ADD CONSTRAINT "design_sync_schedules_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drift_feedback" ADD CONSTRAINT "drift_feedback_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_events" ADD CONSTRAINT "notification_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_sessions" ADD CONSTRAINT "test_sessions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "design_sync_credentials_project_kind_uq" ON "design_sync_credentials" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "design_sync_credentials_expires_idx" ON "design_sync_credentials" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "design_sync_schedules_next_run_idx" ON "design_sync_schedules" USING btree ("next_run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "drift_feedback_item_uq" ON "drift_feedback" USING btree ("project_id","mapping_id","kind","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_events_project_dedupe_uq" ON "notification_events" USING btree ("project_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notification_events_project_created_idx" ON "notification_events" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "test_sessions_project_created_idx" ON "test_sessions" USING btree ("project_id","created_at");--> statement-breakpoint
ALTER TABLE "artifacts" ADD CONSTRAINT "artifacts_kind_ck" CHECK ("artifacts"."kind" in ('plan', 'ui_json', 'diff', 'job_output', 'scaffold', 'screenshot'));--> statement-breakpoint
-- Tenancy (as migration 0008): a project sees and writes only its own credentials, notifications, schedule,
-- browser sessions and drift feedback.
DO $$
DECLARE
  t text;
  tenant_expr constant text := 'project_id = nullif(current_setting(''app.project_id'', true), '''')::uuid';
BEGIN
  FOREACH t IN ARRAY ARRAY['public.design_sync_credentials', 'public.notification_settings', 'public.notification_events', 'public.design_sync_schedules', 'public.test_sessions', 'public.drift_feedback'] LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s TO cogo_app USING (%s) WITH CHECK (%s)', t, tenant_expr, tenant_expr);
    EXECUTE format('CREATE POLICY service_access ON %s TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
