// One design chat turn over POST /chat/design (SSE, issue 14, seed 000 §16–§19): `meta` { trace_id, intents }, the
// steps' events (`progress`, `rag.item`…`rag.done`, `llm.delta`…`llm.done`, `ui.preview`, `bdd.done`), then exactly
// one terminal `done` or `error`; `keepalive` and events a newer API may add are skipped.
// Retries: the API keeps no design turn to replay (its idempotency layer does not store streams) and each attempt asks
// a model again, so the turn is re-POSTed only when the API refused it before it began — 429 or 503, honouring
// Retry-After. A connection that fails, or a stream cut or ended without a terminal event, is thrown: the turn may
// already have spent on the model, and asking again is the caller's call (what it may have left behind is usage rows
// and at most one artifact, which expires).
import { CogoApiError, isErrorEnvelope, type ErrorEnvelope } from './errors';
import { defaultBackoffMs, defaultSleep, errorFromResponse, figmaHeaders, retryAfterMs, send } from './figma-http';
import type { FigmaConnection } from './figma-types';
import type { components } from './schema';
import { readFrames, type FramesEnd } from './sse';

type Schemas = components['schemas'];
export type CogoUiJson = Schemas['CogoUiJson'];
export type LlmUsage = Schemas['LlmUsage'];

/** Where and how to reach the API: the same connection as the other helpers. */
export type DesignConnection = FigmaConnection;

/** What a message asks for; its steps run in this order. */
export type DesignIntent = 'generate' | 'refine' | 'bdd';

/** The validated page (or its `artifact` pointer when over ARTIFACT_INLINE_MAX_BYTES) and a one-line summary. */
export type DesignPreview = Omit<Schemas['UiGenerateResponse'], 'trace_id' | 'llm'> & { summary: string };

/** Data of each non-terminal event, by name (the contract: ChatDesignEvents in packages/types/src/ui-generate.ts). */
export interface DesignEventData {
  meta: { trace_id: string; intents: DesignIntent[] };
  progress: { step: 'rag' | 'plan' | 'ui' | 'bdd'; status: 'started' | 'done' | 'skipped'; detail?: string };
  'rag.item': Schemas['RagSearchItem'];
  'rag.done': { count: number };
  'llm.delta': { text: string };
  'llm.done': { usage: LlmUsage; provider: string; model: string };
  'ui.preview': DesignPreview;
  'bdd.done': { feature: string; scenarios: number };
}

/** One event of a turn as yielded. */
export type DesignEvent = { [K in keyof DesignEventData]: { event: K; data: DesignEventData[K] } }[keyof DesignEventData];

/** The turn's end (the `done` event). */
export interface DesignDone {
  trace_id: string;
  intents: DesignIntent[];
  usage: LlmUsage;
  timings: { total_ms: number; rag_ms: number; llm_ms: number; ui_ms: number };
}

const EVENTS: ReadonlySet<string> = new Set<keyof DesignEventData>(['meta', 'progress', 'rag.item', 'rag.done', 'llm.delta', 'llm.done', 'ui.preview', 'bdd.done']);

/** What to send, and how long to wait for a refused turn. */
export interface StreamDesignOptions {
  /** The message: it picks the steps (generate a page, refine the page given, Gherkin for it). */
  prompt: string;
  /** The page being worked on (sent as `cogo_ui_json`). */
  page?: CogoUiJson;
  model?: string;
  /** `keyword`: the offline generator makes the page (no model asked); default `llm`. */
  generator?: 'llm' | 'keyword';
  /** Retrieval: `limit` 0 skips it (API default 6). */
  rag?: { limit?: number; filter?: Schemas['RagSearchFilter'] };
  /** Put the turn on this trace (32 hex); the API makes one when absent. */
  traceId?: string;
  /** Cancels the turn (overrides the connection's signal). */
  signal?: AbortSignal;
  /** Re-POSTs after a 429/503 (the turn did not begin). Default 2. */
  maxRetries?: number;
  /** The longest Retry-After worth waiting for; a longer one is thrown instead. Default 10 s. */
  maxRetryWaitMs?: number;
  /** Called before waiting to send the turn again. */
  onRetry?: (info: { attempt: number; waitMs: number; error: CogoApiError }) => void;
}

/** A turn whose stream could not be read to its terminal event (not an error reported by the API). */
export class DesignStreamError extends Error {
  constructor(
    readonly code: 'STREAM_CUT' | 'STREAM_PROTOCOL' | 'ARTIFACT_MISMATCH',
    message: string,
    /** The turn's trace (its timeline shows how far it got); null before the API named it. */
    readonly traceId: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DesignStreamError';
  }
}

