// The provider health cron against the OpenAI fake: one `GET {base}/models` per provider, its outcome reported to
// the provider's circuit (same policy as completions), the circuit's snapshot stored in cogo.provider_health.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import worker from '../../index';
import { testDb } from '../../../test/helpers';
import { circuitOf, dropPlatformProviders, healthRow, platformProvider } from '../../../test/llm-health-helpers';
import { openaiFake } from '../../../test/llm-helpers';
import { runProviderProbes } from './index';
import { upsertHealth } from './llm-health.repo';

afterAll(() => dropPlatformProviders());

const modelsCalls = async (prefix: string) => (await openaiFake.requests(prefix)).filter((r) => r.method === 'GET' && r.path === `/${prefix}/v1/models`);

describe('provider probe cron', () => {
  it('probes a healthy provider once and stores it healthy, with its latency; the environment providers too', async () => {
    const p = await platformProvider();
    const outcomes = await runProviderProbes(env);
    expect(await modelsCalls(p.prefix)).toHaveLength(1);
    const mine = outcomes.find((o) => o.provider.id === p.id);
    expect(mine).toMatchObject({ skipped: null, probe: { healthy: true } });
    const row = await healthRow(p.id);
    expect(row).toMatchObject({ status: 'healthy', consecutiveFailures: 0, errorRate: 0, lastProbeOk: true, cooldownUntil: null });
    expect(row!.lastProbeAt).toBeInstanceOf(Date);
    expect(row!.p50Ms).toEqual(expect.any(Number));
    expect(row!.p95Ms).toBeGreaterThanOrEqual(row!.p50Ms!);
    // CHAT_API_BASE and EMBEDDING_API_BASE: probed with the deployment's keys (the fake checks them), circuits only
    for (const name of ['fake-openai', 'fake-openai-embeddings']) {
      expect(outcomes.find((o) => o.provider.key === `env:${name}`)).toMatchObject({ skipped: null, probe: { healthy: true } });
    }
  });

  it('reports a provider whose /models answers 500 as failed, and opens its circuit after LLM_CIRCUIT_FAILURES; an open circuit gets no probe', async () => {
    const p = await platformProvider();
    const bindings = { ...env, LLM_CIRCUIT_FAILURES: '2', LLM_CIRCUIT_COOLDOWN_MS: '60000' };
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 500 }, times: 2, path: p.modelsPath }]);
    await runProviderProbes(bindings);
    const first = await healthRow(p.id);
    expect(first).toMatchObject({ status: 'degraded', consecutiveFailures: 1, errorRate: 1, lastProbeOk: false, cooldownUntil: null });
    expect(first!.lastError).toContain('500');
    expect(await circuitOf(p.id).snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 1 });

    await runProviderProbes(bindings);
    const second = await healthRow(p.id);
    expect(second).toMatchObject({ status: 'cooldown', consecutiveFailures: 2, lastProbeOk: false });
    expect(second!.cooldownUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await modelsCalls(p.prefix)).toHaveLength(2);

    // open: the next round sends nothing, keeps the last probe and still stores the cooldown
    const third = (await runProviderProbes(bindings)).find((o) => o.provider.id === p.id);
    expect(third?.skipped).toMatch(/^circuit open until /);
    expect(await modelsCalls(p.prefix)).toHaveLength(2);
    expect(await healthRow(p.id)).toMatchObject({ status: 'cooldown', lastProbeOk: false, lastProbeAt: second!.lastProbeAt });
  });

  it('closes a half-open circuit with a successful probe', async () => {
    const p = await platformProvider();
    const cooldownMs = 300;
    const bindings = { ...env, LLM_CIRCUIT_FAILURES: '1', LLM_CIRCUIT_COOLDOWN_MS: String(cooldownMs) };
    // the circuit opened by a failed call, with the policy the cron reads from the same config
    await circuitOf(p.id).report({ failures: 1, cooldownMs }, { ok: false, latencyMs: 5, error: 'server' });
    await runProviderProbes(bindings);
    expect(await modelsCalls(p.prefix)).toHaveLength(0);
    expect(await healthRow(p.id)).toMatchObject({ status: 'cooldown', lastProbeAt: null });

    await new Promise((r) => setTimeout(r, cooldownMs + 50));
    expect((await circuitOf(p.id).snapshot()).state).toBe('half_open');
    await runProviderProbes(bindings);
    expect(await modelsCalls(p.prefix)).toHaveLength(1);
    expect(await circuitOf(p.id).snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0, cooldownUntilMs: null });
    // closed, though the failure that opened it is still half of its recent outcomes
    expect(await healthRow(p.id)).toMatchObject({ status: 'degraded', errorRate: 0.5, consecutiveFailures: 0, lastProbeOk: true, cooldownUntil: null });
    // closed again: a call is admitted with no probe slot taken
    expect(await circuitOf(p.id).acquire({ failures: 1, cooldownMs })).toEqual({ allowed: true, probe: false });
  });

  it('runs from the Worker’s scheduled handler, next to the outbox sweep', async () => {
    const p = await platformProvider();
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await modelsCalls(p.prefix)).toHaveLength(1);
    expect(await healthRow(p.id)).toMatchObject({ status: 'healthy', lastProbeOk: true });
  });

  it('stores the other providers’ health when one was deleted while the round ran', async () => {
    const kept = await platformProvider();
    const row = (providerId: string) => ({ providerId, status: 'healthy', consecutiveFailures: 0, errorRate: 0, lastProbeAt: new Date(), lastProbeOk: true, updatedAt: new Date() });
    const handle = testDb();
    try {
      await upsertHealth(handle.db, [row(crypto.randomUUID()), row(kept.id)]);
    } finally {
      await handle.close();
    }
    expect(await healthRow(kept.id)).toMatchObject({ status: 'healthy', lastProbeOk: true });
  });
});
