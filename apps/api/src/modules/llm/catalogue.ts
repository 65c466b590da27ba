// The routing catalogue of a project: every model it may reach (its own providers first, then the platform's,
// then the deployment's CHAT_API_BASE / EMBEDDING_API_BASE), and its routing policy. Cached per isolate.
import { ProviderQuirksSchema, RoutingPolicySchema, type ProviderQuirks, type RoutingPolicy } from '@cogo/types';
import { batch, type Db } from '@cogo/db';
import type { AppConfig } from '../../env';
import { tenantDb } from '../../lib/db';
import { cachedCatalogue, catalogueGeneration, refreshFailed, staleCatalogue, storeCatalogue } from './catalogue-cache';
import { modelsWithProviders, policyOf } from './catalogue.repo';

export interface ProviderEntry {
  /** Names the provider's circuit: its row id, or `env:<name>`. */
  key: string;
  id: string | null;
  name: string;
  scope: 'project' | 'platform' | 'env';
  baseUrl: string;
  keyAlias: string | null;
  quirks: ProviderQuirks;
  region: string | null;
}

export interface ModelEntry {
  name: string;
  upstreamModel: string;
  kind: 'chat' | 'embedding';
  contextWindow: number;
  inputPricePerMtok: number;
  outputPricePerMtok: number;
  dimensions: number | null;
  enabled: boolean;
  provider: ProviderEntry & { enabled: boolean };
}

export interface Catalogue {
  models: ModelEntry[];
  policy: RoutingPolicy;
  /** True when the project stored a policy (else the defaults apply). */
  hasPolicy: boolean;
}

const SCOPE_ORDER = { project: 0, platform: 1, env: 2 } as const;

/** A stored provider row as routing sees it (its quirks checked: a malformed quirk set reads as none). */
export function providerEntry(r: { id: string; projectId: string | null; name: string; baseUrl: string; keyAlias: string | null; quirks: unknown; region: string | null }): ProviderEntry {
  return {
    key: r.id,
    id: r.id,
    name: r.name,
    scope: r.projectId === null ? 'platform' : 'project',
    baseUrl: r.baseUrl,
    keyAlias: r.keyAlias,
    quirks: ProviderQuirksSchema.catch({}).parse(r.quirks),
    region: r.region,
  };
}

/** Models of the deployment's own providers (environment), when configured. */
export function envModels(config: AppConfig): ModelEntry[] {
  const out: ModelEntry[] = [];
  const env = (name: string, baseUrl: string, key: string): ProviderEntry & { enabled: boolean } => ({
    key: `env:${name}`,
    id: null,
    name,
    scope: 'env',
    baseUrl,
    keyAlias: key,
    quirks: /deepinfra\.com/i.test(baseUrl) ? { embeddings_encoding_format: 'float' } : {},
    region: null,
    enabled: true,
  });
  if (config.CHAT_API_BASE) {
    out.push({
      name: config.CHAT_MODEL_DEFAULT,
      upstreamModel: config.CHAT_MODEL_DEFAULT,
      kind: 'chat',
      contextWindow: 128_000,
      inputPricePerMtok: config.CHAT_INPUT_PRICE_PER_MTOK,
      outputPricePerMtok: config.CHAT_OUTPUT_PRICE_PER_MTOK,
      dimensions: null,
      enabled: true,
      provider: env(config.CHAT_PROVIDER_NAME, config.CHAT_API_BASE, 'CHAT_API_KEY'),
    });
  }
  if (config.EMBEDDING_API_BASE) {
    out.push({
      name: config.EMBEDDING_MODEL_DEFAULT,
      upstreamModel: config.EMBEDDING_MODEL_DEFAULT,
      kind: 'embedding',
      contextWindow: 8_192,
      inputPricePerMtok: config.EMBEDDING_PRICE_PER_MTOK,
      outputPricePerMtok: 0,
      dimensions: config.VECTOR_DIMENSIONS,
      enabled: true,
      provider: env(config.EMBEDDING_PROVIDER_NAME, config.EMBEDDING_API_BASE, 'EMBEDDING_API_KEY'),
    });
  }
  return out;
}

/**
 * Loads the project's catalogue: its stored part from this isolate's recent copy when there is one. With `background`
 * (the LLM call paths: their scope's defer), a copy past the TTL but within CATALOGUE_MAX_STALE_MS is answered at once
 * and refreshed there, on a database connection of its own; without it, or when older, the copy is reloaded first.
 */
export async function loadCatalogue(db: Db | (() => Db), projectId: string, config: AppConfig, background?: (refresh: Promise<unknown>) => void): Promise<Catalogue> {
  // a getter opens the database only on a cache miss
  const stored = cachedCatalogue<Catalogue>(projectId) ?? staleWhileRefreshing(projectId, config, background) ?? (await loadStored(typeof db === 'function' ? db() : db, projectId));
  // the environment's providers are not cached: they follow the config this request runs with
  return { ...stored, models: [...stored.models, ...envModels(config)] };
}

function staleWhileRefreshing(projectId: string, config: AppConfig, background: ((refresh: Promise<unknown>) => void) | undefined): Catalogue | undefined {
  if (!background) return undefined;
  const stale = staleCatalogue<Catalogue>(projectId);
  if (stale?.refresh) {
    const handle = tenantDb(config, projectId, 1);
    background(
      loadStored(handle.db, projectId)
        .catch((err: unknown) => {
          refreshFailed(projectId);
          throw err;
        })
        .finally(() => handle.close()),
    );
  }
  return stale?.value;
}

async function loadStored(db: Db, projectId: string): Promise<Catalogue> {
  const generation = catalogueGeneration(projectId);
  // one request: a refresh takes one turn on the database, not two
  const [rows, [policyRow]] = await batch(db, [(d) => modelsWithProviders(d), (d) => policyOf(d, projectId)]);
  const models: ModelEntry[] = rows.map((r) => ({
    name: r.name,
    upstreamModel: r.upstreamModel,
    kind: r.kind === 'embedding' ? 'embedding' : 'chat',
    contextWindow: r.contextWindow,
    inputPricePerMtok: r.inputPrice,
    outputPricePerMtok: r.outputPrice,
    dimensions: r.dimensions,
    enabled: r.modelEnabled,
    provider: {
      ...providerEntry({ id: r.providerId, projectId: r.providerProject, name: r.provider, baseUrl: r.baseUrl, keyAlias: r.keyAlias, quirks: r.quirks, region: r.region }),
      enabled: r.providerEnabled,
    },
  }));
  models.sort((a, b) => SCOPE_ORDER[a.provider.scope] - SCOPE_ORDER[b.provider.scope] || a.provider.name.localeCompare(b.provider.name));
  const policy = policyRow
    ? RoutingPolicySchema.parse({
        allowed_models: policyRow.allowedModels,
        fallback_order: policyRow.fallbackOrder,
        daily_budget_usd: policyRow.dailyBudgetUsd,
        monthly_budget_usd: policyRow.monthlyBudgetUsd,
        error_budget: policyRow.errorBudget,
        region: policyRow.region,
      })
    : RoutingPolicySchema.parse({});
  const catalogue: Catalogue = { models, policy, hasPolicy: policyRow !== undefined };
  storeCatalogue(projectId, catalogue, generation);
  return catalogue;
}
