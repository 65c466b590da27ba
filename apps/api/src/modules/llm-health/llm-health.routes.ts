import { createRoute, z } from '@hono/zod-openapi';
import { ProviderHealthSchema } from '@cogo/types';
import { BEARER, errorResponses, jsonResponse } from '../../lib/openapi';
import { guard } from '../../middleware';

const ProvidersHealthSchema = z
  .object({
    since: z.string().openapi({ description: 'Start of today (00:00 UTC): spend_today_usd and calls_today count from here' }),
    items: z.array(ProviderHealthSchema),
  })
  .openapi('ProvidersHealth');

export const providersHealthRoute = createRoute({
  method: 'get',
  path: '/metrics/providers',
  tags: ['metrics'],
  summary: 'Health of every LLM provider your project can route to, with today’s spend',
  description:
    "Your providers, the platform's and the deployment's own (CHAT_API_BASE / EMBEDDING_API_BASE, shown with scope `platform`). Status, consecutive failures, cooldown, error rate and p50/p95 come from the provider's live circuit (its outcomes of the last 5 minutes; without any, the last stored figures); `last_probe_at` from the health cron's last probe (providers with a row only); spend and calls from your project's llm_usage since 00:00 UTC. Status: `cooldown` while the circuit is open, `degraded` above a 0.2 error rate, `unknown` with nothing observed yet.",
  security: BEARER,
  middleware: guard(),
  responses: { 200: jsonResponse(ProvidersHealthSchema, 'Provider health'), ...errorResponses(401, 429) },
});
