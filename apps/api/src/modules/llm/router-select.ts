// router-select (seed 000 §18): which provider + model serve a call, in order. The requested model (or the
// policy's first allowed model, or CHAT_MODEL_DEFAULT) first, then the policy's fallback order; for each model
// name every enabled provider that serves it (the project's own first). Circuits and budgets are applied by the
// caller (completion.service.ts) with one Durable Object call each; this part is pure.
import type { RoutingPolicy } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import type { Catalogue, ModelEntry } from './catalogue';
import { DEFAULT_PROJECTED_OUTPUT_TOKENS, costUsd } from './costs';

export type CandidateStatus = 'selected' | 'available' | 'cooldown' | 'over_budget' | 'not_allowed' | 'disabled' | 'error_budget' | 'wrong_kind';

export interface Candidate {
  model: ModelEntry;
  status: CandidateStatus;
  reason?: string;
  projectedCostUsd: number;
}

export interface SelectInput {
  kind: 'chat' | 'embedding';
  requested: string | undefined;
  defaultModel: string;
  estimatedInputTokens: number;
  maxOutputTokens: number | undefined;
}

/** The model names to try, in order. */
export function modelOrder(policy: RoutingPolicy, input: SelectInput): string[] {
  const first = input.requested ?? (input.kind === 'chat' ? policy.allowed_models[0] : undefined) ?? input.defaultModel;
  return [...new Set([first, ...policy.fallback_order])];
}

/** Every provider/model pair for the call with its static status; throws when the requested model is unknown. */
export function rankCandidates(catalogue: Catalogue, input: SelectInput): Candidate[] {
  const { policy } = catalogue;
  const order = modelOrder(policy, input);
  if (input.requested !== undefined && !catalogue.models.some((m) => m.name === input.requested)) {
    const known = [...new Set(catalogue.models.filter((m) => m.kind === input.kind).map((m) => m.name))].slice(0, 20);
    throw new ApiError('UNPROCESSABLE', `unknown model ${input.requested}; this project can use: ${known.join(', ') || 'none (add a provider and a model)'}`, { model: input.requested, known });
  }
  const out: Candidate[] = [];
  for (const name of order) {
    for (const model of catalogue.models.filter((m) => m.name === name)) {
      const outTokens = input.kind === 'embedding' ? 0 : (input.maxOutputTokens ?? Math.min(DEFAULT_PROJECTED_OUTPUT_TOKENS, model.contextWindow));
      const projectedCostUsd = costUsd(input.estimatedInputTokens, outTokens, model);
      const status = staticStatus(model, policy, input.kind);
      out.push({ model, status: status.status, ...(status.reason ? { reason: status.reason } : {}), projectedCostUsd });
    }
  }
  return out;
}

function staticStatus(model: ModelEntry, policy: RoutingPolicy, kind: 'chat' | 'embedding'): { status: CandidateStatus; reason?: string } {
  if (model.kind !== kind) return { status: 'wrong_kind', reason: `${model.name} is an ${model.kind} model` };
  if (!model.enabled) return { status: 'disabled', reason: 'model disabled' };
  if (!model.provider.enabled) return { status: 'disabled', reason: `provider ${model.provider.name} disabled` };
  if (policy.allowed_models.length > 0 && !policy.allowed_models.includes(model.name)) return { status: 'not_allowed', reason: 'not in the policy allowed_models' };
  if (policy.region && model.provider.region && model.provider.region !== policy.region) return { status: 'not_allowed', reason: `provider region ${model.provider.region}, policy ${policy.region}` };
  return { status: 'available' };
}
