// One call to one provider, always streamed upstream with `stream_options.include_usage` so every answer is
// checked the same way: it succeeded only when it ended with a finish_reason AND `[DONE]`; anything else is a
// failure, classified, with whatever text it produced (for continuation and for the bill).
import type { ChatMessage, CompletionRequest, ToolCall } from '@cogo/types';
import type { CallScope } from './call-scope';
import type { ModelEntry } from './catalogue';
import { costUsd, estimatePromptTokens, estimateTokens } from './costs';
import type { DoneTap } from './done-tap';
import { classifyFailure, providerClient, type ProviderFailure } from './provider-client';

export interface AttemptInput {
  scope: CallScope;
  model: ModelEntry;
  request: CompletionRequest;
  messages: ChatMessage[];
  /** Receives text as it arrives; false when the client has gone. Absent: buffer only (structured output). */
  onText?: (text: string) => Promise<boolean>;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** Most this call may cost before it is stopped (the budget's headroom), or null. */
  maxCostUsd: number | null;
}

export interface AttemptResult {
  outcome: 'ok' | 'failed' | 'cut' | 'budget_stopped' | 'cancelled';
  text: string;
  toolCalls: ToolCall[];
  finishReason: string | null;
  inputTokens: number;
  outputTokens: number;
  estimated: boolean;
  costUsd: number;
  latencyMs: number;
  /** The same, unrounded (Server-Timing). */
  upstreamMs: number;
  firstTokenMs: number | null;
  failure?: ProviderFailure;
}

function upstreamBody(input: AttemptInput) {
  const { request, model } = input;
  const maxParam = model.provider.quirks.max_tokens_param ?? 'max_tokens';
  return {
    model: model.upstreamModel,
    messages: input.messages.map((m) => ({ ...m, content: m.content ?? '' })),
    stream: true as const,
    stream_options: { include_usage: true },
    ...(request.tools ? { tools: request.tools } : {}),
    ...(request.tool_choice ? { tool_choice: request.tool_choice } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.max_tokens !== undefined ? { [maxParam]: request.max_tokens } : {}),
    ...(request.response_format ? { response_format: request.response_format } : {}),
  };
}

/** Calls the provider once (its own retries included) and reports how it went. */
export async function runAttempt(input: AttemptInput): Promise<AttemptResult> {
  const { scope, model } = input;
  const { config } = scope;
  const tap: DoneTap = { sawDone: false };
  const abort = new AbortController();
  const onClientGone = () => abort.abort();
  input.signal.addEventListener('abort', onClientGone, { once: true });
  // one timer per call, not one per chunk (timers cost in workerd): it re-arms itself for the time left
  let stalled = false;
  let lastDataAt = Date.now();
  let stall: ReturnType<typeof setTimeout> | undefined;
  const watchStall = (waitMs: number) => {
    stall = setTimeout(() => {
      const idle = Date.now() - lastDataAt;
      if (idle < config.LLM_TIMEOUT_MS) return watchStall(config.LLM_TIMEOUT_MS - idle);
      stalled = true;
      abort.abort();
    }, waitMs);
  };
  const started = performance.now();
  let text = '';
  let firstTokenMs: number | null = null;
  let finishReason: string | null = null;
  let usage: { prompt_tokens: number; completion_tokens: number } | null = null;
  let budgetStopped = false;
  let clientGone = false;
  const tools = new Map<number, ToolCall>();
  let failure: ProviderFailure | undefined;
  const apiKey = await input.scope.providerKey(model.provider);
  watchStall(config.LLM_TIMEOUT_MS);
  try {
    const client = providerClient({ config, provider: model.provider, apiKey, traceId: scope.traceId, retries: config.LLM_MAX_RETRIES }, tap);
    const stream = await client.chat.completions.create(upstreamBody(input) as never, { signal: abort.signal });
    for await (const chunk of stream as unknown as AsyncIterable<UpstreamChunk>) {
      lastDataAt = Date.now();
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      for (const call of choice.delta?.tool_calls ?? []) {
        const prev = tools.get(call.index) ?? { id: '', type: 'function' as const, function: { name: '', arguments: '' } };
        tools.set(call.index, {
          id: call.id ?? prev.id,
          type: 'function',
          function: { name: prev.function.name + (call.function?.name ?? ''), arguments: prev.function.arguments + (call.function?.arguments ?? '') },
        });
      }
      const piece = choice.delta?.content ?? '';
      if (piece) {
        firstTokenMs ??= Math.round(performance.now() - started);
        text += piece;
        if (input.onText && !(await input.onText(piece))) {
          clientGone = true;
          abort.abort();
          break;
        }
        if (input.maxCostUsd !== null && costUsd(estimatePromptTokens(input.messages), estimateTokens(text), model) > input.maxCostUsd) {
          budgetStopped = true;
          abort.abort();
          break;
        }
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (err) {
    if (!stalled && !input.signal.aborted && !budgetStopped) failure = classifyFailure(err, model.provider.name);
  } finally {
    clearTimeout(stall);
    input.signal.removeEventListener('abort', onClientGone);
  }
  clientGone ||= input.signal.aborted;
  if (stalled) failure = { kind: 'timeout', fallback: true, unhealthy: true, message: `${model.provider.name}: no data for ${config.LLM_TIMEOUT_MS} ms` };
  if (!failure && !clientGone && !budgetStopped && (!tap.sawDone || !finishReason)) {
    const missing = [finishReason ? null : 'a finish_reason', tap.sawDone ? null : '[DONE]'].filter(Boolean).join(' or ');
    failure = { kind: 'truncated', fallback: true, unhealthy: true, message: `${model.provider.name}: stream ended without ${missing}` };
  }
  if (failure && text !== '' && failure.kind !== 'refused') failure = { ...failure, kind: 'cut' };
  const toolCalls = [...tools.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  const estimated = usage === null;
  const inputTokens = usage?.prompt_tokens ?? (text || toolCalls.length ? estimatePromptTokens(input.messages) : 0);
  const outputTokens = usage?.completion_tokens ?? estimateTokens(text + toolCalls.map((t) => t.function.arguments).join(''));
  const outcome: AttemptResult['outcome'] = clientGone ? 'cancelled' : budgetStopped ? 'budget_stopped' : failure ? (text ? 'cut' : 'failed') : 'ok';
  return {
    outcome,
    text,
    toolCalls,
    finishReason,
    inputTokens,
    outputTokens,
    estimated,
    costUsd: costUsd(inputTokens, outputTokens, model),
    latencyMs: Math.round(performance.now() - started),
    upstreamMs: performance.now() - started,
    firstTokenMs,
    ...(failure ? { failure } : {}),
  };
}

interface UpstreamChunk {
  choices?: Array<{
    delta?: { content?: string | null; tool_calls?: Array<{ index: number; id?: string; function?: { name?: string; arguments?: string } }> };
    finish_reason?: string | null;
  }>;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}
