// Providers as data (issue 11): the catalogue of LLM providers and models, and each project's routing policy.
// `owner` null is the platform (admin token), trusted with any host; a project's providers are held to
// OUTBOUND_ALLOWLIST, because their base URL is where the Worker will send requests (SSRF). Every write drops the
// affected entries of the routing catalogue cache.
import type { Db } from '@cogo/db';
import type { z } from '@hono/zod-openapi';
import {
  RoutingPolicySchema,
  type Model,
  type Provider,
  type ProviderQuirks,
  type RoutingPolicy,
  type CreateModelSchema,
  type CreateProviderSchema,
  type UpdateModelSchema,
  type UpdateProviderSchema,
} from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { hostAllowed } from '../../lib/http-client';
import { invalidateCatalogue } from '../llm/catalogue-cache';
import * as repo from './llm-admin.repo';

export type CreateProvider = z.output<typeof CreateProviderSchema>;
export type UpdateProvider = z.output<typeof UpdateProviderSchema>;
export type CreateModel = z.output<typeof CreateModelSchema>;
export type UpdateModel = z.output<typeof UpdateModelSchema>;

const scopeOf = (projectId: string | null) => (projectId === null ? 'platform' : 'project');
const whose = (owner: string | null) => (owner === null ? 'platform provider' : 'provider in this project');

