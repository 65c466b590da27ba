// One error shape for every failure: routes, middleware, 404s and SSE `error` events.
import { z } from '@hono/zod-openapi';

/** Every error code the API can answer with. */
export const ErrorCodeSchema = z
  .enum([
    'BAD_REQUEST',
    'VALIDATION_FAILED',
    'UNAUTHORIZED',
    'FORBIDDEN',
    'NOT_FOUND',
    'METHOD_NOT_ALLOWED',
    'CONFLICT',
    'PAYLOAD_TOO_LARGE',
    'UNPROCESSABLE',
    'RATE_LIMITED',
    'INTERNAL',
    'UPSTREAM_FAILED',
    'SERVICE_UNAVAILABLE',
    'CANCELLED',
    'FIGMA_FORBIDDEN',
    'FIGMA_NOT_FOUND',
    'FIGMA_RATE_LIMITED',
    'FIGMA_QUOTA_EXHAUSTED',
    'FIGMA_TOO_LARGE',
    'FIGMA_BAD_RESPONSE',
    'FIGMA_UPSTREAM',
    'GONE',
    'BUDGET_EXCEEDED',
    'LLM_NO_PROVIDER',
    'LLM_UPSTREAM',
    'LLM_STREAM_CUT',
    'LLM_BAD_OUTPUT',
    'EMBED_DIMENSION_MISMATCH',
  ])
  .openapi('ErrorCode');
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** HTTP status for each error code. */
export const ERROR_STATUS: Record<ErrorCode, 400 | 401 | 402 | 403 | 404 | 405 | 409 | 410 | 413 | 422 | 429 | 500 | 502 | 503> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_FAILED: 502,
  SERVICE_UNAVAILABLE: 503,
  CANCELLED: 409,
  FIGMA_FORBIDDEN: 422,
  FIGMA_NOT_FOUND: 404,
  FIGMA_RATE_LIMITED: 429,
  /** Figma's Retry-After is longer than a job waits (days, for a monthly quota): retry time, limit type and upgrade link in details. */
  FIGMA_QUOTA_EXHAUSTED: 429,
  FIGMA_TOO_LARGE: 413,
  FIGMA_BAD_RESPONSE: 502,
  FIGMA_UPSTREAM: 502,
  /** A retired endpoint (e.g. /chatting): Deprecation and Link headers name its successor. */
  GONE: 410,
  /** A cost budget of the project's routing policy is spent: details name the budget, its limit and when it resets. */
  BUDGET_EXCEEDED: 402,
  /** No enabled model the policy allows is available (all disabled, not allowed, over error budget or cooling down). */
  LLM_NO_PROVIDER: 503,
  /** Every provider tried failed; details list each attempt's provider, model and cause. */
  LLM_UPSTREAM: 502,
  /** A provider's stream ended after tokens were sent and no fallback could continue it. */
  LLM_STREAM_CUT: 502,
  /** Structured output did not satisfy its schema, even after one repair. */
  LLM_BAD_OUTPUT: 422,
  /** The embedding model answered vectors of another size than VECTOR_DIMENSIONS. */
  EMBED_DIMENSION_MISMATCH: 502,
};

/** One offending input location, as reported by a validation failure. */
export const ErrorIssueSchema = z
  .object({
    path: z.string().openapi({ example: 'body.figma_url' }),
    message: z.string(),
    code: z.string().optional(),
  })
  .openapi('ErrorIssue');

export const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  requestId: z.string(),
  details: z
    .object({ issues: z.array(ErrorIssueSchema).optional() })
    .catchall(z.unknown())
    .optional(),
});

/** `{ error: { code, message, requestId, details? } }` */
export const ErrorEnvelopeSchema = z.object({ error: ErrorBodySchema }).openapi('ErrorEnvelope');
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
