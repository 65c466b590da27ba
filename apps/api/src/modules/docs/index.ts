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
  return app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO, tags: ['system', 'projects', 'vault', 'jobs', 'pages', 'metrics', 'figma-context', 'figma-compat'].map((name) => ({ name })) });
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