/** Public view of a provider: the key's alias, never a key. */
export function providerView(row: repo.ProviderRow): Provider {
  return {
    id: row.id,
    scope: scopeOf(row.projectId),
    name: row.name,
    base_url: row.baseUrl,
    key_alias: row.keyAlias,
    quirks: row.quirks as ProviderQuirks,
    region: row.region,
    enabled: row.enabled,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** Public view of a model, named with its provider. */
export function modelView(model: repo.ModelRow, provider: { name: string; projectId: string | null }): Model {
  return {
    id: model.id,
    scope: scopeOf(provider.projectId),
    provider: provider.name,
    name: model.name,
    upstream_model: model.upstreamModel,
    kind: model.kind as Model['kind'],
    context_window: model.contextWindow,
    input_price_per_mtok: model.inputPricePerMtok,
    output_price_per_mtok: model.outputPricePerMtok,
    dimensions: model.dimensions,
    enabled: model.enabled,
    created_at: model.createdAt.toISOString(),
    updated_at: model.updatedAt.toISOString(),
  };
}

const entryView = (e: repo.ModelEntry) => modelView(e.model, { name: e.providerName, projectId: e.providerProjectId });

/**
 * Refuses a base URL that carries credentials (they would be shown in every view; keys go through key_alias) and,
 * when `allowHosts` is given, a host outside it (422 naming the host).
 */
export function checkBaseUrl(baseUrl: string, allowHosts: string[] | null): void {
  const url = new URL(baseUrl);
  if (url.username || url.password) throw new ApiError('UNPROCESSABLE', 'base_url must not carry credentials: name the key with key_alias');
  if (allowHosts && !hostAllowed(url, allowHosts)) {
    const host = url.port ? `${url.hostname}:${url.port}` : url.hostname;
    throw new ApiError('UNPROCESSABLE', `host ${host} of base_url is not in OUTBOUND_ALLOWLIST`, { host });
  }
}

function providerColumns(input: UpdateProvider) {
  return {
    ...(input.base_url !== undefined && { baseUrl: input.base_url }),
    ...(input.key_alias !== undefined && { keyAlias: input.key_alias }),
    ...(input.quirks !== undefined && { quirks: input.quirks }),
    ...(input.region !== undefined && { region: input.region }),
    ...(input.enabled !== undefined && { enabled: input.enabled }),
  };
}

function modelColumns(input: UpdateModel) {
  return {
    ...(input.upstream_model !== undefined && { upstreamModel: input.upstream_model }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.context_window !== undefined && { contextWindow: input.context_window }),
    ...(input.input_price_per_mtok !== undefined && { inputPricePerMtok: input.input_price_per_mtok }),
    ...(input.output_price_per_mtok !== undefined && { outputPricePerMtok: input.output_price_per_mtok }),
    ...(input.dimensions !== undefined && { dimensions: input.dimensions }),
    ...(input.enabled !== undefined && { enabled: input.enabled }),
  };
}

/** Providers `owner` may route to (a project: the platform's and its own). */
export async function listProviders(db: Db, owner: string | null): Promise<Provider[]> {
  return (await repo.listProviders(db, owner)).map(providerView);
}

/** Adds a provider to `owner`'s scope; 409 when the name is taken there. `allowHosts` null: trusted (platform). */
export async function createProvider(db: Db, owner: string | null, input: CreateProvider, allowHosts: string[] | null): Promise<Provider> {
  checkBaseUrl(input.base_url, allowHosts);
  const row = await repo.insertProvider(db, { ...providerColumns(input), projectId: owner, name: input.name, baseUrl: input.base_url });
  if (!row) throw new ApiError('CONFLICT', `a ${scopeOf(owner)} provider named ${input.name} already exists`);
  invalidateCatalogue(owner);
  return providerView(row);
}

/** Changes the fields given of `owner`'s provider `name`; 404 when `owner` has none of that name. */
export async function updateProvider(db: Db, owner: string | null, name: string, patch: UpdateProvider, allowHosts: string[] | null): Promise<Provider> {
  if (patch.base_url !== undefined) checkBaseUrl(patch.base_url, allowHosts);
  const row = await repo.updateProvider(db, owner, name, providerColumns(patch));
  if (!row) throw new ApiError('NOT_FOUND', `no ${whose(owner)} named ${name}`);
  invalidateCatalogue(owner);
  return providerView(row);
}

/** Deletes `owner`'s provider `name` and its models; answers the deleted provider. */
export async function deleteProvider(db: Db, owner: string | null, name: string): Promise<Provider> {
  const row = await repo.deleteProvider(db, owner, name);
  if (!row) throw new ApiError('NOT_FOUND', `no ${whose(owner)} named ${name}`);
  invalidateCatalogue(owner);
  return providerView(row);
}

/** Models `owner` may route to, optionally of one kind. */
export async function listModels(db: Db, owner: string | null, kind?: string): Promise<Model[]> {
  return (await repo.listModels(db, owner, kind)).map(entryView);
}

/** Adds a model under one of `owner`'s providers: 422 for a provider it does not own, 409 for a taken name. */
export async function createModel(db: Db, owner: string | null, input: CreateModel): Promise<Model> {
  const provider = await repo.findProvider(db, owner, input.provider);
  if (!provider) {
    const platform = owner !== null && (await repo.findProvider(db, null, input.provider));
    throw new ApiError(
      'UNPROCESSABLE',
      platform ? `provider ${input.provider} is a platform provider: a project adds models only under its own providers` : `unknown provider ${input.provider}`,
      { provider: input.provider },
    );
  }
  const row = await repo.insertModel(db, {
    providerId: provider.id,
    name: input.name,
    upstreamModel: input.upstream_model ?? input.name,
    kind: input.kind,
    contextWindow: input.context_window,
    inputPricePerMtok: input.input_price_per_mtok,
    outputPricePerMtok: input.output_price_per_mtok,
    dimensions: input.dimensions,
    enabled: input.enabled,
  });
  if (!row) throw new ApiError('CONFLICT', `provider ${provider.name} already has a model named ${input.name}`);
  invalidateCatalogue(owner);
  return modelView(row, provider);
}

/** Changes the fields given of a model under one of `owner`'s providers; 404 otherwise. */
export async function updateModel(db: Db, owner: string | null, id: string, patch: UpdateModel): Promise<Model> {
  const entry = await repo.findModel(db, owner, id);
  const row = entry && (await repo.updateModel(db, id, modelColumns(patch)));
  if (!entry || !row) throw new ApiError('NOT_FOUND', `no model ${id} under a ${whose(owner)}`);
  invalidateCatalogue(owner);
  return entryView({ ...entry, model: row });
}

/** Deletes a model under one of `owner`'s providers; answers the deleted model. */
export async function deleteModel(db: Db, owner: string | null, id: string): Promise<Model> {
  const entry = await repo.findModel(db, owner, id);
  const row = entry && (await repo.deleteModel(db, id));
  if (!entry || !row) throw new ApiError('NOT_FOUND', `no model ${id} under a ${whose(owner)}`);
  invalidateCatalogue(owner);
  return entryView({ ...entry, model: row });
}

function policyView(row: repo.PolicyRow): RoutingPolicy {
  return {
    allowed_models: row.allowedModels,
    fallback_order: row.fallbackOrder,
    daily_budget_usd: row.dailyBudgetUsd,
    monthly_budget_usd: row.monthlyBudgetUsd,
    error_budget: row.errorBudget,
    region: row.region,
  };
}

/** The project's stored policy, or the defaults (every enabled model, no budgets) when it has none. */
export async function getPolicy(db: Db, projectId: string): Promise<RoutingPolicy> {
  const row = await repo.findPolicy(db, projectId);
  return row ? policyView(row) : RoutingPolicySchema.parse({});
}

/** Stores the project's policy; 422 naming every model in it the project cannot see. */
export async function putPolicy(db: Db, projectId: string, policy: RoutingPolicy): Promise<RoutingPolicy> {
  const named = [...new Set([...policy.allowed_models, ...policy.fallback_order])];
  const visible = await repo.visibleModelNames(db, projectId, named);
  const unknown = named.filter((n) => !visible.has(n));
  if (unknown.length) throw new ApiError('UNPROCESSABLE', `unknown models: ${unknown.join(', ')}`, { unknown_models: unknown });
  const row = await repo.upsertPolicy(db, {
    projectId,
    allowedModels: policy.allowed_models,
    fallbackOrder: policy.fallback_order,
    dailyBudgetUsd: policy.daily_budget_usd,
    monthlyBudgetUsd: policy.monthly_budget_usd,
    errorBudget: policy.error_budget,
    region: policy.region,
  });
  invalidateCatalogue(projectId);
  return policyView(row);
}
