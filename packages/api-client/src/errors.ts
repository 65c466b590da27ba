import type { components } from './schema';

export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];

/** Thrown by the helpers for a non-2xx answer; carries the API's error envelope. */
export class CogoApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorEnvelope | undefined,
  ) {
    super(body ? `${body.error.code}: ${body.error.message}` : `HTTP ${status}`);
    this.name = 'CogoApiError';
  }

  get code() {
    return this.body?.error.code;
  }

  get requestId() {
    return this.body?.error.requestId;
  }
}

/** True when a parsed body is the API's error envelope. */
export function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof e?.code === 'string' && typeof e.message === 'string';
}
