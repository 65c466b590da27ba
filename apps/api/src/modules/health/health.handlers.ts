import type { Context } from 'hono';
import { createRouter } from '../../lib/openapi';
import { VERSION } from '../../version';
import { envProviderStatus } from '../llm-health';
import { checkDependencies } from './health.deps';
import { oldestQueuedSeconds, openHealthDb, probeHealthDb } from './health.repo';
import { dependencyHealthRoute, healthRoute, livenessRoute } from './health.routes';
import { checkHealth, checkLiveness } from './health.service';

/** Runs `work` after the response when there is an execution context (a timed-out probe's pool may take a while to close). */
function afterResponse(c: Context, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    void work;
  }
}

/** GET /healthz (readiness) and GET /health (dependencies); mounted after services(), they need the config. */
export const healthRouter = createRouter()
  .openapi(healthRoute, async (c) => {
    const handle = openHealthDb(c.get('config'));
    try {
      const health = await checkHealth(() => probeHealthDb(handle), VERSION);
      if (!health.db.ok) c.get('log').warn('health degraded', { error: health.db.error });
      return health.db.ok ? c.json(health, 200) : c.json(health, 503);
    } finally {
      afterResponse(c, handle.close());
    }
  })
  .openapi(dependencyHealthRoute, async (c) => {
    const config = c.get('config');
    const handle = openHealthDb(config);
    try {
      // the queue check reads on the probe's own connection once it is known to answer
      let ready: Promise<unknown> = Promise.resolve();
      const health = await checkDependencies(
        {
          database: () => {
            const probe = probeHealthDb(handle);
            ready = probe;
            return probe;
          },
          oldestQueuedSeconds: async () => {
            await ready;
            return oldestQueuedSeconds(handle);
          },
          providers: () => envProviderStatus(config),
          stallSeconds: config.AI_JOB_STALL_SECONDS,
        },
        VERSION,
      );
      if (health.failing.length) c.get('log').warn('health: dependencies failing', { failing: health.failing });
      return health.failing.length ? c.json(health, 503) : c.json(health, 200);
    } finally {
      afterResponse(c, handle.close());
    }
  });

/** GET /livez (liveness); mounted before services(), so neither the database nor the config can fail it. */
export const livenessRouter = createRouter().openapi(livenessRoute, (c) => c.json(checkLiveness(VERSION), 200));
