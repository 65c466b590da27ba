CREATE TABLE "cogo"."project_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"content_hash" text,
	"trace_id" text,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "project_updates_entity_ck" CHECK ("cogo"."project_updates"."entity" in ('page', 'project_page', 'component', 'project')),
	CONSTRAINT "project_updates_operation_ck" CHECK ("cogo"."project_updates"."operation" in ('insert', 'update', 'delete'))
);
--> statement-breakpoint
ALTER TABLE "cogo"."project_updates" ADD CONSTRAINT "project_updates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_updates_entity_version_uq" ON "cogo"."project_updates" USING btree ("entity","entity_id","version");--> statement-breakpoint
CREATE INDEX "project_updates_project_id_idx" ON "cogo"."project_updates" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "project_updates_undelivered_idx" ON "cogo"."project_updates" USING btree ("created_at") WHERE "cogo"."project_updates"."delivered_at" is null;