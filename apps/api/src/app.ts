// createApp(): request id, trace, error envelope, services, metrics, module mounting, OpenAPI document.
import { OpenAPIHono } from '@hono/zod-openapi';
import { onError, onNotFound } from './lib/error-handler';
import { defaultHook } from './lib/openapi';
import { cors, foreground, requestId, requestMetrics, services, trace } from './middleware';
import { aiJobsRouter } from './modules/ai-jobs';
import { artifactsRouter } from './modules/artifacts';
import {
  designSyncBrowserRouter,
  designSyncCredentialsRouter,
  designSyncNotificationsRouter,
  designSyncRegistryRouter,
  designSyncRouter,
  designSyncScheduleRouter,
} from './modules/design-sync';
import { chatRouter } from './modules/chat';
import { designChatRouter } from './modules/design-chat';
import { mountDocs } from './modules/docs';
import { embedRouter } from './modules/embed';
import { actionFlowRouter, bddRouter, figmaCompatRouter, symbolsRouter, uiGenerateRouter } from './modules/figma-compat';
import { figmaContextRouter } from './modules/figma-context';
import { figmaWebhooksRouter } from './modules/figma-webhooks';
import { healthRouter, livenessRouter } from './modules/health';
import { jobsRouter } from './modules/jobs';
import { llmRouter } from './modules/llm';
import { mcpRouter } from './modules/mcp';
import { llmAdminRouter } from './modules/llm-admin';
import { llmHealthRouter } from './modules/llm-health';
import { metricsRouter } from './modules/metrics';
import { pagesRouter } from './modules/pages';
import { projectsRouter } from './modules/projects';
import { ragIngestRouter, ragQueueRouter, ragRouter } from './modules/rag';
import { updatesRouter } from './modules/updates';
import { uuiRouter } from './modules/uui';
import { vaultRouter } from './modules/vault';

/** Builds the whole API. Pure: no bindings are read until a request arrives. */
export function createApp() {
  const app = new OpenAPIHono({ defaultHook });
  // requests before background work (a stream's body, queue consumers): lib/foreground.ts
  app.use('*', foreground(), requestId(), trace());
  app.onError(onError);
  app.notFound(onNotFound);
  // Docs come before services() so they stay readable even when the env is misconfigured.
  mountDocs(app);
  // Liveness too: a slow database or a bad var must not read as a dead process.
  app.route('/', livenessRouter);
  // CORS after services() (it reads CORS_ORIGINS) and before any route, so preflights never reach a guard.
  app.use('*', services(), cors(), requestMetrics());

  // Each route declares its own guard chain (see middleware/guard.ts); /healthz is public.
  app.route('/', healthRouter);
  app.route('/', projectsRouter);
  app.route('/', updatesRouter);
  app.route('/', vaultRouter);
  app.route('/', llmAdminRouter);
  app.route('/', jobsRouter);
  app.route('/', pagesRouter);
  app.route('/', metricsRouter);
  app.route('/', figmaContextRouter);
  app.route('/', figmaWebhooksRouter);
  app.route('/', figmaCompatRouter);
  app.route('/', bddRouter);
  app.route('/', actionFlowRouter);
  app.route('/', symbolsRouter);
  app.route('/', uiGenerateRouter);
  app.route('/', artifactsRouter);
  app.route('/', designSyncRegistryRouter);
  app.route('/', designSyncRouter);
  app.route('/', designSyncCredentialsRouter);
  app.route('/', designSyncNotificationsRouter);
  app.route('/', designSyncBrowserRouter);
  app.route('/', designSyncScheduleRouter);
  app.route('/', uuiRouter);
  app.route('/', llmRouter);
  app.route('/', llmHealthRouter);
  app.route('/', chatRouter);
  app.route('/', designChatRouter);
  app.route('/', embedRouter);
  app.route('/', ragIngestRouter);
  app.route('/', ragQueueRouter);
  app.route('/', ragRouter);
  app.route('/', aiJobsRouter);
  app.route('/', mcpRouter);
  return app;
}

export type App = ReturnType<typeof createApp>;
