import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { validationError } from './errors';

/** Validation failures of any route become a 400 envelope naming the offending paths. */
export const defaultHook: Hook<unknown, any, any, unknown> = (result, _c) => {
  if (!result.success) throw validationError(result.error, result.target);
};

/** A router with the shared validation hook; every module builds its routes on one. */
export function createRouter() {
  return new OpenAPIHono({ defaultHook });
}

/** Standard error responses to spread into a route's `responses`. */
export function errorResponses(...statuses: Array<400 | 401 | 402 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 500 | 502 | 503>) {
  const out: Record<string, { description: string; content: { 'application/json': { schema: typeof ErrorEnvelopeSchema } } }> = {};
  for (const s of statuses) {
    out[String(s)] = { description: `Error (${s})`, content: { 'application/json': { schema: ErrorEnvelopeSchema } } };
  }
  return out;
}

/** A JSON response entry for a route's `responses`. */
export function jsonResponse<T extends import('zod').ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body for a route's `request`. */
export function jsonBody<T extends import('zod').ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

/** Routes that take `Authorization: Bearer` (see the bearerAuth security scheme). */
export const BEARER = [{ bearerAuth: [] }];
