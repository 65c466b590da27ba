import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { VERSION } from '../../version';

export const OPENAPI_INFO = {
  title: 'COGO API',
  version: VERSION,
  description:
    'Figma designs to structured product data. Every error answers `{ error: { code, message, requestId, details? } }`; every response carries `X-Request-Id` and `X-Trace-Id`.',
};

/** The OpenAPI 3.1 document of an app. */
export function openApiDocument(app: OpenAPIHono) {
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO, tags: ['system', 'projects', 'vault', 'jobs', 'pages', 'metrics', 'figma-context', 'figma-compat'].map((name) => ({ name })) });
  return nullableRefs(doc);
}

type Json = unknown;

/**
 * A nullable registered schema comes out of the generator as `allOf: [{ $ref }, { type: [object, null] }]`, which
 * lets no null through (both parts must hold); it is written here as `anyOf: [{ $ref }, { type: 'null' }]`, keeping
 * the property's description — so validators and the generated client agree with the zod contract.
 */
function nullableRefs<T extends Json>(node: T): T {
  if (Array.isArray(node)) return node.map(nullableRefs) as T;
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, Json>;
  const all = o.allOf;
  if (Array.isArray(all) && all.length === 2) {
    const [ref, rest] = all as [Record<string, Json>, Record<string, Json>];
    const type = rest?.type;
    if (typeof ref?.$ref === 'string' && Array.isArray(type) && type.includes('null') && Object.keys(rest).every((k) => k === 'type' || k === 'description')) {
      const { allOf: _allOf, ...others } = o;
      return { anyOf: [{ $ref: ref.$ref }, { type: 'null' }], ...(typeof rest.description === 'string' ? { description: rest.description } : {}), ...others } as T;
    }
  }
  const out: Record<string, Json> = {};
  for (const k in o) out[k] = nullableRefs(o[k]);
  return out as T;
}

/** Mounts GET /openapi.json and GET /docs (Scalar reference). */
export function mountDocs(app: OpenAPIHono): void {
  // The envelope is part of the contract even where no route names it explicitly (404, 500).
  app.openAPIRegistry.register('ErrorEnvelope', ErrorEnvelopeSchema);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A project API key (`cogo_…`), a short-lived JWT with a `project_id` claim, or the admin token for admin routes.',
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument(app)));
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'COGO API reference' }));
}
