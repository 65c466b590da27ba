import { ApiError } from '../../lib/errors';
import { createRouter } from '../../lib/openapi';
import { callScope, closeAfter } from '../llm/call-scope';
import { ragUpsertRoute } from './rag-ingest.routes';
import { upsertDocuments } from './rag-ingest.service';

/** `POST /rag/ingest/upsert`. */
export const ragIngestRouter = createRouter().openapi(ragUpsertRoute, async (c) => {
  const body = c.req.valid('json');
  const scope = callScope(c, 'rag', body.trace_id);
  try {
    return c.json(await upsertDocuments(scope, body, c.req.raw.signal), 200);
  } catch (err) {
    scope.events.emit('rag_ingest_failed', { code: err instanceof ApiError ? err.code : 'INTERNAL' });
    throw err;
  } finally {
    closeAfter(c, scope);
  }
});
