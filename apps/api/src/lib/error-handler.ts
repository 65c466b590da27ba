import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { ConfigError } from '../env';
import { ApiError, envelope, validationError } from './errors';
import { OutboundError } from './http-client';
import { createLogger, describeError } from './logger';

function requestIdOf(c: Context): string {
  return c.get('requestId') ?? 'unknown';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an upstream service';
  }
}

function logOf(c: Context) {
  return c.get('log') ?? createLogger('info', { requestId: c.get('requestId'), traceId: c.get('traceId') });
}

const HTTP_CODES = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
} as const;

/** Maps every thrown value to the one envelope; unknown errors are logged and answered with a generic 500. */
export const onError: ErrorHandler = (err, c) => {
  const requestId = requestIdOf(c);
  let apiError: ApiError;
  if (err instanceof ApiError) apiError = err;
  else if (err instanceof ZodError) apiError = validationError(err);
  else if (err instanceof ConfigError) {
    logOf(c).error('configuration invalid', { keys: err.keys });
    apiError = new ApiError('SERVICE_UNAVAILABLE', `server configuration invalid: ${err.keys.join(', ')}`);
  } else if (err instanceof OutboundError) {
    // the upstream failed us, not the client: a 502 that names its host, never the URL (paths carry keys and tokens)
    const host = hostOf(err.url);
    logOf(c).warn('outbound call gave up', { host, attempts: err.attempts, status: err.status });
    apiError = new ApiError('UPSTREAM_FAILED', `${host} did not answer after ${err.attempts} attempt${err.attempts === 1 ? '' : 's'}${err.status ? ` (last status ${err.status})` : ''}`, {
      host,
      attempts: err.attempts,
      ...(err.status ? { status: err.status } : {}),
    });
  } else if (err instanceof HTTPException && err.status < 500) {
    const code = HTTP_CODES[err.status as keyof typeof HTTP_CODES] ?? 'BAD_REQUEST';
    apiError = new ApiError(code, err.message || code.toLowerCase().replaceAll('_', ' '));
  } else {
    logOf(c).error('unhandled error', { method: c.req.method, path: c.req.path, error: describeError(err) });
    apiError = new ApiError('INTERNAL', 'internal error');
  }
  if (apiError.status >= 500 && apiError.code !== 'INTERNAL') {
    logOf(c).warn('request failed', { code: apiError.code, message: apiError.message });
  }
  for (const [k, v] of Object.entries(apiError.headers ?? {})) c.header(k, v);
  return c.json(envelope(apiError.code, apiError.message, requestId, apiError.details), apiError.status);
};

/** Unknown routes answer 404 in the envelope. */
export const onNotFound: NotFoundHandler = (c) =>
  c.json(envelope('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`, requestIdOf(c)), 404);
