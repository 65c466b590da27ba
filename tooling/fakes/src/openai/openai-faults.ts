// How each OpenAI fault answers: 429s carry Retry-After and the x-ratelimit-* headers OpenAI sends, with
// the rate_limit_exceeded body; 5xx carry server_error bodies. Stream drops only hit streaming chats.
import type { OutgoingHttpHeaders } from 'node:http';
import { FaultQueue } from '../http/fault-queue';
import { openAIError } from './openai-errors';
import type { OpenAIErrorBody } from './openai-errors';
import type { OpenAIFault } from './openai-types';

export interface OpenAIFaultContext {
  streaming: boolean;
}

/** A fault queue whose stream-drop rules fire (and are consumed) only on streaming requests. */
export function createOpenAIFaultQueue(): FaultQueue<OpenAIFault, OpenAIFaultContext> {
  return new FaultQueue<OpenAIFault, OpenAIFaultContext>((fault, context) =>
    fault.kind === 'stream-drop' ? context.streaming : true,
  );
}

export interface OpenAIFaultAnswer {
  status: number;
  body: OpenAIErrorBody;
  headers: OutgoingHttpHeaders;
}

const LIMITS = { requests: 500, tokens: 200_000 } as const;

/** The error response for a fault that replaces the answer, or undefined for latency and stream drops. */
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
      return undefined;
  }
}
