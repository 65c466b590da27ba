-- Seed 002's two domains: user-owned application data stays in "public"; platform internals move to "cogo".
-- SET SCHEMA moves each table with its rows, indexes, constraints and owned (bigserial) sequences; foreign keys
-- are bound by oid, so those between the schemas keep working. Nothing is dropped or copied.
CREATE SCHEMA IF NOT EXISTS "cogo";
--> statement-breakpoint
ALTER TABLE "public"."job_events" SET SCHEMA "cogo";
--> statement-breakpoint
ALTER TABLE "public"."jobs" SET SCHEMA "cogo";
--> statement-breakpoint
ALTER TABLE "public"."bus_events" SET SCHEMA "cogo";
--> statement-breakpoint
ALTER TABLE "public"."project_api_keys" SET SCHEMA "cogo";
--> statement-breakpoint
ALTER TABLE "public"."secure_keys" SET SCHEMA "cogo";
--> statement-breakpoint
ALTER TABLE "public"."secure_keys_audit" SET SCHEMA "cogo";
--> statement-breakpoint
ALTER TABLE "public"."request_metrics" SET SCHEMA "cogo";
--> statement-breakpoint
ALTER TABLE "public"."figma_cache_entries" SET SCHEMA "cogo";
--> statement-breakpoint
ALTER TABLE "public"."figma_webhook_deliveries" SET SCHEMA "cogo";
--> statement-breakpoint
ALTER TABLE "public"."figma_webhooks" SET SCHEMA "cogo";
