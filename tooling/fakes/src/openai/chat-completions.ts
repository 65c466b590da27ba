// The shapes of POST /v1/chat/completions: a `chat.completion` object, or the `chat.completion.chunk`
// sequence of a stream — role chunk, content (or tool-call argument) pieces, a finish chunk with an empty
// delta, then a usage chunk with `choices: []` when stream_options.include_usage is set.
import { completionTokens, shortHash, tokenPieces, usageBlock } from './chat-reply';
import type { ResolvedReply } from './chat-reply';

export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
  promptTokens: number;
}

export interface StreamOptions {
  includeUsage: boolean;
  /** Current API streams pad each chunk with a random `obfuscation` string unless told not to. */
  obfuscation: boolean;
}

/** The fake's `system_fingerprint`, constant so snapshots stay stable. */
export const SYSTEM_FINGERPRINT = 'fp_c0g0fake01';

function finishReason(reply: ResolvedReply): 'stop' | 'tool_calls' {
  return reply.toolCalls.length > 0 ? 'tool_calls' : 'stop';
}

/** The non-streaming `chat.completion` object; `usage: false` leaves the usage field out (no-usage fault). */
export function completionBody(meta: CompletionMeta, reply: ResolvedReply, options: { usage: boolean } = { usage: true }) {
  const toolCalls = reply.toolCalls.map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }));
  return {
    id: meta.id,
    object: 'chat.completion' as const,
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          content: reply.content,
          refusal: null,
          annotations: [],
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: finishReason(reply),
      },
    ],
    ...(options.usage ? { usage: usageBlock(meta.promptTokens, completionTokens(reply)) } : {}),
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
}

/** The chunk objects of a stream, in order (without the final [DONE]). */
export function streamChunks(meta: CompletionMeta, reply: ResolvedReply, options: StreamOptions): object[] {
  const deltas: { delta: Record<string, unknown>; finish: string | null }[] = [];
  const hasText = reply.content !== null;
  const first = reply.toolCalls[0];
  if (hasText || first === undefined) {
    deltas.push({ delta: { role: 'assistant', content: '', refusal: null }, finish: null });
    for (const piece of tokenPieces(reply.content ?? '')) deltas.push({ delta: { content: piece }, finish: null });
  }
  reply.toolCalls.forEach((call, index) => {
    const opening = { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } };
    const delta: Record<string, unknown> = { tool_calls: [opening] };
    // The role arrives with the first tool call when there was no text before it.
    const withRole = { role: 'assistant', content: null, ...delta, refusal: null };
    deltas.push({ delta: hasText || index > 0 ? delta : withRole, finish: null });
    for (const piece of tokenPieces(call.arguments)) {
      deltas.push({ delta: { tool_calls: [{ index, function: { arguments: piece } }] }, finish: null });
    }
  });
  deltas.push({ delta: {}, finish: finishReason(reply) });

  const chunk = (n: number, choices: unknown[], usage: unknown) => ({
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices,
    ...(options.includeUsage ? { usage } : {}),
    ...(options.obfuscation ? { obfuscation: shortHash(`${meta.id}:${n}`, 4 + (n % 12)) } : {}),
  });
  const chunks: object[] = deltas.map(({ delta, finish }, n) =>
    chunk(n, [{ index: 0, delta, logprobs: null, finish_reason: finish }], null),
  );
  if (options.includeUsage) {
    chunks.push(chunk(chunks.length, [], usageBlock(meta.promptTokens, completionTokens(reply))));
  }
  return chunks;
}
