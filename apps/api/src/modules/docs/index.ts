import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import { VERSION } from '../../version';

export const OPENAPI_INFO = {
  title: 'COGO API',
  version: VERSION,
  description:
    'Figma designs to structured product data. Every error answers `{ error: { code, message, requestId, details? } }`; every response carries `X-Request-Id` and `X-Trace-Id`.',
};

/** The OpenAPI 3.1 document of an app. */
export function openApiDocument(app: OpenAPIHono) {
  return app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO, tags: [{ name: 'system' }] });
}

/** Mounts GET /openapi.json and GET /docs (Scalar reference). */
export function mountDocs(app: OpenAPIHono): void {
  app.get('/openapi.json', (c) => c.json(openApiDocument(app)));
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'COGO API reference' }));
}
