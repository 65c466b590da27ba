import { createRouter } from '../../lib/openapi';
import { VERSION } from '../../version';
import { healthRoute } from './health.routes';
import { checkHealth } from './health.service';

/** GET /healthz */
export const healthRouter = createRouter().openapi(healthRoute, async (c) => {
  const health = await checkHealth(c.get('db'), VERSION);
  if (!health.db.ok) c.get('log').warn('health degraded', { error: health.db.error });
  return health.db.ok ? c.json(health, 200) : c.json(health, 503);
});
