// The gateway's one completion path, used by /llm/completions and /chat. prepare: router-select and the budget
// reservation (402 and 503 are answered before anything streams). run: the candidates in order — a provider that
// fails before its first token is skipped silently; one cut after tokens is continued by the next provider from
// the text already sent (or ends with a typed error); every attempt is billed, reported to its circuit and the
// spend meter. Exactly one result or one thrown ApiError: the caller turns either into one terminal event.
import type { ChatMessage, CompletionRequest, CompletionResult } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { runAttempt, type AttemptResult } from './attempt';
import { admitToProvider, recordCall } from './circuit-view';
import { noProvider, reserveBudget, settleBudget, type Reservation } from './budget-reservation';
import type { CallScope } from './call-scope';
import { loadCatalogue } from './catalogue';
import { estimatePromptTokens } from './costs';
import { rankCandidates, type Candidate } from './router-select';
import { checkStructured, repairMessages } from './structured-output';
import { recordUsage, type UsageRow } from './usage.repo';

export interface PreparedCompletion {
  scope: CallScope;
  request: CompletionRequest;
  route: string;
  /** Available candidates, in the order they are tried. */
  candidates: Candidate[];
  /** Every candidate with its status (router-select's answer). */
  ranked: Candidate[];
  reservation: Reservation | null;
  errorBudget: number | null;
  /** Milliseconds spent waiting for providers (every attempt), for Server-Timing. */
  upstreamMs: number;
  /**
   * Structured output streamed as it comes (the AI jobs' live edit previews): the deltas are the upstream's text; the
   * result is still validated (and repaired) at the end and is the only authoritative answer.
   */
  streamStructured?: boolean;
}

/** Picks the candidates and reserves the projected cost; throws 402 / 503 / 422 before any provider is called. */
export async function prepareCompletion(scope: CallScope, request: CompletionRequest, route: string): Promise<PreparedCompletion> {
  const catalogue = await loadCatalogue(scope.db, scope.projectId, scope.config, (refresh) => scope.defer('catalogue refresh', refresh));
  const ranked = rankCandidates(catalogue, {
    kind: 'chat',
    requested: request.model,
    defaultModel: scope.config.CHAT_MODEL_DEFAULT,
    estimatedInputTokens: estimatePromptTokens(request.messages),
    maxOutputTokens: request.max_tokens,
  });
  const available = ranked.filter((c) => c.status === 'available');
  if (available.length === 0) throw noProvider(ranked);
  const { candidates, reservation } = await reserveBudget(scope, catalogue.policy, available);
  return { scope, request, route, candidates, ranked, reservation, errorBudget: catalogue.policy.error_budget, upstreamMs: 0 };
}

const CONTINUE = 'Continue exactly where your previous message stopped. Do not repeat anything already written.';

export interface CompletionSink {
  /** Text for the client as it arrives; false once the client has gone. */
  delta: (text: string) => Promise<boolean>;
  signal: AbortSignal;
}

