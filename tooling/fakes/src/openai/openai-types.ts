// Public types of the OpenAI-compatible fake (chat completions, streaming, embeddings).
import type { FaultInput } from '../http/fault-queue';
import type { RecordedRequest } from '../http/request-log';
import type { WordVectors } from './word-vectors';

export interface ChatContentPart {
  type: string;
  text?: string;
}

export interface ChatMessage {
  role: string;
  content?: string | ChatContentPart[] | null;
  name?: string;
  tool_call_id?: string;
  tool_calls?: unknown[];
}

/** The fields of a chat completion request the fake reads; the rest is accepted and ignored. */
export interface ChatCompletionRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean; include_obfuscation?: boolean };
  tools?: unknown[];
  [key: string]: unknown;
}

export interface ToolCallSpec {
  name: string;
  /** A JSON string, or an object the fake serialises. */
  arguments: string | Record<string, unknown>;
  /** Default: a deterministic call_… id. */
  id?: string;
}

/**
 * A recorded HTTP answer, served as it was recorded: a `text/event-stream` body goes out frame by frame (split at
 * its blank lines, paced like the fake's own streams, subject to the stream faults); any other body goes out whole.
 * Embeddings requests take only these from the reply queue.
 */
export interface RawReply {
  raw: { contentType: string; body: string };
}

/** What the assistant answers: text, or tool calls (optionally with text), or a recorded answer. */
export type ChatReply = string | { content?: string | null; toolCalls?: ToolCallSpec[] } | RawReply;

/** A fault the OpenAI fake can inject; see FaultRule for counts and path scoping. */
export type OpenAIFault =
  | { kind: 'rate-limit'; retryAfterSeconds: number; limitType?: 'requests' | 'tokens' }
  | { kind: 'server-error'; status?: 500 | 502 | 503 }
  | { kind: 'latency'; ms: number }
  /** Streaming chat only: the connection is destroyed after `afterChunks` data chunks. */
  | { kind: 'stream-drop'; afterChunks: number }
  /** Streaming chat only: this one stream waits `chunkDelayMs` between chunks. */
  | { kind: 'slow-stream'; chunkDelayMs: number }
  /** Streaming chat only: every chunk (finish_reason, usage) is sent, then the response ends without [DONE]. */
  | { kind: 'no-done' }
  /** Chat, streaming or not: no usage at all, as providers that ignore stream_options.include_usage answer. */
  | { kind: 'no-usage' };

export type OpenAIFaultInput = FaultInput<OpenAIFault>;

export interface OpenAIFakeOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** When set, requests need `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Model name reported by chat responses. Default: the request's `model`. */
  model?: string;
  /**
   * Decides the assistant's answer when no queued reply (setReplies, PUT /__fake/replies) is waiting. Default:
   * an echo of the last user message, or a minimal schema instance for `response_format: json_schema`.
   */
  reply?: (request: ChatCompletionRequest) => ChatReply;
  /** Embedding size when the request sets no `dimensions`. Default 1536. */
  dimensions?: number;
  /**
   * Real word vectors (loadWordVectors): requests naming their model (glove-100d-mean) are answered from them,
   * `dimensions` default 100 and wider zero-padded; every other model keeps the hash vectors.
   */
  wordVectors?: WordVectors;
  /** Pause between streamed chunks, like a model producing tokens. Default 0 (tests); the dev stack may pass ~20. */
  chunkDelayMs?: number;
}

export interface OpenAIFake {
  /** Base URL ending in /v1, as OpenAI SDKs expect for `baseURL`; `<origin>/<any prefix>/v1` is the same API. */
  url: string;
  /** http://127.0.0.1:PORT: where the control API (/__fake/...) and other prefixes live. */
  origin: string;
  port: number;
  /** Every request received, in order (credentials redacted, JSON bodies parsed). */
  requests: RecordedRequest[];
  /** Replaces the fault rules; a plain fault applies once, a rule `{ fault, times, path }` as configured. */
  setFaults: (faults: readonly OpenAIFaultInput[]) => void;
  clearFaults: () => void;
  /** Number of fault rules with uses left. */
  pendingFaults: () => number;
  /**
   * Queues replies for the next chat completions (replacing the queue of the same scope): with `path`, only
   * requests in that scope take them (a prefix string or a RegExp), and scoped queues are tried before the
   * unscoped one. Once a queue is empty the default reply applies again.
   */
  setReplies: (replies: readonly ChatReply[], path?: string | RegExp) => void;
  clearReplies: () => void;
  /** Number of queued replies not yet used, over every scope. */
  pendingReplies: () => number;
  close: () => Promise<void>;
}
