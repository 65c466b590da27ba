CREATE TABLE "figma_cache_entries" (
	"file_key" text NOT NULL,
	"version" text NOT NULL,
	"format" text NOT NULL,
	"scope_hash" text NOT NULL,
	"scope" text NOT NULL,
	"outcome" text NOT NULL,
	"r2_key" text,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "figma_cache_entries_pk" PRIMARY KEY("file_key","version","format","scope_hash"),
	CONSTRAINT "figma_cache_entries_outcome_ck" CHECK ("figma_cache_entries"."outcome" in ('ok', 'too_large') and ("figma_cache_entries"."outcome" = 'too_large' or "figma_cache_entries"."r2_key" is not null))
);
