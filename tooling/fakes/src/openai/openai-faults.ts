// How each OpenAI fault answers: 429s carry Retry-After and the x-ratelimit-* headers OpenAI sends, with
// the rate_limit_exceeded body (chat and embeddings alike); 5xx carry server_error bodies. The stream faults
// (stream-drop, slow-stream, no-done) only hit streaming chats and no-usage only chats: on other requests they
// are neither applied nor consumed, so they wait for the request they were meant for.
import type { OutgoingHttpHeaders } from 'node:http';
import { FaultQueue } from '../http/fault-queue';
import { plainStream } from './chat-stream-writer';
import type { StreamPlan } from './chat-stream-writer';
import { openAIError } from './openai-errors';
import type { OpenAIErrorBody } from './openai-errors';
import type { OpenAIFault } from './openai-types';

export interface OpenAIFaultContext {
  /** POST …/v1/chat/completions. */
  chat: boolean;
  /** The body asks for `stream: true`. */
  streaming: boolean;
}

const STREAM_FAULTS: ReadonlySet<OpenAIFault['kind']> = new Set(['stream-drop', 'slow-stream', 'no-done']);

/** A fault queue whose stream faults fire (and are consumed) only on streaming chats, no-usage only on chats. */
export function createOpenAIFaultQueue(): FaultQueue<OpenAIFault, OpenAIFaultContext> {
  return new FaultQueue<OpenAIFault, OpenAIFaultContext>((fault, context) => {
    if (STREAM_FAULTS.has(fault.kind)) return context.chat && context.streaming;
    return fault.kind === 'no-usage' ? context.chat : true;
  });
}

/** What a fault changes in a chat answer that is still served: how the stream goes, whether usage is reported. */
export interface ChatFaultEffects {
  stream: StreamPlan;
  usage: boolean;
}

/** The effects of `fault` (if any) on a chat answer, given the fake's default pacing. */
export function chatFaultEffects(fault: OpenAIFault | undefined, chunkDelayMs: number): ChatFaultEffects {
  const stream = plainStream(chunkDelayMs);
  switch (fault?.kind) {
    case 'stream-drop':
      return { stream: { ...stream, dropAfterChunks: fault.afterChunks }, usage: true };
    case 'slow-stream':
      return { stream: { ...stream, chunkDelayMs: fault.chunkDelayMs }, usage: true };
    case 'no-done':
      return { stream: { ...stream, sendDone: false }, usage: true };
    case 'no-usage':
      return { stream, usage: false };
    default:
      return { stream, usage: true };
  }
}

export interface OpenAIFaultAnswer {
  status: number;
  body: OpenAIErrorBody;
  headers: OutgoingHttpHeaders;
}

const LIMITS = { requests: 500, tokens: 200_000 } as const;

/** The error response for a fault that replaces the answer, or undefined for faults that alter a served answer. */
export function openAIFaultAnswer(fault: OpenAIFault, model: string): OpenAIFaultAnswer | undefined {
  switch (fault.kind) {
    case 'rate-limit': {
      const type = fault.limitType ?? 'requests';
      const wait = `${fault.retryAfterSeconds}s`;
      const unit = type === 'requests' ? 'requests per min (RPM)' : 'tokens per min (TPM)';
      const limit = LIMITS[type];
      return {
        status: 429,
        headers: {
          'retry-after': String(fault.retryAfterSeconds),
          'x-ratelimit-limit-requests': String(LIMITS.requests),
          'x-ratelimit-remaining-requests': type === 'requests' ? '0' : String(LIMITS.requests - 1),
          'x-ratelimit-reset-requests': wait,
          'x-ratelimit-limit-tokens': String(LIMITS.tokens),
          'x-ratelimit-remaining-tokens': type === 'tokens' ? '0' : String(LIMITS.tokens - 1000),
          'x-ratelimit-reset-tokens': wait,
        },
        body: openAIError(
          `Rate limit reached for ${model} in organization org-cogofake on ${unit}: Limit ${limit}, Used ${limit}, Requested 1. Please try again in ${wait}. Visit https://platform.openai.com/account/rate-limits to learn more.`,
          type,
          null,
          'rate_limit_exceeded',
        ),
      };
    }
    case 'server-error': {
      const status = fault.status ?? 500;
      const message =
        status === 503
          ? 'The server is overloaded or not ready yet.'
          : status === 502
            ? 'Bad gateway.'
            : 'The server had an error while processing your request. Sorry about that!';
      return { status, headers: {}, body: openAIError(message, 'server_error') };
    }
    case 'latency':
    case 'stream-drop':
    case 'slow-stream':
    case 'no-done':
    case 'no-usage':
      return undefined;
  }
}
