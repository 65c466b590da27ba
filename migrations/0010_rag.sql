CREATE TABLE "document_chunks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"text" text NOT NULL,
	"content_hash" text NOT NULL,
	"token_count" integer NOT NULL,
	"embedding" vector(1024),
	"model" text,
	"embedded_at" timestamp with time zone,
	"tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_chunks_document_ordinal_uq" ON "document_chunks" USING btree ("document_id","ordinal");--> statement-breakpoint
CREATE INDEX "document_chunks_project_model_idx" ON "document_chunks" USING btree ("project_id","model");--> statement-breakpoint
CREATE INDEX "document_chunks_embedding_hnsw" ON "document_chunks" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "document_chunks_tsv_gin" ON "document_chunks" USING gin ("tsv");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_project_source_external_uq" ON "documents" USING btree ("project_id","source","external_id");--> statement-breakpoint
CREATE INDEX "documents_tsv_gin" ON "documents" USING gin ("tsv");--> statement-breakpoint
-- Tenancy (as migration 0008): a project sees and writes only its own documents and chunks.
DO $$
DECLARE
  t text;
  tenant_expr constant text := 'project_id = nullif(current_setting(''app.project_id'', true), '''')::uuid';
BEGIN
  FOREACH t IN ARRAY ARRAY['public.documents', 'public.document_chunks'] LOOP
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s TO cogo_app USING (%s) WITH CHECK (%s)', t, tenant_expr, tenant_expr);
    EXECUTE format('CREATE POLICY service_access ON %s TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
-- seed 001 §5: the stored embeddings' size, for the API's start-up check against VECTOR_DIMENSIONS
CREATE OR REPLACE FUNCTION public.get_vector_dim() RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT atttypmod FROM pg_attribute WHERE attrelid = 'public.document_chunks'::regclass AND attname = 'embedding'
$$;
--> statement-breakpoint
-- seed 001's names, as views onto the one store (security_invoker: the caller's row-level security applies)
CREATE VIEW public.vector_documents WITH (security_invoker = true) AS
  SELECT c.id, c.project_id, c.document_id, d.source, d.external_id, d.title, c.ordinal, c.text, c.embedding, c.model, d.metadata, c.created_at
  FROM public.document_chunks c JOIN public.documents d ON d.id = c.document_id WHERE d.source <> 'code';
--> statement-breakpoint
CREATE VIEW public.code_vectors WITH (security_invoker = true) AS
  SELECT c.id, c.project_id, c.document_id, d.external_id AS path, d.title, c.ordinal, c.text, c.embedding, c.model, d.metadata, c.created_at
  FROM public.document_chunks c JOIN public.documents d ON d.id = c.document_id WHERE d.source = 'code';
--> statement-breakpoint
GRANT SELECT ON public.vector_documents, public.code_vectors TO cogo_app;
--> statement-breakpoint
-- seed 001 §5 match_* (cosine similarity, the caller's rows only), for SQL clients; the API's retrieval is hybrid
CREATE OR REPLACE FUNCTION public.match_vector_documents(query_embedding vector(1024), match_count integer DEFAULT 10, model_name text DEFAULT NULL)
RETURNS TABLE (id uuid, document_id uuid, source text, external_id text, text text, similarity double precision)
LANGUAGE sql STABLE SECURITY INVOKER AS $$
  SELECT v.id, v.document_id, v.source, v.external_id, v.text, 1 - (v.embedding <=> query_embedding)
  FROM public.vector_documents v
  WHERE v.embedding IS NOT NULL AND (model_name IS NULL OR v.model = model_name)
  ORDER BY v.embedding <=> query_embedding LIMIT match_count
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.match_code_vectors(query_embedding vector(1024), match_count integer DEFAULT 10, model_name text DEFAULT NULL)
RETURNS TABLE (id uuid, document_id uuid, path text, text text, similarity double precision)
LANGUAGE sql STABLE SECURITY INVOKER AS $$
  SELECT v.id, v.document_id, v.path, v.text, 1 - (v.embedding <=> query_embedding)
  FROM public.code_vectors v
  WHERE v.embedding IS NOT NULL AND (model_name IS NULL OR v.model = model_name)
  ORDER BY v.embedding <=> query_embedding LIMIT match_count
$$;
