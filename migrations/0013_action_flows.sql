CREATE TABLE "action_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"page_id" text NOT NULL,
	"page_name" text NOT NULL,
	"file_version" text,
	"version" integer NOT NULL,
	"graph" jsonb NOT NULL,
	"mermaid" text NOT NULL,
	"content_hash" text NOT NULL,
	"trace_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cogo"."project_updates" DROP CONSTRAINT "project_updates_entity_ck";--> statement-breakpoint
ALTER TABLE "action_flows" ADD CONSTRAINT "action_flows_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_flows_project_file_page_uq" ON "action_flows" USING btree ("project_id","file_key","page_id");--> statement-breakpoint
ALTER TABLE "cogo"."project_updates" ADD CONSTRAINT "project_updates_entity_ck" CHECK ("cogo"."project_updates"."entity" in ('page', 'project_page', 'component', 'project', 'token_version', 'action_flow'));--> statement-breakpoint
-- Tenancy (as migration 0008): a project sees and writes only its own action flows.
ALTER TABLE public.action_flows ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE public.action_flows FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON public.action_flows TO cogo_app
  USING (project_id = nullif(current_setting('app.project_id', true), '')::uuid)
  WITH CHECK (project_id = nullif(current_setting('app.project_id', true), '')::uuid);--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY service_access ON public.action_flows TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
