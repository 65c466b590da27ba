// One chat turn over POST /chat (SSE): `ready`, `chat.delta` { text } …, then exactly one terminal `chat.done` (a
// ChatResult) or `error` (an error envelope); `keepalive` and unknown events are skipped. A chat stream is not
// logged, so it cannot be resumed and nothing is: a turn is retried only by re-POSTing it with the same
// Idempotency-Key, and only while nothing of it has been yielded (the API then sends a stored answer again, or asks
// again for a failed one). A stream that is cut after a delta, or ends with no terminal event, is an error.
import { CogoApiError, isErrorEnvelope, type ErrorEnvelope } from './errors';
import { defaultBackoffMs, defaultSleep, errorFromResponse, figmaHeaders, retryAfterMs, send } from './figma-http';
import type { FigmaConnection } from './figma-types';
import type { components } from './schema';
import { readFrames, type FramesEnd } from './sse';

/** Where and how to reach the API: the same connection as the other helpers. */
export type ChatConnection = FigmaConnection;

/** The answer of a turn (the `chat.done` event). */
export type ChatResult = components['schemas']['ChatResult'];

/** The first event of a turn: where it is stored. */
export interface ChatReady {
  session_id: string;
  user_message_id: string;
  trace_id: string;
}

/** What to send, and how to retry. */
export interface StreamChatOptions {
  content: string;
  /** Continue this session; absent: the API starts a new one. */
  sessionId?: string;
  model?: string;
  system?: string;
  /** The turn's Idempotency-Key: pass the same one to retry a turn. Generated when absent. */
  idempotencyKey?: string;
  /** Cancels the turn (overrides the connection's signal). */
  signal?: AbortSignal;
  /** Called with each `ready` (again on a retry). */
  onReady?: (ready: ChatReady) => void;
  /** Re-POSTs of the turn tolerated before anything was yielded (network failure, 429/503, 409 with Retry-After, a cut). Default 2. */
  maxRetries?: number;
  /** The longest Retry-After worth waiting for; a longer one is thrown instead. Default 10 s. */
  maxRetryWaitMs?: number;
  /** Called before waiting to send the turn again. */
  onRetry?: (info: { attempt: number; waitMs: number; error: unknown; idempotencyKey: string }) => void;
}

/** A turn whose stream could not be read to its terminal event (not an error reported by the API). */
export class ChatStreamError extends Error {
  constructor(
    readonly code: 'STREAM_CUT' | 'STREAM_PROTOCOL',
    message: string,
    /** The turn's key: a retry with it gets the stored answer if the API finished the turn. */
    readonly idempotencyKey: string,
    /** The text received before the stream failed. */
    readonly text: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChatStreamError';
  }
}

/** Thrown for a terminal `error` event; `status` is that of the stream's answer, as the failure came in-band. */
export class ChatFailedError extends CogoApiError {
  constructor(
    envelope: ErrorEnvelope,
    readonly idempotencyKey: string,
    /** The text received before the error. */
    readonly text: string,
  ) {
    super(200, envelope);
    this.name = 'ChatFailedError';
  }
}

/** A fresh Idempotency-Key for a turn. */
export function newChatTurnKey(): string {
  return `chat-${crypto.randomUUID()}`;
}

/**
 * POST /chat: yields the answer's text as it arrives and returns the ChatResult. Throws CogoApiError for an error
 * answer, ChatFailedError for an `error` event, ChatStreamError for a stream without a terminal event.
 */
