import type { ChatRequest, ChatResult } from '@cogo/types';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import { callScope, closeAfter } from '../llm/call-scope';
import { designTurn } from '../design-chat';
import { chatRequestOf, designRequestOf, gatewayResultOf } from './chat-gateway';
import { messagesPage, sessionsPage } from './chat-history.service';
import { chatGatewayRoute, chatRoute, chattingRoute, listMessagesRoute, listSessionsRoute } from './chat.routes';
import { finishTurn, startTurn, type Turn } from './chat.service';
import { chatStream } from './chat-stream';

/** One turn for /chat and /chat-gateway: the SSE stream, or the JSON answer in the caller's shape. */
async function answer(c: Context, request: ChatRequest, shape: (r: ChatResult) => object): Promise<Response> {
  // the same key the idempotency middleware used: the header, else the body's field
  const key = c.req.header('idempotency-key') ?? request.idempotency_key ?? null;
  const scope = callScope(c, 'chat', request.trace_id);
  let turn: Turn;
  try {
    turn = await startTurn(scope, request, key);
  } catch (err) {
    closeAfter(c, scope);
    throw err;
  }
  if (request.stream) return chatStream(c, scope, turn);
  try {
    const result = turn.kind === 'replay' ? turn.result : await finishTurn(turn, { delta: async () => true, signal: c.req.raw.signal });
    return c.json(shape(result), 200);
  } finally {
    closeAfter(c, scope);
  }
}

/** Chat routes: /chat, its ingress /chat-gateway, the retired /chatting, and the history. */
export const chatRouter = createRouter()
  .openapi(chatRoute, async (c) => (await answer(c, c.req.valid('json'), (r) => r)) as never)
  .openapi(chatGatewayRoute, async (c) => {
    const body = c.req.valid('json');
    if (body.mode === 'design') return (await designTurn(c, designRequestOf(body, c.get('traceId')))) as never;
    return (await answer(c, chatRequestOf(body, c.get('traceId')), gatewayResultOf)) as never;
  })
  .openapi(chattingRoute, (c) => {
    // seed 001 §11 stage 3: the proxy period is over; the event counts who still calls it
    c.get('events').emit('legacy_chatting', {});
    throw new ApiError('GONE', '/chatting is retired: use POST /chat (the same events: ready, chat.delta, chat.done)', { successor: '/chat' }, {
      Deprecation: 'true',
      Link: '</chat>; rel="successor-version"',
    });
  })
  .openapi(listSessionsRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(await sessionsPage(c.get('db')(), principalOf(c).projectId, limit, cursor), 200);
  })
  .openapi(listMessagesRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(await messagesPage(c.get('db')(), principalOf(c).projectId, c.req.valid('param').id, limit, cursor), 200);
  });
