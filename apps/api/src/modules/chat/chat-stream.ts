// The /chat SSE stream (seed 001 §4): `ready` { session_id, user_message_id, trace_id } first, `chat.delta` { text }
// as the answer arrives, then exactly one `chat.done` (a ChatResult, sent only once the answer is stored) or `error`
// (the envelope's body); `keepalive` comes from the SSE helper. A replay is the stored answer in one delta.
import type { ChatResult } from '@cogo/types';
import type { Context } from 'hono';
import { sseResponse } from '../../lib/sse';
import { closeAfter, type CallScope } from '../llm/call-scope';
import { frameSender, streamErrorBody } from '../llm/completion-stream';
import { finishTurn, type Turn } from './chat.service';

/** The events of one turn; the call scope closes when the stream ends. */
export function chatStream(c: Context, scope: CallScope, turn: Turn): Response {
  const { response, done } = sseResponse(
    async (sink) => {
      const send = frameSender(sink);
      if (turn.kind === 'replay') {
        const r: ChatResult = turn.result;
        await send('ready', { session_id: r.session_id, user_message_id: r.user_message_id, trace_id: r.trace_id });
        await send('chat.delta', { text: r.text });
        await send('chat.done', r);
        return;
      }
      await send('ready', { session_id: turn.sessionId, user_message_id: turn.userMessageId, trace_id: scope.traceId });
      try {
        const result = await finishTurn(turn, { delta: (text) => send('chat.delta', { text }), signal: sink.signal });
        await send('chat.done', result);
      } catch (err) {
        await send('error', streamErrorBody(err, scope.requestId, scope.log));
      }
    },
    { requestSignal: c.req.raw.signal, headers: { 'x-trace-id': scope.traceId } },
  );
  closeAfter(c, scope, done);
  return response;
}
