CREATE TABLE "rag_ingest_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"trace_id" text NOT NULL,
	"items" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_chunks" ADD COLUMN "ingest_job_id" uuid;--> statement-breakpoint
ALTER TABLE "document_chunks" ADD COLUMN "embed_error" text;--> statement-breakpoint
ALTER TABLE "rag_ingest_jobs" ADD CONSTRAINT "rag_ingest_jobs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_ingest_job_id_rag_ingest_jobs_id_fk" FOREIGN KEY ("ingest_job_id") REFERENCES "public"."rag_ingest_jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_chunks_ingest_job_idx" ON "document_chunks" USING btree ("ingest_job_id") WHERE "document_chunks"."ingest_job_id" is not null;--> statement-breakpoint
CREATE INDEX "document_chunks_pending_idx" ON "document_chunks" USING btree ("updated_at") WHERE "document_chunks"."embedding" is null and "document_chunks"."embed_error" is null;--> statement-breakpoint
-- Tenancy (as migration 0008): a project sees and writes only its own ingestion jobs.
ALTER TABLE public.rag_ingest_jobs ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE public.rag_ingest_jobs FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON public.rag_ingest_jobs TO cogo_app
  USING (project_id = nullif(current_setting('app.project_id', true), '')::uuid)
  WITH CHECK (project_id = nullif(current_setting('app.project_id', true), '')::uuid);--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY service_access ON public.rag_ingest_jobs TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