export async function* streamChat(conn: ChatConnection, options: StreamChatOptions): AsyncGenerator<string, ChatResult, undefined> {
  const key = options.idempotencyKey ?? newChatTurnKey();
  const signal = options.signal ?? conn.signal;
  const c: ChatConnection = { ...conn, ...(signal ? { signal } : {}) };
  const sleep = conn.sleep ?? defaultSleep;
  const maxRetries = options.maxRetries ?? 2;
  const maxWait = options.maxRetryWaitMs ?? 10_000;
  const body = JSON.stringify({
    content: options.content,
    stream: true,
    ...(options.sessionId !== undefined ? { session_id: options.sessionId } : {}),
    ...(options.model !== undefined ? { model: options.model } : {}),
    ...(options.system !== undefined ? { system: options.system } : {}),
  });
  const headers = figmaHeaders(c, { 'content-type': 'application/json', accept: 'text/event-stream', 'idempotency-key': key });

  let failures = 0;
  // nothing was yielded yet: the same key makes sending the turn again safe
  const retry = async (error: unknown, waitMs: number | null) => {
    failures++;
    if (failures > maxRetries || (waitMs ?? 0) > maxWait) throw error;
    const wait = waitMs ?? defaultBackoffMs(failures);
    options.onRetry?.({ attempt: failures, waitMs: wait, error, idempotencyKey: key });
    await sleep(wait, signal);
  };

  for (;;) {
    signal?.throwIfAborted();
    let res: Response;
    try {
      res = await send(c, `${c.baseUrl.replace(/\/+$/, '')}/chat`, { method: 'POST', headers, body });
    } catch (err) {
      if (signal?.aborted) throw err;
      await retry(err, null);
      continue;
    }
    if (!res.ok) {
      const wait = retryAfterMs(res.headers.get('retry-after'));
      const error = await errorFromResponse(res);
      // 409 with Retry-After: this key's turn is still being answered (an earlier attempt of ours)
      if (res.status === 429 || res.status === 503 || (res.status === 409 && wait !== null)) {
        await retry(error, wait);
        continue;
      }
      throw error;
    }
    if (!res.body) {
      await retry(new ChatStreamError('STREAM_CUT', 'the chat answer had no body', key, ''), null);
      continue;
    }

    let text = '';
    let failed: ChatFailedError | undefined;
    const end: FramesEnd = { failed: false };
    for await (const { event, data } of readFrames(res.body, signal, end)) {
      if (event === 'ready') options.onReady?.(readyOf(data, key, text));
      else if (event === 'chat.delta') {
        const delta = field(data, 'text', event, key, text);
        if (delta === '') continue;
        text += delta;
        yield delta;
      } else if (event === 'chat.done') return resultOf(data, key, text);
      else if (event === 'error') {
        const envelope = json(data, event, key, text);
        if (!isErrorEnvelope(envelope)) throw protocol(`the error event is not an error envelope`, key, text);
        failed = new ChatFailedError(envelope, key, text);
        break;
      }
    }
    // CONFLICT before any text: another request with this key stored the answer first, which a retry receives
    if (failed && (text !== '' || failed.code !== 'CONFLICT')) throw failed;
    const error = failed ?? new ChatStreamError('STREAM_CUT', `the chat stream ended without chat.done or error${text ? ` after ${text.length} characters` : ''}`, key, text, { cause: end.cause });
    if (text !== '') throw error;
    await retry(error, null);
  }
}

/** Reads a turn to its end: the ChatResult (its text is the whole answer). */
export async function readChat(conn: ChatConnection, options: StreamChatOptions): Promise<ChatResult> {
  const turn = streamChat(conn, options);
  for (;;) {
    const step = await turn.next();
    if (step.done) return step.value;
  }
}

function protocol(message: string, key: string, text: string): ChatStreamError {
  return new ChatStreamError('STREAM_PROTOCOL', message, key, text);
}

function json(data: string, event: string, key: string, text: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw protocol(`event ${event} carried invalid JSON`, key, text);
  }
}

function field(data: string, name: string, event: string, key: string, text: string): string {
  const value = (json(data, event, key, text) as Record<string, unknown> | null)?.[name];
  if (typeof value !== 'string') throw protocol(`event ${event} has no string ${name}`, key, text);
  return value;
}

function readyOf(data: string, key: string, text: string): ChatReady {
  const ready = json(data, 'ready', key, text) as Partial<ChatReady> | null;
  if (typeof ready?.session_id !== 'string') throw protocol('event ready has no session_id', key, text);
  return ready as ChatReady;
}

function resultOf(data: string, key: string, text: string): ChatResult {
  const result = json(data, 'chat.done', key, text) as Partial<ChatResult> | null;
  if (typeof result?.session_id !== 'string' || typeof result.text !== 'string' || typeof result.usage !== 'object' || result.usage === null) {
    throw protocol('event chat.done is not a ChatResult', key, text);
  }
  return result as ChatResult;
}
