import { createRoute, z } from '@hono/zod-openapi';
import {
  ChatGatewayRequestSchema,
  ChatGatewayResultSchema,
  ChatRequestSchema,
  ChatResultSchema,
  ChatSessionSchema,
  ErrorEnvelopeSchema,
  PageQuerySchema,
  pageOf,
  StoredMessageSchema,
  UuidSchema,
} from '@cogo/types';
import { BEARER, errorResponses, jsonBody } from '../../lib/openapi';
import { guard } from '../../middleware';

const tags = ['chat'];
const sseOrJson = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'text/event-stream': { schema: z.string() } },
});

export const chatRoute = createRoute({
  method: 'post',
  path: '/chat',
  tags,
  summary: 'One chat turn in a session: SSE `ready`, `chat.delta` … `chat.done`, or JSON',
  description:
    'With `stream: true` (the default) the answer is `text/event-stream`: `ready` (`{ session_id, user_message_id, trace_id }`), `chat.delta` events (`{ text }`) whose texts join to the `text` of the one terminal `chat.done` (a ChatResult, sent once both messages are stored), or one terminal `error` (the error envelope\'s body); `keepalive` events keep the connection open. Without `session_id` a new session is started (titled by the message). The prompt is `system`, the session\'s last 50 complete messages and the new one, through router-select (fallback, continuation and budgets as `/llm/completions`). Retries are safe with `Idempotency-Key` (header or body `idempotency_key`): a turn already answered is sent again from the stored messages with `replayed: true`, without asking a provider; one still being answered is a 409; one that failed is asked again. A failed turn keeps the user message with status `error` and stores no assistant message. 402 / 503 / 422 are answered before any event.',
  security: BEARER,
  middleware: guard('chat'),
  request: jsonBody(ChatRequestSchema),
  responses: { 200: sseOrJson(ChatResultSchema, 'The answer (JSON), or its events (text/event-stream)'), ...errorResponses(400, 401, 402, 404, 409, 422, 429, 502, 503) },
});

export const chatGatewayRoute = createRoute({
  method: 'post',
  path: '/chat-gateway',
  tags,
  summary: "The orchestrator's chat ingress: an OpenAI-style message list, answered by /chat",
  description:
    'Validates, keeps the request\'s trace id and hands the turn to `/chat` in process: the last `user` message is the content, the `system` messages before it the system prompt (earlier turns come from the session). With `stream: true` the same events as `/chat`; otherwise `{ output: { text }, … }`.',
  security: BEARER,
  middleware: guard('chat'),
  request: jsonBody(ChatGatewayRequestSchema),
  responses: { 200: sseOrJson(ChatGatewayResultSchema, 'The answer (JSON), or the /chat events (text/event-stream)'), ...errorResponses(400, 401, 402, 404, 409, 422, 429, 502, 503) },
});

export const chattingRoute = createRoute({
  method: 'post',
  path: '/chatting',
  tags,
  summary: 'Retired: use POST /chat',
  description: 'The legacy chat endpoint (seed 001 §11). It always answers `410 Gone` (code `GONE`) with `Deprecation` and a `Link` to its successor, `/chat`.',
  deprecated: true,
  security: BEARER,
  middleware: guard(),
  responses: {
    410: {
      description: 'Gone: the successor is POST /chat',
      headers: z.object({
        Deprecation: z.string().openapi({ example: 'true' }),
        Link: z.string().openapi({ example: '</chat>; rel="successor-version"' }),
      }),
      content: { 'application/json': { schema: ErrorEnvelopeSchema } },
    },
    ...errorResponses(401, 429),
  },
});

export const listSessionsRoute = createRoute({
  method: 'get',
  path: '/chat/sessions',
  tags,
  summary: "Your project's chat sessions, oldest first",
  security: BEARER,
  middleware: guard(),
  request: { query: PageQuerySchema },
  responses: { 200: { description: 'A page of sessions', content: { 'application/json': { schema: pageOf(ChatSessionSchema) } } }, ...errorResponses(400, 401, 429) },
});

export const listMessagesRoute = createRoute({
  method: 'get',
  path: '/chat/sessions/{id}/messages',
  tags,
  summary: "A chat session's messages, oldest first",
  security: BEARER,
  middleware: guard(),
  request: { params: z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) }), query: PageQuerySchema },
  responses: { 200: { description: 'A page of messages', content: { 'application/json': { schema: pageOf(StoredMessageSchema) } } }, ...errorResponses(400, 401, 404, 429) },
});
