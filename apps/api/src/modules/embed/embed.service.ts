// `/embed` (issue 11, seed 001 §4 "Embedding"): embeddings through the gateway's routing. prepare: router-select
// for kind embedding and the budget reservation (402 / 503 / 422 before any provider is called). run: the inputs
// in batches of ≤ EMBED_MAX_BATCH, in order, on the candidates in order — a candidate failing with 429 / 5xx /
// a timeout after its own retries hands over to the next. Vectors of one answer all come from one model: a
// fallback serving the same model name keeps the batches already done, another model starts again from the first.
// Every provider call is billed (one llm_usage row), reported to its provider's circuit and settled on the meter.
import type { EmbedRequest, EmbedResult } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { noProvider, reserveBudget, settleBudget, type Reservation } from '../llm/budget-reservation';
import type { CallScope } from '../llm/call-scope';
import { admitToProvider, recordCall } from '../llm/circuit-view';
import { loadCatalogue } from '../llm/catalogue';
import { estimateTokens } from '../llm/costs';
import { rankCandidates, type Candidate } from '../llm/router-select';
import { recordUsage, type UsageRow } from '../llm/usage.repo';
import { embedBatch, type BatchResult } from './embed-batch';

export const EMBED_ROUTE = 'embed';

export interface PreparedEmbed {
  scope: CallScope;
  /** The inputs split into provider calls, in order. */
  batches: string[][];
  inputs: number;
  /** Available candidates, in the order they are tried. */
  candidates: Candidate[];
  reservation: Reservation | null;
}

export interface EmbedProgress {
  /** After each batch that produced vectors: `batch` (1-based), how many there are, how many are done. */
  status: (s: { batch: number; batches: number; done: number }) => Promise<unknown>;
  signal: AbortSignal;
}

/** Picks the candidates and reserves the projected cost; throws 402 / 503 / 422 before any provider is called. */
export async function prepareEmbed(scope: CallScope, request: EmbedRequest): Promise<PreparedEmbed> {
  const inputs = typeof request.input === 'string' ? [request.input] : request.input;
  const catalogue = await loadCatalogue(scope.db, scope.projectId, scope.config, (refresh) => scope.defer('catalogue refresh', refresh));
  const ranked = rankCandidates(catalogue, {
    kind: 'embedding',
    requested: request.model,
    defaultModel: scope.config.EMBEDDING_MODEL_DEFAULT,
    estimatedInputTokens: inputs.reduce((sum, t) => sum + estimateTokens(t), 0),
    maxOutputTokens: 0,
  });
  const available = ranked.filter((c) => c.status === 'available');
  if (available.length === 0) throw noProvider(ranked);
  const { candidates, reservation } = await reserveBudget(scope, catalogue.policy, available);
  const size = scope.config.EMBED_MAX_BATCH;
  const batches = Array.from({ length: Math.ceil(inputs.length / size) }, (_, i) => inputs.slice(i * size, (i + 1) * size));
  return { scope, batches, inputs: inputs.length, candidates, reservation };
}

