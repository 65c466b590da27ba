// /chat-gateway (seed 001 §11): the orchestrator's ingress, with no provider logic of its own. It turns an
// OpenAI-style message list into the one /chat request — the last user message is the content, the system
// messages before it the system prompt (earlier user/assistant turns come from the session, not the caller) —
// and the chat answer into `{ output: { text }, … }`; `mode: "design"` hands the messages to the design chat instead.
import { ChatRequestSchema, type ChatDesignRequest, type ChatGatewayRequest, type ChatGatewayResult, type ChatRequest, type ChatResult } from '@cogo/types';
import { ApiError } from '../../lib/errors';

function invalid(path: string, message: string, code = 'invalid_value'): ApiError {
  return new ApiError('VALIDATION_FAILED', `invalid request: ${path}`, { issues: [{ path, message, code }] });
}

/** The /chat request a gateway request stands for; 400 naming the gateway's own paths when it has none. */
export function chatRequestOf(body: ChatGatewayRequest, traceId: string): ChatRequest {
  const last = body.messages.findLastIndex((m) => m.role === 'user');
  if (last === -1) throw invalid('body.messages', 'needs a message with role user');
  const system = body.messages
    .slice(0, last)
    .filter((m) => m.role === 'system' && m.content)
    .map((m) => m.content)
    .join('\n\n');
  const parsed = ChatRequestSchema.safeParse({
    content: body.messages[last]!.content ?? '',
    ...(system ? { system } : {}),
    ...(body.session_id ? { session_id: body.session_id } : {}),
    ...(body.model ? { model: body.model } : {}),
    ...(body.idempotency_key ? { idempotency_key: body.idempotency_key } : {}),
    stream: body.stream,
    trace_id: traceId,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const path = field === 'content' ? `body.messages.${last}.content` : field === 'system' ? 'body.messages' : `body.${field}`;
    throw invalid(path, field === 'system' ? `system messages: ${issue.message}` : issue.message, issue.code);
  }
  return parsed.data;
}

/** The gateway's shape of a chat answer. */
export function gatewayResultOf(r: ChatResult): ChatGatewayResult {
  return { output: { text: r.text }, session_id: r.session_id, message_id: r.message_id, trace_id: r.trace_id, usage: r.usage, provider: r.provider, model: r.model };
}

/** The design turn a gateway request in `mode: "design"` stands for; it streams, so `stream: false` is a 400. */
export function designRequestOf(body: ChatGatewayRequest, traceId: string): ChatDesignRequest {
  if (!body.stream) throw invalid('body.stream', 'mode "design" answers as a stream: send stream: true (or omit it)');
  return { messages: body.messages, trace_id: traceId, generator: 'llm', ...(body.model ? { model: body.model } : {}) };
}
