import type { CompletionResult } from '@cogo/types';
import { spendMeterName, providerCircuitName } from '../../durable-objects/names';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import { callScope, closeAfter } from './call-scope';
import { loadCatalogue } from './catalogue';
import { completionStream } from './completion-stream';
import { prepareCompletion, runCompletion } from './completion.service';
import { completionsRoute, routerSelectRoute } from './llm.routes';
import { rankCandidates } from './router-select';

/**
 * `gateway;dur=` is the Worker's own time (the request so far minus the provider calls), of which `guard;dur=` the
 * guard chain before the handler (auth, the project's rate limit); `upstream;dur=` the providers'. workerd's clock
 * moves only across I/O, so these count waits (Durable Object calls, the provider), not CPU (see the bench).
 */
export function serverTiming(startedAt: number, handlerAt: number, upstreamMs: number): string {
  const total = performance.now() - startedAt;
  return `gateway;dur=${Math.max(0, total - upstreamMs).toFixed(2)}, guard;dur=${(handlerAt - startedAt).toFixed(2)}, upstream;dur=${upstreamMs.toFixed(2)}`;
}

const doneEvent = (r: CompletionResult) => ({ provider: r.provider, model: r.model, cost_usd: r.usage.cost_usd, continued: r.continued, latency_ms: r.latency_ms });

/** LLM gateway routes. */
export const llmRouter = createRouter()
  .openapi(completionsRoute, async (c) => {
    const handlerAt = performance.now();
    const body = c.req.valid('json');
    const scope = callScope(c, 'llm', body.trace_id);
    let prepared;
    try {
      prepared = await prepareCompletion(scope, body, 'llm.completions');
    } catch (err) {
      closeAfter(c, scope);
      throw err;
    }
    if (body.stream) return completionStream(c, prepared, (r) => scope.events.emit('llm_completion_done', doneEvent(r))) as never;
    try {
      const result = await runCompletion(prepared, { delta: async () => true, signal: c.req.raw.signal });
      scope.events.emit('llm_completion_done', doneEvent(result));
      c.header('Server-Timing', serverTiming(c.get('requestStartedAt'), handlerAt, prepared.upstreamMs));
      return c.json(result, 200);
    } finally {
      closeAfter(c, scope);
    }
  })
  .openapi(routerSelectRoute, async (c) => {
    const body = c.req.valid('json');
    const config = c.get('config');
    const { projectId } = principalOf(c);
    const catalogue = await loadCatalogue(c.get('db'), projectId, config);
    const ranked = rankCandidates(catalogue, {
      kind: body.kind,
      requested: body.model,
      defaultModel: body.kind === 'chat' ? config.CHAT_MODEL_DEFAULT : config.EMBEDDING_MODEL_DEFAULT,
      estimatedInputTokens: body.estimated_input_tokens,
      maxOutputTokens: body.max_output_tokens,
    });
    const budgets = { daily: catalogue.policy.daily_budget_usd, monthly: catalogue.policy.monthly_budget_usd };
    const spend = await config.SPEND_METER.get(config.SPEND_METER.idFromName(spendMeterName(projectId))).state(budgets);
    const headroom = Math.min(...spend.filter((s) => s.limitUsd !== null).map((s) => s.limitUsd! - s.spentUsd), Number.POSITIVE_INFINITY);
    // inspection only: read each circuit, never take a half-open probe
    const snapshots = await Promise.all(ranked.map((r) => config.PROVIDER_CIRCUIT.get(config.PROVIDER_CIRCUIT.idFromName(providerCircuitName(r.model.provider.key))).snapshot()));
    const candidates = ranked.map((r, i) => {
      const snap = snapshots[i]!;
      let { status, reason } = r;
      if (status === 'available' && snap.state === 'open') [status, reason] = ['cooldown', `circuit open until ${new Date(snap.cooldownUntilMs!).toISOString()}`];
      else if (status === 'available' && r.projectedCostUsd > headroom) [status, reason] = ['over_budget', 'projected cost exceeds what is left of the budget'];
      else if (status === 'available' && catalogue.policy.error_budget !== null && snap.errorRate > catalogue.policy.error_budget) [status, reason] = ['error_budget', `error rate ${snap.errorRate.toFixed(2)} over the policy's ${catalogue.policy.error_budget}`];
      return { provider: r.model.provider.name, model: r.model.name, upstream_model: r.model.upstreamModel, status, ...(reason ? { reason } : {}), projected_cost_usd: r.projectedCostUsd };
    });
    const first = candidates.findIndex((x) => x.status === 'available');
    if (first !== -1) candidates[first] = { ...candidates[first]!, status: 'selected' };
    return c.json(
      {
        selected: first === -1 ? null : candidates[first]!,
        candidates,
        budgets: spend.map((s) => ({ period: s.period, limit_usd: s.limitUsd, spent_usd: s.spentUsd, resets_at: s.resetsAt })),
      },
      200,
    );
  });