/** Runs the prepared call to its one outcome: the vectors of every input, or a thrown ApiError. */
export async function runEmbed(prepared: PreparedEmbed, progress: EmbedProgress): Promise<EmbedResult> {
  const { scope, batches } = prepared;
  const { config } = scope;
  const expected = config.VECTOR_DIMENSIONS;
  let spent = 0;
  let inputTokens = 0;
  let estimated = false;
  let results: Array<number[][] | undefined> = [];
  let resultsModel: string | null = null;
  const providers: string[] = [];
  const causes: Array<{ provider: string; model: string; cause: string }> = [];
  let attempted = 0;
  let reopensAt = Number.POSITIVE_INFINITY;
  const bill = (candidate: Candidate, r: BatchResult, errorCode: string | null) => {
    spent += r.costUsd;
    inputTokens += r.inputTokens;
    estimated ||= r.estimated;
    recordUsage(scope, usageRow(candidate, r, errorCode));
  };
  const cancelled = () => new ApiError('CANCELLED', 'the client went away');
  try {
    for (const candidate of prepared.candidates) {
      const { model } = candidate;
      const admission = await admitToProvider(config, model.provider.key);
      if (!admission.allowed) {
        reopensAt = Math.min(reopensAt, admission.cooldownUntilMs);
        causes.push({ provider: model.provider.name, model: model.name, cause: `circuit open until ${new Date(admission.cooldownUntilMs).toISOString()}` });
        continue;
      }
      attempted += 1;
      // vectors of another model live in another space: they cannot be mixed with this one's
      if (resultsModel !== model.name) {
        [results, resultsModel] = [[], model.name];
        providers.length = 0;
      }
      let probe = admission.probe;
      let failure: BatchResult['failure'];
      for (const [b, texts] of batches.entries()) {
        if (results[b]) continue;
        if (progress.signal.aborted) throw cancelled();
        const r = await embedBatch({ scope, model, texts, signal: progress.signal });
        if (progress.signal.aborted) {
          bill(candidate, r, 'cancelled');
          throw cancelled();
        }
        const wrong = r.vectors?.find((v) => v.length !== expected);
        bill(candidate, r, r.failure?.kind ?? (wrong ? 'dimension_mismatch' : null));
        scope.defer('circuit report', recordCall(config, model.provider.key, { ok: !r.failure?.unhealthy, latencyMs: r.latencyMs, probe, ...(r.failure ? { error: r.failure.kind } : {}) }));
        probe = false;
        if (wrong) {
          throw new ApiError('EMBED_DIMENSION_MISMATCH', `${model.name} (${model.provider.name}) returned ${wrong.length}-dimensional embeddings; this deployment stores ${expected} (VECTOR_DIMENSIONS)`, {
            model: model.name,
            provider: model.provider.name,
            expected,
            got: wrong.length,
          });
        }
        if (r.failure) {
          failure = r.failure;
          break;
        }
        results[b] = r.vectors;
        if (!providers.includes(model.provider.name)) providers.push(model.provider.name);
        await progress.status({ batch: b + 1, batches: batches.length, done: results.filter(Boolean).length });
      }
      if (!failure) {
        return {
          model: model.name,
          provider: model.provider.name,
          providers,
          dimensions: expected,
          data: results.flatMap((vectors) => vectors!).map((embedding, index) => ({ index, embedding })),
          usage: { input_tokens: inputTokens, output_tokens: 0, cost_usd: spent, estimated },
          batches: batches.length,
          trace_id: scope.traceId,
        };
      }
      causes.push({ provider: model.provider.name, model: model.name, cause: failure.message });
      if (!failure.fallback) throw new ApiError(failure.kind === 'refused' ? 'UNPROCESSABLE' : 'LLM_UPSTREAM', failure.message, { provider: model.provider.name, status: failure.status });
    }
    if (attempted === 0) {
      const wait = Math.max(1, Math.ceil((reopensAt - Date.now()) / 1000));
      throw new ApiError('LLM_NO_PROVIDER', `every provider of this call is cooling down after failures: ${causes.map((c) => `${c.provider} (${c.cause})`).join('; ')}`, { attempts: causes }, { 'Retry-After': String(wait) });
    }
    throw new ApiError('LLM_UPSTREAM', `every provider failed: ${causes.map((c) => c.cause).join('; ')}`, { attempts: causes });
  } finally {
    settleBudget(scope, prepared.reservation, spent);
  }
}

function usageRow(candidate: Candidate, r: BatchResult, errorCode: string | null): UsageRow {
  return {
    jobId: null,
    route: EMBED_ROUTE,
    model: candidate.model.name,
    upstreamModel: candidate.model.upstreamModel,
    providerId: candidate.model.provider.id,
    provider: candidate.model.provider.name,
    tokensIn: r.inputTokens,
    tokensOut: 0,
    costUsd: r.costUsd,
    latencyMs: r.latencyMs,
    firstTokenMs: null,
    outcome: errorCode === 'cancelled' ? 'cancelled' : errorCode ? 'failed' : 'ok',
    errorCode: errorCode === 'cancelled' ? null : errorCode,
    estimated: r.estimated,
    continued: false,
  };
}