/** Runs the prepared call to its one outcome. */
export async function runCompletion(prepared: PreparedCompletion, sink: CompletionSink): Promise<CompletionResult> {
  const { scope, request } = prepared;
  const structured = request.response_format?.type === 'json_schema' ? request.response_format.json_schema.schema : null;
  const started = Date.now();
  let emitted = '';
  let spent = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let estimated = false;
  const providers: string[] = [];
  const causes: Array<{ provider: string; model: string; cause: string }> = [];
  let attempted = 0;
  let reopensAt = Number.POSITIVE_INFINITY;
  const bill = (candidate: Candidate, a: AttemptResult, continued: boolean) => {
    spent += a.costUsd;
    prepared.upstreamMs += a.upstreamMs;
    inputTokens += a.inputTokens;
    outputTokens += a.outputTokens;
    estimated ||= a.estimated && a.inputTokens + a.outputTokens > 0;
    recordUsage(scope, usageRow(prepared, candidate, a, continued));
  };
  try {
    for (const [index, candidate] of prepared.candidates.entries()) {
      if (sink.signal.aborted) throw new ApiError('CANCELLED', 'the client went away');
      const admission = await admitToProvider(scope.config, candidate.model.provider.key);
      if (!admission.allowed) {
        reopensAt = Math.min(reopensAt, admission.cooldownUntilMs);
        causes.push({ provider: candidate.model.provider.name, model: candidate.model.name, cause: `circuit open until ${new Date(admission.cooldownUntilMs).toISOString()}` });
        continue;
      }
      attempted += 1;
      const continuing = emitted !== '';
      const messages: ChatMessage[] = continuing ? [...request.messages, { role: 'assistant', content: emitted }, { role: 'user', content: CONTINUE }] : request.messages;
      const headroom = prepared.reservation?.headroomUsd ?? null;
      const a = await runAttempt({
        scope,
        model: candidate.model,
        request,
        messages,
        signal: sink.signal,
        maxCostUsd: headroom === null ? null : headroom - spent,
        // a client that reads JSON, or structured output validated before it is sent: one JSON answer upstream
        stream: prepared.request.stream && (!structured || prepared.streamStructured === true),
        onText: sink.delta,
      });
      bill(candidate, a, continuing);
      const unhealthy = a.failure?.unhealthy ?? false;
      if (a.outcome !== 'cancelled' && a.outcome !== 'budget_stopped') {
        scope.defer('circuit report', recordCall(scope.config, candidate.model.provider.key, { ok: !unhealthy, latencyMs: a.latencyMs, probe: admission.probe, ...(a.failure ? { error: a.failure.kind } : {}) }));
      }
      if (a.outcome === 'cancelled') throw new ApiError('CANCELLED', 'the client went away');
      if (a.text || a.outcome === 'ok') providers.push(candidate.model.provider.name);
      emitted += a.text;
      if (a.outcome === 'budget_stopped') {
        throw new ApiError('BUDGET_EXCEEDED', `the stream was stopped: it would cross the project's LLM budget ($${spent.toFixed(6)} spent by this call)`, { budget: 'stream', spent_usd: spent });
      }
      if (a.outcome === 'ok') {
        let text = emitted;
        let output: unknown;
        let repaired = false;
        if (structured) {
          const checked = await structuredOutcome(prepared, candidate, messages, text, structured, bill);
          text = checked.text;
          output = checked.value;
          repaired = checked.repaired;
          if (!(prepared.streamStructured && prepared.request.stream)) await sink.delta(text);
        }
        return {
          text,
          ...(a.toolCalls.length ? { tool_calls: a.toolCalls } : {}),
          ...(structured ? { output } : {}),
          finish_reason: a.finishReason ?? 'stop',
          usage: { input_tokens: inputTokens, output_tokens: outputTokens, cost_usd: spent, estimated },
          provider: candidate.model.provider.name,
          model: candidate.model.name,
          latency_ms: Date.now() - started,
          continued: providers.length > 1 && emitted !== a.text,
          providers: [...new Set(providers)],
          ...(structured ? { repaired } : {}),
          trace_id: scope.traceId,
        };
      }
      const failure = a.failure!;
      causes.push({ provider: candidate.model.provider.name, model: candidate.model.name, cause: failure.message });
      if (!failure.fallback) throw new ApiError(failure.kind === 'refused' ? 'UNPROCESSABLE' : 'LLM_UPSTREAM', failure.message, { provider: candidate.model.provider.name, status: failure.status });
      const more = index < prepared.candidates.length - 1;
      if (emitted !== '' && (!scope.config.LLM_STREAM_CONTINUE || !more)) {
        throw new ApiError('LLM_STREAM_CUT', `${failure.message} after ${emitted.length} characters were sent, and no fallback could continue it`, { attempts: causes, sent_chars: emitted.length });
      }
    }
    if (attempted === 0) {
      const wait = Math.max(1, Math.ceil((reopensAt - Date.now()) / 1000));
      throw new ApiError('LLM_NO_PROVIDER', `every provider of this call is cooling down after failures: ${causes.map((c) => `${c.provider} (${c.cause})`).join('; ')}`, { attempts: causes }, { 'Retry-After': String(wait) });
    }
    throw new ApiError('LLM_UPSTREAM', `every provider failed: ${causes.map((c) => c.cause).join('; ') || 'none could be called'}`, { attempts: causes, sent_chars: emitted.length });
  } finally {
    settleBudget(scope, prepared.reservation, spent);
  }
}

async function structuredOutcome(
  prepared: PreparedCompletion,
  candidate: Candidate,
  messages: ChatMessage[],
  text: string,
  schema: Record<string, unknown>,
  bill: (c: Candidate, a: AttemptResult, continued: boolean) => void,
): Promise<{ text: string; value: unknown; repaired: boolean }> {
  const first = checkStructured(text, schema);
  if (first.ok) return { text, value: first.value, repaired: false };
  const retry = await runAttempt({ scope: prepared.scope, model: candidate.model, request: prepared.request, messages: repairMessages(messages, text, first.errors), stream: false, onText: async () => true, signal: new AbortController().signal, maxCostUsd: null });
  bill(candidate, retry, false);
  const second = retry.outcome === 'ok' ? checkStructured(retry.text, schema) : { ok: false as const, errors: [retry.failure?.message ?? 'the repair call failed'] };
  if (second.ok) return { text: retry.text, value: second.value, repaired: true };
  throw new ApiError('LLM_BAD_OUTPUT', `the model's answer does not match the response_format schema, even after one repair: ${second.errors.slice(0, 3).join('; ')}`, { errors: second.errors });
}

function usageRow(prepared: PreparedCompletion, candidate: Candidate, a: AttemptResult, continued: boolean): UsageRow {
  return {
    jobId: prepared.request.job_id ?? null,
    route: prepared.route,
    model: candidate.model.name,
    upstreamModel: candidate.model.upstreamModel,
    providerId: candidate.model.provider.id,
    provider: candidate.model.provider.name,
    tokensIn: a.inputTokens,
    tokensOut: a.outputTokens,
    costUsd: a.costUsd,
    latencyMs: a.latencyMs,
    firstTokenMs: a.firstTokenMs,
    outcome: a.outcome,
    errorCode: a.failure?.kind ?? null,
    estimated: a.estimated,
    continued,
  };
}
