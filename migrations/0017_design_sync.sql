CREATE TABLE "code_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"import_path" text,
	"component_path" text,
	"description" text,
	"props" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "component_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"code_component_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"node_id" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"confidence" real,
	"props" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"baseline" jsonb,
	"drift_cache" jsonb,
	"synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "component_mappings_status_ck" CHECK ("component_mappings"."status" in ('suggested', 'confirmed', 'rejected')),
	CONSTRAINT "component_mappings_source_ck" CHECK ("component_mappings"."source" in ('explicit', 'code_connect', 'suggested'))
);
--> statement-breakpoint
CREATE TABLE "cogo"."design_sync_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"action" text NOT NULL,
	"correlation_id" text NOT NULL,
	"actor" text NOT NULL,
	"subject" text,
	"counts" jsonb NOT NULL,
	"duration_ms" integer NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_operations" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"mapping_ids" jsonb NOT NULL,
	"diff_hash" text NOT NULL,
	"status" text NOT NULL,
	"results" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"actor" text NOT NULL,
	"trace_id" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	CONSTRAINT "sync_operations_direction_ck" CHECK ("sync_operations"."direction" in ('design_to_code', 'code_to_design')),
	CONSTRAINT "sync_operations_status_ck" CHECK ("sync_operations"."status" in ('succeeded', 'partial', 'failed', 'noop', 'undone'))
);
--> statement-breakpoint
CREATE TABLE "undo_stack" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"operation_id" text NOT NULL,
	"entries" jsonb NOT NULL,
	"pre_hash" text NOT NULL,
	"post_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "artifacts" DROP CONSTRAINT "artifacts_kind_ck";--> statement-breakpoint
ALTER TABLE "code_components" ADD CONSTRAINT "code_components_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "component_mappings" ADD CONSTRAINT "component_mappings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "component_mappings" ADD CONSTRAINT "component_mappings_code_component_id_code_components_id_fk" FOREIGN KEY ("code_component_id") REFERENCES "public"."code_components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogo"."design_sync_audit" ADD CONSTRAINT "design_sync_audit_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_operations" ADD CONSTRAINT "sync_operations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "undo_stack" ADD CONSTRAINT "undo_stack_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "undo_stack" ADD CONSTRAINT "undo_stack_operation_id_sync_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."sync_operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "code_components_project_key_uq" ON "code_components" USING btree ("project_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "component_mappings_project_code_node_uq" ON "component_mappings" USING btree ("project_id","code_component_id","file_key","node_id");--> statement-breakpoint
CREATE INDEX "component_mappings_project_node_idx" ON "component_mappings" USING btree ("project_id","file_key","node_id");--> statement-breakpoint
CREATE INDEX "design_sync_audit_project_created_idx" ON "cogo"."design_sync_audit" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "sync_operations_project_created_idx" ON "sync_operations" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "undo_stack_project_created_idx" ON "undo_stack" USING btree ("project_id","created_at");--> statement-breakpoint
ALTER TABLE "artifacts" ADD CONSTRAINT "artifacts_kind_ck" CHECK ("artifacts"."kind" in ('plan', 'ui_json', 'diff', 'job_output', 'scaffold'));--> statement-breakpoint
-- Tenancy (as migration 0008): a project sees and writes only its own registry, mappings, operations, undo entries
-- and audit rows.
DO $$
DECLARE
  t text;
  tenant_expr constant text := 'project_id = nullif(current_setting(''app.project_id'', true), '''')::uuid';
BEGIN
  FOREACH t IN ARRAY ARRAY['public.code_components', 'public.component_mappings', 'public.sync_operations', 'public.undo_stack', 'cogo.design_sync_audit'] LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s TO cogo_app USING (%s) WITH CHECK (%s)', t, tenant_expr, tenant_expr);
    EXECUTE format('CREATE POLICY service_access ON %s TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
