// createApp(): request id, trace, services, error envelope, module mounting, OpenAPI document.
import { OpenAPIHono } from '@hono/zod-openapi';
import { onError, onNotFound } from './lib/error-handler';
import { defaultHook } from './lib/openapi';
import { requestId, services, trace } from './middleware';
import { mountDocs } from './modules/docs';
import { healthRouter } from './modules/health';

/** Builds the whole API. Pure: no bindings are read until a request arrives. */
export function createApp() {
  const app = new OpenAPIHono({ defaultHook });
  app.use('*', requestId(), trace());
  app.onError(onError);
  app.notFound(onNotFound);
  // Docs come before services() so they stay readable even when the env is misconfigured.
  mountDocs(app);
  app.use('*', services());

  app.route('/', healthRouter);
  return app;
}

export type App = ReturnType<typeof createApp>;