/** Thrown for a terminal `error` event; `status` is that of the stream's answer, as the failure came in-band. */
export class DesignFailedError extends CogoApiError {
  constructor(
    envelope: ErrorEnvelope,
    /** The turn's trace. */
    readonly traceId: string | null,
  ) {
    super(200, envelope);
    this.name = 'DesignFailedError';
  }
}

/**
 * POST /chat/design: yields the turn's events as they arrive and returns its `done`. Throws CogoApiError for an error
 * answer, DesignFailedError for an `error` event, DesignStreamError for a stream without a terminal event.
 */
export async function* streamDesign(conn: DesignConnection, options: StreamDesignOptions): AsyncGenerator<DesignEvent, DesignDone, undefined> {
  const signal = options.signal ?? conn.signal;
  const c: DesignConnection = { ...conn, ...(signal ? { signal } : {}) };
  const sleep = conn.sleep ?? defaultSleep;
  const maxRetries = options.maxRetries ?? 2;
  const maxWait = options.maxRetryWaitMs ?? 10_000;
  const { rag } = options;
  const body = JSON.stringify({
    prompt: options.prompt,
    ...(options.page !== undefined ? { cogo_ui_json: options.page } : {}),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.generator !== undefined ? { generator: options.generator } : {}),
    ...(rag ? { rag: { ...(rag.limit !== undefined ? { limit: rag.limit } : {}), ...(rag.filter ? { filter: rag.filter } : {}) } } : {}),
    ...(options.traceId !== undefined ? { trace_id: options.traceId } : {}),
  });
  // a deployment may require a key on every write (REQUIRE_IDEMPOTENCY); streams are never replayed by it
  const headers = figmaHeaders(c, { 'content-type': 'application/json', accept: 'text/event-stream', 'idempotency-key': `design-${crypto.randomUUID()}` });

  let res: Response;
  for (let failures = 0; ; ) {
    signal?.throwIfAborted();
    res = await send(c, `${c.baseUrl.replace(/\/+$/, '')}/chat/design`, { method: 'POST', headers, body });
    if (res.ok) break;
    const wait = retryAfterMs(res.headers.get('retry-after'));
    const error = await errorFromResponse(res);
    failures++;
    if ((res.status !== 429 && res.status !== 503) || failures > maxRetries || (wait ?? 0) > maxWait) throw error;
    const waitMs = wait ?? defaultBackoffMs(failures);
    options.onRetry?.({ attempt: failures, waitMs, error });
    await sleep(waitMs, signal);
  }

  let traceId = res.headers.get('x-trace-id');
  if (!res.body) throw new DesignStreamError('STREAM_CUT', 'the design answer had no body', traceId);
  const end: FramesEnd = { failed: false };
  for await (const { event, data } of readFrames(res.body, signal, end)) {
    if (event === 'done') return doneOf(json(data, event, traceId), traceId);
    if (event === 'error') {
      const envelope = json(data, event, traceId);
      if (!isErrorEnvelope(envelope)) throw protocol('the error event is not an error envelope', traceId);
      throw new DesignFailedError(envelope, traceId);
    }
    if (!EVENTS.has(event)) continue;
    const parsed = checked(event as keyof DesignEventData, json(data, event, traceId), traceId);
    if (parsed.event === 'meta') traceId = parsed.data.trace_id;
    yield parsed;
  }
  throw new DesignStreamError('STREAM_CUT', 'the design stream ended without done or error', traceId, { cause: end.cause });
}

function protocol(message: string, traceId: string | null): DesignStreamError {
  return new DesignStreamError('STREAM_PROTOCOL', message, traceId);
}

function json(data: string, event: string, traceId: string | null): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw protocol(`event ${event} carried invalid JSON`, traceId);
  }
  if (typeof value !== 'object' || value === null) throw protocol(`event ${event} is not an object`, traceId);
  return value as Record<string, unknown>;
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null;

// only what the CLI relies on is checked: the rest is the API's contract
function checked(event: keyof DesignEventData, data: Record<string, unknown>, traceId: string | null): DesignEvent {
  const bad = (what: string) => protocol(`event ${event} ${what}`, traceId);
  if (event === 'meta' && typeof data.trace_id !== 'string') throw bad('has no trace_id');
  if (event === 'llm.delta' && typeof data.text !== 'string') throw bad('has no string text');
  if (event === 'llm.done' && !isObject(data.usage)) throw bad('has no usage');
  if (event === 'ui.preview' && !isObject(data.cogo_ui_json) && !isObject(data.artifact)) throw bad('has neither cogo_ui_json nor artifact');
  if (event === 'bdd.done' && typeof data.feature !== 'string') throw bad('has no feature');
  return { event, data } as DesignEvent;
}

function doneOf(data: Record<string, unknown>, traceId: string | null): DesignDone {
  if (typeof data.trace_id !== 'string' || !isObject(data.usage)) throw protocol('event done has no trace_id or usage', traceId);
  return data as unknown as DesignDone;
}
