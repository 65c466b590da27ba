// One error envelope for every failure (STYLE §2): { error: { code, message, requestId, details? } }.
import { ERROR_STATUS, type ErrorCode, type ErrorEnvelope } from '@cogo/types';
import type { z } from 'zod';

/** A failure the client is told about; anything else becomes a generic 500. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status() {
    return ERROR_STATUS[this.code];
  }
}

/** Turns zod issues into `{ path, message, code }` with the request part as prefix (`body.x`, `query.y`). */
export function issuesOf(error: z.ZodError, target?: string) {
  return error.issues.map((issue) => ({
    path: [target, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
    code: issue.code,
  }));
}

/** A 400 naming every offending path. */
export function validationError(error: z.ZodError, target?: string): ApiError {
  const issues = issuesOf(error, target);
  const where = issues
    .slice(0, 3)
    .map((i) => i.path)
    .join(', ');
  return new ApiError('VALIDATION_FAILED', `invalid request: ${where}${issues.length > 3 ? ', …' : ''}`, { issues });
}

/** The envelope body for an error code. */
export function envelope(code: ErrorCode, message: string, requestId: string, details?: Record<string, unknown>): ErrorEnvelope {
  return { error: { code, message, requestId, ...(details ? { details } : {}) } };
}
