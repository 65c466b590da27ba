import type { Context } from 'hono';
import { createRouter } from '../../lib/openapi';
import { VERSION } from '../../version';
import { openHealthDb, probeHealthDb } from './health.repo';
import { healthRoute, livenessRoute } from './health.routes';
import { checkHealth, checkLiveness } from './health.service';

/** Runs `work` after the response when there is an execution context (a timed-out probe's pool may take a while to close). */
function afterResponse(c: Context, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    void work;
  }
}

/** GET /healthz (readiness); mounted after services(), it needs the config. */
export const healthRouter = createRouter().openapi(healthRoute, async (c) => {
  const handle = openHealthDb(c.get('config'));
  try {
    const health = await checkHealth(() => probeHealthDb(handle), VERSION);
    if (!health.db.ok) c.get('log').warn('health degraded', { error: health.db.error });
    return health.db.ok ? c.json(health, 200) : c.json(health, 503);
  } finally {
    afterResponse(c, handle.close());
  }
});

/** GET /livez (liveness); mounted before services(), so neither the database nor the config can fail it. */
export const livenessRouter = createRouter().openapi(livenessRoute, (c) => c.json(checkLiveness(VERSION), 200));
