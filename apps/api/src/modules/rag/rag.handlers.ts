import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { createRouter } from '../../lib/openapi';
import { sseResponse } from '../../lib/sse';
import { callScope, closeAfter } from '../llm/call-scope';
import { frameSender, streamErrorBody } from '../llm/completion-stream';
import { ragSearchRoute } from './rag.routes';
import { prepareSearch, runSearch, type PreparedSearch, type SearchOutcome } from './rag-search.service';

const doneEvent = (o: SearchOutcome) => ({ count: o.items.length, model: o.model, strategy: o.strategy });

/** `POST /rag`. */
export const ragRouter = createRouter().openapi(ragSearchRoute, async (c) => {
  const body = c.req.valid('json');
  const scope = callScope(c, 'rag', body.trace_id);
  let prepared;
  try {
    prepared = await prepareSearch(scope, body);
  } catch (err) {
    closeAfter(c, scope);
    throw err;
  }
  if (body.stream) return searchStream(c, prepared) as never;
  try {
    const outcome = await runSearch(prepared, c.req.raw.signal);
    scope.events.emit('rag_retrieved', doneEvent(outcome));
    return c.json({ items: outcome.items, trace_id: scope.traceId }, 200);
  } catch (err) {
    scope.events.emit('rag_retrieval_failed', { code: err instanceof ApiError ? err.code : 'INTERNAL' });
    throw err;
  } finally {
    closeAfter(c, scope);
  }
});

/** SSE: one `rag.item` per item in order, then exactly one `rag.done` or `error`. */
function searchStream(c: Context, prepared: PreparedSearch): Response {
  const { scope } = prepared;
  const { response, done } = sseResponse(
    async (sink) => {
      const send = frameSender(sink);
      try {
        const outcome = await runSearch(prepared, sink.signal);
        for (const item of outcome.items) await send('rag.item', item);
        await send('rag.done', { count: outcome.items.length, trace_id: scope.traceId });
        scope.events.emit('rag_retrieved', doneEvent(outcome));
      } catch (err) {
        await send('error', streamErrorBody(err, scope.requestId, scope.log));
        scope.events.emit('rag_retrieval_failed', { code: err instanceof ApiError ? err.code : 'INTERNAL' });
      }
    },
    { requestSignal: c.req.raw.signal, headers: { 'x-trace-id': scope.traceId } },
  );
  closeAfter(c, scope, done);
  return response;
}
