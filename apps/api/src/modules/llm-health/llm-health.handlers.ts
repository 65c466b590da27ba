import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import { providersHealth } from './llm-health.service';
import { providersHealthRoute } from './llm-health.routes';

/** Provider health of the caller's project. */
export const llmHealthRouter = createRouter().openapi(providersHealthRoute, async (c) => {
  return c.json(await providersHealth(c.get('db')(), c.get('config'), principalOf(c).projectId), 200);
});
