// Public types of the OpenAI-compatible fake (chat completions, streaming, embeddings).
import type { FaultInput } from '../http/fault-queue';
import type { RecordedRequest } from '../http/request-log';

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

/** What the assistant answers: text, or tool calls (optionally with text). */
export type ChatReply = string | { content?: string | null; toolCalls?: ToolCallSpec[] };

/** A fault the OpenAI fake can inject; see FaultRule for counts and path scoping. */
export type OpenAIFault =
  | { kind: 'rate-limit'; retryAfterSeconds: number; limitType?: 'requests' | 'tokens' }
  | { kind: 'server-error'; status?: 500 | 502 | 503 }
  | { kind: 'latency'; ms: number }
  /** Streaming chat only: the connection is destroyed after `afterChunks` data chunks. */
  | { kind: 'stream-drop'; afterChunks: number };

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
  /** Decides the assistant's answer. Default: an echo of the last user message. */
  reply?: (request: ChatCompletionRequest) => ChatReply;
  /** Embedding size when the request sets no `dimensions`. Default 1536. */
  dimensions?: number;
}

export interface OpenAIFake {
  /** Base URL ending in /v1, as OpenAI SDKs expect for `baseURL`. */
  url: string;
  port: number;
  /** Every request received, in order (credentials redacted, JSON bodies parsed). */
  requests: RecordedRequest[];
  /** Replaces the fault rules; a plain fault applies once, a rule `{ fault, times, path }` as configured. */
  setFaults: (faults: readonly OpenAIFaultInput[]) => void;
  clearFaults: () => void;
  /** Number of fault rules with uses left. */
  pendingFaults: () => number;
  close: () => Promise<void>;
}
