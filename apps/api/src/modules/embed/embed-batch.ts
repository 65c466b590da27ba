// One provider call for one batch of inputs (issue 11 `/embed`): the openai SDK over the outbound client, whose
// retries (EMBED_PROVIDER_MAX_RETRIES, honouring Retry-After) are the only ones. `encoding_format` follows the
// provider's quirk (DeepInfra needs "float"; float by default) and an answer in base64 is decoded whatever was
// asked, since some providers send it anyway. Vectors come back in input order, whatever order `index` had.
import type { CallScope } from '../llm/call-scope';
import type { ModelEntry } from '../llm/catalogue';
import { costUsd, estimateTokens } from '../llm/costs';
import { callOptions, classifyFailure, providerClient, type ProviderFailure } from '../llm/provider-client';

export interface BatchInput {
  scope: CallScope;
  model: ModelEntry;
  texts: string[];
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

export interface BatchResult {
  /** One vector per text, in input order; absent when the call failed. */
  vectors?: number[][];
  inputTokens: number;
  /** The provider sent no usage: tokens were counted from the texts. */
  estimated: boolean;
  costUsd: number;
  latencyMs: number;
  failure?: ProviderFailure;
}

/** The dimensions asked of `model`: what its catalogue entry says it produces, else VECTOR_DIMENSIONS. */
export function requestedDimensions(scope: CallScope, model: ModelEntry): number {
  return model.dimensions ?? scope.config.VECTOR_DIMENSIONS;
}

/** Decodes `encoding_format: "base64"` (little-endian float32) into numbers; null when it is not that. */
export function decodeBase64Embedding(encoded: string): number[] | null {
  let binary: string;
  try {
    binary = atob(encoded);
  } catch {
    return null;
  }
  if (binary.length % 4 !== 0) return null;
  const view = new DataView(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)).buffer);
  const out = new Array<number>(binary.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Orders and decodes an answer's `data`; a string naming what is wrong when it cannot be used. */
function vectorsOf(data: unknown, count: number): number[][] | string {
  if (!Array.isArray(data) || data.length !== count) return `expected ${count} embeddings, got ${Array.isArray(data) ? data.length : 'none'}`;
  const out = new Array<number[] | undefined>(count);
  for (const [position, item] of (data as Array<{ index?: unknown; embedding?: unknown }>).entries()) {
    const index = typeof item?.index === 'number' ? item.index : position;
    if (!Number.isInteger(index) || index < 0 || index >= count || out[index]) return `bad or repeated index ${String(item?.index)}`;
    const raw = item.embedding;
    const vector = typeof raw === 'string' ? decodeBase64Embedding(raw) : Array.isArray(raw) && raw.every((x) => typeof x === 'number') ? (raw as number[]) : null;
    if (!vector) return `embedding ${index} is neither a list of numbers nor base64 float32`;
    out[index] = vector;
  }
  return out as number[][];
}

/** Calls the provider once for `texts` (its retries included) and reports how it went. */
export async function embedBatch(input: BatchInput): Promise<BatchResult> {
  const { scope, model, texts } = input;
  const { config } = scope;
  const started = Date.now();
  const retries = config.EMBED_PROVIDER_MAX_RETRIES;
  const estimate = texts.reduce((sum, t) => sum + estimateTokens(t), 0);
  const failed = (failure: ProviderFailure): BatchResult => ({ inputTokens: 0, estimated: false, costUsd: 0, latencyMs: Date.now() - started, failure });
  try {
    const client = providerClient({ config, provider: model.provider, apiKey: await scope.providerKey(model.provider), retries });
    const answer = await client.embeddings.create(
      {
        model: model.upstreamModel,
        input: texts,
        encoding_format: model.provider.quirks.embeddings_encoding_format ?? 'float',
        dimensions: requestedDimensions(scope, model),
      },
      // one batch, its retries and their Retry-After waits included
      callOptions(scope.traceId, { signal: input.signal, timeout: config.LLM_TIMEOUT_MS * (retries + 1) }),
    );
    const vectors = vectorsOf((answer as { data?: unknown }).data, texts.length);
    if (typeof vectors === 'string') {
      return failed({ kind: 'bad_output', fallback: true, unhealthy: true, message: `${model.provider.name}: unusable embeddings answer: ${vectors}` });
    }
    const reported = (answer as { usage?: { prompt_tokens?: unknown } }).usage?.prompt_tokens;
    const inputTokens = typeof reported === 'number' ? reported : estimate;
    return { vectors, inputTokens, estimated: typeof reported !== 'number', costUsd: costUsd(inputTokens, 0, model), latencyMs: Date.now() - started };
  } catch (err) {
    return failed(classifyFailure(err, model.provider.name, config.LLM_FALLBACK_STATUSES));
  }
}
