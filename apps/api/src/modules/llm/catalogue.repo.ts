// Queries of the routing catalogue, through the tenant database: row-level security shows the platform's
// providers and models and the project's own, nothing of other projects.
import { schema, type Db } from '@cogo/db';
import { eq } from 'drizzle-orm';

const { llmModels, llmProviders, routingPolicies } = schema;

/** Every model with its provider, as the project sees them. */
export function modelsWithProviders(db: Db) {
  return db
    .select({
      modelId: llmModels.id,
      name: llmModels.name,
      upstreamModel: llmModels.upstreamModel,
      kind: llmModels.kind,
      contextWindow: llmModels.contextWindow,
      inputPrice: llmModels.inputPricePerMtok,
      outputPrice: llmModels.outputPricePerMtok,
      dimensions: llmModels.dimensions,
      modelEnabled: llmModels.enabled,
      providerId: llmProviders.id,
      providerProject: llmProviders.projectId,
      provider: llmProviders.name,
      baseUrl: llmProviders.baseUrl,
      keyAlias: llmProviders.keyAlias,
      quirks: llmProviders.quirks,
      region: llmProviders.region,
      providerEnabled: llmProviders.enabled,
    })
    .from(llmModels)
    .innerJoin(llmProviders, eq(llmModels.providerId, llmProviders.id));
}

/** The project's routing policy: a list of its one row, or none. */
export function policyOf(db: Db, projectId: string) {
  return db.select().from(routingPolicies).where(eq(routingPolicies.projectId, projectId)).limit(1);
}
