// Turns a prepared completion into the `/llm/completions` SSE stream (or a JSON answer): `llm.delta` events, then
// exactly one `llm.done` or `error`. Errors after the stream started become the `error` event's envelope body.
import type { CompletionResult } from '@cogo/types';
import type { Context } from 'hono';
import { ApiError, envelope } from '../../lib/errors';
import { describeError } from '../../lib/logger';
import { sseResponse, type SseSink } from '../../lib/sse';
import { closeAfter } from './call-scope';
import { runCompletion, type PreparedCompletion } from './completion.service';

/** The error envelope body of whatever a stream producer threw (unknown errors: a generic INTERNAL, logged). */
export function streamErrorBody(err: unknown, requestId: string, log: { error: (m: string, f: Record<string, unknown>) => void }) {
  if (err instanceof ApiError) return envelope(err.code, err.message, requestId, err.details);
  log.error('llm stream failed', { error: describeError(err) });
  return envelope('INTERNAL', 'internal error', requestId);
}

/** Sends an SSE frame with the next id of this stream. */
export function frameSender(sink: SseSink) {
  let id = 0;
  return (event: string, data: unknown) => sink.send({ id: ++id, event, data: JSON.stringify(data) });
}

/** The events of one completion. */
export function completionStream(c: Context, prepared: PreparedCompletion, onDone: (result: CompletionResult) => void): Response {
  const { scope } = prepared;
  const { response, done } = sseResponse(
    async (sink) => {
      const send = frameSender(sink);
      try {
        const result = await runCompletion(prepared, { delta: (text) => send('llm.delta', { text }), signal: sink.signal });
        await send('llm.done', result);
        onDone(result);
      } catch (err) {
        await send('error', streamErrorBody(err, scope.requestId, scope.log));
        scope.events.emit('llm_completion_failed', { code: err instanceof ApiError ? err.code : 'INTERNAL' });
      }
    },
    { requestSignal: c.req.raw.signal, headers: { 'x-trace-id': scope.traceId } },
  );
  closeAfter(c, scope, done);
  return response;
}
