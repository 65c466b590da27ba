-- drizzle-kit does not emit extensions; the RAG tables that follow need pgvector.
CREATE EXTENSION IF NOT EXISTS vector;
