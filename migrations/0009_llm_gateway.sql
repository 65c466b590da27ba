CREATE TABLE "cogo"."llm_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"upstream_model" text NOT NULL,
	"kind" text NOT NULL,
	"context_window" integer NOT NULL,
	"input_price_per_mtok" double precision DEFAULT 0 NOT NULL,
	"output_price_per_mtok" double precision DEFAULT 0 NOT NULL,
	"dimensions" integer,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "llm_models_provider_name_uq" UNIQUE("provider_id","name")
);
--> statement-breakpoint
CREATE TABLE "cogo"."llm_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"key_alias" text,
	"quirks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"region" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "llm_providers_scope_name_uq" UNIQUE NULLS NOT DISTINCT("project_id","name")
);
--> statement-breakpoint
CREATE TABLE "cogo"."llm_usage" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"trace_id" text NOT NULL,
	"request_id" text,
	"job_id" uuid,
	"route" text NOT NULL,
	"model" text NOT NULL,
	"upstream_model" text NOT NULL,
	"provider_id" uuid,
	"provider" text NOT NULL,
	"tokens_in" integer DEFAULT 0 NOT NULL,
	"tokens_out" integer DEFAULT 0 NOT NULL,
	"cost_usd" double precision DEFAULT 0 NOT NULL,
	"latency_ms" integer NOT NULL,
	"first_token_ms" integer,
	"outcome" text NOT NULL,
	"error_code" text,
	"estimated" boolean DEFAULT false NOT NULL,
	"continued" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cogo"."provider_health" (
	"provider_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"error_rate" double precision DEFAULT 0 NOT NULL,
	"p50_ms" integer,
	"p95_ms" integer,
	"cooldown_until" timestamp with time zone,
	"last_probe_at" timestamp with time zone,
	"last_probe_ok" boolean,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cogo"."routing_policies" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"allowed_models" text[] DEFAULT '{}'::text[] NOT NULL,
	"fallback_order" text[] DEFAULT '{}'::text[] NOT NULL,
	"daily_budget_usd" double precision,
	"monthly_budget_usd" double precision,
	"error_budget" double precision,
	"region" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text,
	"model" text,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"role" text NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'complete' NOT NULL,
	"model" text,
	"provider" text,
	"tokens_in" integer,
	"tokens_out" integer,
	"trace_id" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cogo"."llm_models" ADD CONSTRAINT "llm_models_provider_id_llm_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "cogo"."llm_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogo"."llm_providers" ADD CONSTRAINT "llm_providers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogo"."llm_usage" ADD CONSTRAINT "llm_usage_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogo"."llm_usage" ADD CONSTRAINT "llm_usage_provider_id_llm_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "cogo"."llm_providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogo"."provider_health" ADD CONSTRAINT "provider_health_provider_id_llm_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "cogo"."llm_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cogo"."routing_policies" ADD CONSTRAINT "routing_policies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_session_id_chat_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."chat_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "llm_usage_project_created_idx" ON "cogo"."llm_usage" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "llm_usage_provider_created_idx" ON "cogo"."llm_usage" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "chat_sessions_project_created_idx" ON "chat_sessions" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "messages_session_created_idx" ON "messages" USING btree ("session_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_idempotency_uq" ON "messages" USING btree ("project_id","idempotency_key","role") WHERE "messages"."idempotency_key" is not null;--> statement-breakpoint
-- Tenancy (as migration 0008): a project sees and writes only its own chat, usage and policy rows; providers and
-- models with no project are the platform's, readable by every tenant and written only by the service path.
DO $$
DECLARE
  t text;
  tenant_expr constant text := 'project_id = nullif(current_setting(''app.project_id'', true), '''')::uuid';
BEGIN
  FOREACH t IN ARRAY ARRAY['public.chat_sessions', 'public.messages', 'cogo.routing_policies', 'cogo.llm_usage'] LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s TO cogo_app USING (%s) WITH CHECK (%s)', t, tenant_expr, tenant_expr);
    EXECUTE format('CREATE POLICY service_access ON %s TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
  -- the catalogue: a tenant reads the platform's rows and its own, and writes only its own
  ALTER TABLE cogo.llm_providers ENABLE ROW LEVEL SECURITY;
  ALTER TABLE cogo.llm_providers FORCE ROW LEVEL SECURITY;
  EXECUTE format('CREATE POLICY tenant_read ON cogo.llm_providers FOR SELECT TO cogo_app USING (project_id IS NULL OR %s)', tenant_expr);
  EXECUTE format('CREATE POLICY tenant_insert ON cogo.llm_providers FOR INSERT TO cogo_app WITH CHECK (%s)', tenant_expr);
  EXECUTE format('CREATE POLICY tenant_update ON cogo.llm_providers FOR UPDATE TO cogo_app USING (%s) WITH CHECK (%s)', tenant_expr, tenant_expr);
  EXECUTE format('CREATE POLICY tenant_delete ON cogo.llm_providers FOR DELETE TO cogo_app USING (%s)', tenant_expr);
  EXECUTE format('CREATE POLICY service_access ON cogo.llm_providers TO %I USING (true) WITH CHECK (true)', current_user);
  FOREACH t IN ARRAY ARRAY['cogo.llm_models', 'cogo.provider_health'] LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY service_access ON %s TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
  CREATE POLICY tenant_read ON cogo.llm_models FOR SELECT TO cogo_app USING (provider_id IN (SELECT id FROM cogo.llm_providers));
  CREATE POLICY tenant_insert ON cogo.llm_models FOR INSERT TO cogo_app
    WITH CHECK (provider_id IN (SELECT id FROM cogo.llm_providers WHERE project_id = nullif(current_setting('app.project_id', true), '')::uuid));
  CREATE POLICY tenant_update ON cogo.llm_models FOR UPDATE TO cogo_app
    USING (provider_id IN (SELECT id FROM cogo.llm_providers WHERE project_id = nullif(current_setting('app.project_id', true), '')::uuid))
    WITH CHECK (provider_id IN (SELECT id FROM cogo.llm_providers WHERE project_id = nullif(current_setting('app.project_id', true), '')::uuid));
  CREATE POLICY tenant_delete ON cogo.llm_models FOR DELETE TO cogo_app
    USING (provider_id IN (SELECT id FROM cogo.llm_providers WHERE project_id = nullif(current_setting('app.project_id', true), '')::uuid));
  CREATE POLICY tenant_read ON cogo.provider_health FOR SELECT TO cogo_app USING (provider_id IN (SELECT id FROM cogo.llm_providers));
END
$$;
