CREATE TABLE "document_tags" (
	"project_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "document_tags_document_id_key_value_pk" PRIMARY KEY("document_id","key","value")
);
--> statement-breakpoint
ALTER TABLE "document_tags" ADD CONSTRAINT "document_tags_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_tags" ADD CONSTRAINT "document_tags_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_tags_lookup" ON "document_tags" USING btree ("project_id","key","value");--> statement-breakpoint
-- Tenancy (as migration 0010): a project sees and writes only its own documents' tags.
DO $$
DECLARE
  tenant_expr constant text := 'project_id = nullif(current_setting(''app.project_id'', true), '''')::uuid';
BEGIN
  EXECUTE 'ALTER TABLE public.document_tags ENABLE ROW LEVEL SECURITY';
  EXECUTE 'ALTER TABLE public.document_tags FORCE ROW LEVEL SECURITY';
  EXECUTE format('CREATE POLICY tenant_isolation ON public.document_tags TO cogo_app USING (%s) WITH CHECK (%s)', tenant_expr, tenant_expr);
  EXECUTE format('CREATE POLICY service_access ON public.document_tags TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
--> statement-breakpoint
-- The scalar values of a document's top-level metadata as text (jsonb's own text form: `"t5"`, `true`, `null`; an
-- array's scalar elements one row each). Numbers are left out: `@>` compares them by value (5 = 5.0), text would not.
CREATE OR REPLACE FUNCTION public.document_metadata_tags(metadata jsonb) RETURNS TABLE (key text, value text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT e.key, e.value::text FROM jsonb_each(CASE WHEN jsonb_typeof(metadata) = 'object' THEN metadata ELSE '{}'::jsonb END) e
    WHERE jsonb_typeof(e.value) IN ('string', 'boolean', 'null')
  UNION
  SELECT e.key, a.value::text FROM jsonb_each(CASE WHEN jsonb_typeof(metadata) = 'object' THEN metadata ELSE '{}'::jsonb END) e
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value ELSE '[]'::jsonb END) a
    WHERE jsonb_typeof(a.value) IN ('string', 'boolean', 'null')
$$;
--> statement-breakpoint
-- Kept by the database itself, so every writer (the API, the queue's consumer, SQL clients) keeps them alike.
CREATE OR REPLACE FUNCTION public.documents_sync_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.metadata IS NOT DISTINCT FROM OLD.metadata AND NEW.project_id = OLD.project_id THEN
      RETURN NULL;
    END IF;
    DELETE FROM public.document_tags WHERE document_id = NEW.id;
  END IF;
  INSERT INTO public.document_tags (project_id, document_id, key, value)
    SELECT NEW.project_id, NEW.id, t.key, t.value FROM public.document_metadata_tags(NEW.metadata) t
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER documents_sync_tags AFTER INSERT OR UPDATE OF metadata, project_id ON public.documents
  FOR EACH ROW EXECUTE FUNCTION public.documents_sync_tags();
--> statement-breakpoint
INSERT INTO public.document_tags (project_id, document_id, key, value)
  SELECT d.project_id, d.id, t.key, t.value FROM public.documents d CROSS JOIN LATERAL public.document_metadata_tags(d.metadata) t
  ON CONFLICT DO NOTHING;
