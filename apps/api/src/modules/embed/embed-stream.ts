// The `/embed` SSE stream (seed 001 §4): `ready` { trace_id, inputs, batches }, an `embed.status`
// { batch, batches, done } after each batch, then exactly one terminal `embed.done` (the EmbedResult) or `error`
// (the error envelope's body), the pattern of the gateway's completion stream.
import type { EmbedResult } from '@cogo/types';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { sseResponse } from '../../lib/sse';
import { closeAfter } from '../llm/call-scope';
import { frameSender, streamErrorBody } from '../llm/completion-stream';
import { runEmbed, type PreparedEmbed } from './embed.service';

/** The events of one embedding call; `onDone` hears the result once it was sent. */
export function embedStream(c: Context, prepared: PreparedEmbed, onDone: (result: EmbedResult) => void): Response {
  const { scope } = prepared;
  const { response, done } = sseResponse(
    async (sink) => {
      const send = frameSender(sink);
      try {
        await send('ready', { trace_id: scope.traceId, inputs: prepared.inputs, batches: prepared.batches.length });
        const result = await runEmbed(prepared, { status: (s) => send('embed.status', s), signal: sink.signal });
        await send('embed.done', result);
        onDone(result);
      } catch (err) {
        await send('error', streamErrorBody(err, scope.requestId, scope.log));
        scope.events.emit('embed_failed', { code: err instanceof ApiError ? err.code : 'INTERNAL' });
      }
    },
    { requestSignal: c.req.raw.signal, headers: { 'x-trace-id': scope.traceId } },
  );
  closeAfter(c, scope, done);
  return response;
}
