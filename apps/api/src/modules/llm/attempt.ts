// One call to one provider. A streamed call asks for `stream_options.include_usage` and reads the provider's SSE
// body itself (the SDK's iterator ends quietly when a body just stops): it succeeded only when it ended with a
// finish_reason AND `[DONE]`; anything else is a failure, classified, with whatever text it produced (for
// continuation and for the bill). A call whose answer is not streamed to the client (stream: false, structured
// output) asks the provider for one JSON answer: no per-chunk work, and a cut body is a parse failure.
import type { ChatMessage, CompletionRequest, ToolCall } from '@cogo/types';
import { parseSse } from '@cogo/types/sse-parser';
import type { CallScope } from './call-scope';
import type { ModelEntry } from './catalogue';
import { costUsd, estimatePromptTokens, estimateTokens } from './costs';
import { callOptions, classifyFailure, providerClient, type ProviderFailure } from './provider-client';
import { readUpstreamJson, type UpstreamState } from './upstream-answer';

export interface AttemptInput {
  scope: CallScope;
  model: ModelEntry;
  request: CompletionRequest;
  messages: ChatMessage[];
  /** Stream from the provider and pass text on as it arrives (else one JSON answer). */
  stream: boolean;
  /** Receives text as it arrives; false when the client has gone. */
  onText: (text: string) => Promise<boolean>;
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
    ...(input.stream ? { stream: true as const, stream_options: { include_usage: true } } : {}),
    ...(request.tools ? { tools: request.tools } : {}),
    ...(request.tool_choice ? { tool_choice: request.tool_choice } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.max_tokens !== undefined ? { [maxParam]: request.max_tokens } : {}),
    ...(request.response_format ? { response_format: request.response_format } : {}),
  };
}

interface UpstreamChunk {
  choices?: Array<{
    delta?: { content?: string | null; tool_calls?: Array<{ index: number; id?: string; function?: { name?: string; arguments?: string } }> };
    finish_reason?: string | null;
  }>;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  error?: unknown;
}

/** Reads the provider's SSE body into `state`, passing text on; stops early when told to. */
async function readStream(input: AttemptInput, body: ReadableStream<Uint8Array>, state: UpstreamState, started: number): Promise<void> {
  const tools = new Map<number, ToolCall>();
  try {
    for await (const frame of parseSse(body)) {
      state.lastDataAt = Date.now();
      if (frame.data === '[DONE]') {
        state.sawDone = true;
        break;
      }
      const chunk = JSON.parse(frame.data) as UpstreamChunk;
      if (chunk.error) throw new Error('the provider sent an error event mid-stream');
      if (chunk.usage) state.usage = chunk.usage;
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      for (const call of choice.delta?.tool_calls ?? []) {
        const prev = tools.get(call.index) ?? { id: '', type: 'function' as const, function: { name: '', arguments: '' } };
        tools.set(call.index, { id: call.id ?? prev.id, type: 'function', function: { name: prev.function.name + (call.function?.name ?? ''), arguments: prev.function.arguments + (call.function?.arguments ?? '') } });
      }
      if (choice.finish_reason) state.finishReason = choice.finish_reason;
      const piece = choice.delta?.content ?? '';
      if (!piece) continue;
      state.firstTokenMs ??= Math.round(performance.now() - started);
      state.text += piece;
      if (!(await input.onText(piece))) {
        state.clientGone = true;
        return;
      }
      if (input.maxCostUsd !== null && costUsd(estimatePromptTokens(input.messages), estimateTokens(state.text), input.model) > input.maxCostUsd) {
        state.budgetStopped = true;
        return;
      }
    }
  } finally {
    state.toolCalls = [...tools.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
    await body.cancel().catch(() => {});
  }
}

/** Calls the provider once (its own retries included) and reports how it went. */
export async function runAttempt(input: AttemptInput): Promise<AttemptResult> {
  const { scope, model } = input;
  const { config } = scope;
  const abort = new AbortController();
  const onClientGone = () => abort.abort();
  input.signal.addEventListener('abort', onClientGone, { once: true });
  const state: UpstreamState = { text: '', toolCalls: [], finishReason: null, usage: null, sawDone: false, firstTokenMs: null, lastDataAt: Date.now(), clientGone: false, budgetStopped: false };
  // one timer per call, not one per chunk (timers cost in workerd): it re-arms itself for the time left
  let stalled = false;
  let stall: ReturnType<typeof setTimeout> | undefined;
  const watchStall = (waitMs: number) => {
    stall = setTimeout(() => {
      const idle = Date.now() - state.lastDataAt;
      if (idle < config.LLM_TIMEOUT_MS) return watchStall(config.LLM_TIMEOUT_MS - idle);
      stalled = true;
      abort.abort();
    }, waitMs);
  };
  const started = performance.now();
  let failure: ProviderFailure | undefined;
  try {
    const apiKey = await scope.providerKey(model.provider);
    watchStall(config.LLM_TIMEOUT_MS);
    const client = providerClient({ config, provider: model.provider, apiKey, retries: config.LLM_MAX_RETRIES });
    const call = client.chat.completions.create(upstreamBody(input) as never, callOptions(scope.traceId, { signal: abort.signal }));
    if (input.stream) {
      const response = await call.asResponse();
      if (!response.body) throw new Error('the provider answered no body');
      await readStream(input, response.body, state, started);
    } else {
      readUpstreamJson(await call, state);
      state.sawDone = true;
      state.firstTokenMs = Math.round(performance.now() - started);
    }
  } catch (err) {
    if (!stalled && !input.signal.aborted) failure = classifyFailure(err, model.provider.name, config.LLM_FALLBACK_STATUSES);
  } finally {
    clearTimeout(stall);
    input.signal.removeEventListener('abort', onClientGone);
  }
  const clientGone = state.clientGone || input.signal.aborted;
  if (stalled) failure = { kind: 'timeout', fallback: true, unhealthy: true, message: `${model.provider.name}: no data for ${config.LLM_TIMEOUT_MS} ms` };
  if (!failure && !clientGone && !state.budgetStopped && (!state.sawDone || !state.finishReason)) {
    const missing = [state.finishReason ? null : 'a finish_reason', state.sawDone ? null : '[DONE]'].filter(Boolean).join(' or ');
    failure = { kind: 'truncated', fallback: true, unhealthy: true, message: `${model.provider.name}: stream ended without ${missing}` };
  }
  const { text, toolCalls, usage } = state;
  if (failure && text !== '' && failure.kind !== 'refused') failure = { ...failure, kind: 'cut' };
  const estimated = usage === null;
  const inputTokens = usage?.prompt_tokens ?? (text || toolCalls.length ? estimatePromptTokens(input.messages) : 0);
  const outputTokens = usage?.completion_tokens ?? estimateTokens(text + toolCalls.map((t) => t.function.arguments).join(''));
  const outcome: AttemptResult['outcome'] = clientGone ? 'cancelled' : state.budgetStopped ? 'budget_stopped' : failure ? (text ? 'cut' : 'failed') : 'ok';
  const upstreamMs = performance.now() - started;
  return {
    outcome,
    text,
    toolCalls,
    finishReason: state.finishReason,
    inputTokens,
    outputTokens,
    estimated,
    costUsd: costUsd(inputTokens, outputTokens, model),
    latencyMs: Math.round(upstreamMs),
    upstreamMs,
    firstTokenMs: state.firstTokenMs,
    ...(failure ? { failure } : {}),
  };
}
