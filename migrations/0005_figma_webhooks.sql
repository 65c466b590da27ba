CREATE TABLE "figma_webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"webhook_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"delivery_key" text NOT NULL,
	"event_type" text NOT NULL,
	"file_key" text,
	"figma_timestamp" text NOT NULL,
	"file_version" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "figma_webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"figma_webhook_id" text NOT NULL,
	"event_type" text NOT NULL,
	"context" text NOT NULL,
	"context_id" text NOT NULL,
	"endpoint" text NOT NULL,
	"passcode_hash" text NOT NULL,
	"status" text NOT NULL,
	"description" text,
	"last_event_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "figma_webhook_deliveries" ADD CONSTRAINT "figma_webhook_deliveries_webhook_id_figma_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."figma_webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figma_webhook_deliveries" ADD CONSTRAINT "figma_webhook_deliveries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "figma_webhooks" ADD CONSTRAINT "figma_webhooks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "figma_webhook_deliveries_key_uq" ON "figma_webhook_deliveries" USING btree ("webhook_id","delivery_key");--> statement-breakpoint
CREATE INDEX "figma_webhook_deliveries_file_idx" ON "figma_webhook_deliveries" USING btree ("file_key","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "figma_webhooks_figma_id_uq" ON "figma_webhooks" USING btree ("figma_webhook_id");--> statement-breakpoint
CREATE INDEX "figma_webhooks_project_idx" ON "figma_webhooks" USING btree ("project_id");