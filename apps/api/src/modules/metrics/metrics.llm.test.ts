// Issue 11 in /metrics: provider series in the Prometheus text, and the SLO gate of /metrics/overview (seed 001 §6).
import { schema } from '@cogo/db';
import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, BASE, eventually, testDb } from '../../../test/helpers';
import { circuitOf, dropPlatformProviders, platformProvider } from '../../../test/llm-health-helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';
import { runProviderProbes } from '../llm-health';

afterAll(() => dropPlatformProviders());

async function providerIdOf(projectId: string, name: string): Promise<string> {
  const handle = testDb();
  try {
    const rows = await handle.db.select().from(schema.llmProviders).where(eq(schema.llmProviders.projectId, projectId));
    return rows.find((r) => r.name === name)!.id;
  } finally {
    await handle.close();
  }
}

/** The value of the one sample line that starts with `series` (name and labels), or undefined. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('Prometheus /metrics: LLM providers', () => {
  it('shows each provider up or cooling down, its error rate and latency, and 24 h of calls and cost', async () => {
    const healthy = await platformProvider();
    const cooling = await platformProvider();
    // a circuit opened by failed calls: the cron does not probe it and stores it in cooldown
    await circuitOf(cooling.id).report({ failures: 1, cooldownMs: 60_000 }, { ok: false, latencyMs: 3, error: 'server' });
    await runProviderProbes(env);
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha', input: 3, output: 7 }] }]);
    expect((await api('/llm/completions', { method: 'POST', key: p.key, json: { model: 'm-alpha', messages: [{ role: 'user', content: 'cost me' }] } })).status).toBe(200);
    const [usage] = await eventually(async () => ((await usageRows(p.id)).length === 1 ? usageRows(p.id) : undefined));
    const alphaId = await providerIdOf(p.id, 'alpha');

    const text = await (await api('/metrics', { key: env.ADMIN_TOKEN })).text();
    for (const [name, type] of [
      ['cogo_llm_provider_up', 'gauge'],
      ['cogo_llm_provider_error_rate', 'gauge'],
      ['cogo_llm_provider_latency_ms', 'summary'],
      ['cogo_llm_calls_total', 'gauge'],
      ['cogo_llm_cost_usd_total', 'gauge'],
    ]) {
      expect(text).toContain(`# HELP ${name} `);
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
    }
    const labels = (name: string, id: string) => `provider="${name}",provider_id="${id}"`;
    expect(sample(text, `cogo_llm_provider_up{${labels(healthy.name, healthy.id)}}`)).toBe(1);
    expect(sample(text, `cogo_llm_provider_error_rate{${labels(healthy.name, healthy.id)}}`)).toBe(0);
    const p50 = sample(text, `cogo_llm_provider_latency_ms{${labels(healthy.name, healthy.id)},quantile="0.5"}`);
    const p95 = sample(text, `cogo_llm_provider_latency_ms{${labels(healthy.name, healthy.id)},quantile="0.95"}`);
    expect(p50).toBeGreaterThanOrEqual(0);
    expect(p95).toBeGreaterThanOrEqual(p50!);
    expect(sample(text, `cogo_llm_provider_up{${labels(cooling.name, cooling.id)}}`)).toBe(0);
    expect(sample(text, `cogo_llm_provider_error_rate{${labels(cooling.name, cooling.id)}}`)).toBe(1);
    // the deployment's own provider, from its live circuit (the cron just probed it)
    expect(sample(text, 'cogo_llm_provider_up{provider="fake-openai",provider_id="env:fake-openai"}')).toBe(1);
    // the project's completion, from llm_usage
    expect(sample(text, `cogo_llm_calls_total{${labels('alpha', alphaId)},outcome="ok"}`)).toBe(1);
    expect(sample(text, `cogo_llm_cost_usd_total{${labels('alpha', alphaId)}}`)).toBeCloseTo(usage!.costUsd, 12);
  });
});

interface Overview {
  gate: 'pass' | 'fail';
  routes: Array<{ route: string; method: string; count: number; error_rate: number; p95_ms: number; slo: { p95_target_ms: number; error_rate_target: number; p95_ok: boolean; error_rate_ok: boolean } }>;
}

describe('SLO gate of /metrics/overview', () => {
  it("judges each route's p95 and 5xx rate against its targets, LLM routes against the LLM p95, and fails the gate on any miss", async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha' }] }]);
    for (let i = 0; i < 3; i++) expect((await api('/projects/current', { key: p.key })).status).toBe(200);
    const ask = { method: 'POST', key: p.key, json: { model: 'm-alpha', messages: [{ role: 'user', content: 'slo' }] } };
    // one 502 (every provider failed: a 5xx of the route) and one slow success
    await openaiFake.faults([{ fault: { kind: 'server-error', status: 500 }, times: 3, path: p.chatPath('alpha') }]);
    expect((await api('/llm/completions', ask)).status).toBe(502);
    await openaiFake.faults([{ fault: { kind: 'latency', ms: 400 }, times: 1, path: p.chatPath('alpha') }]);
    expect((await api('/llm/completions', ask)).status).toBe(200);

    const app = createApp();
    const overview = async (vars: Record<string, string>) => {
      const res = await app.request(`${BASE}/metrics/overview?window=5m`, { headers: { authorization: `Bearer ${p.key}` } }, { ...env, ...vars });
      expect(res.status).toBe(200);
      return (await res.json()) as Overview;
    };
    const route = (o: Overview, path: string) => o.routes.find((r) => r.route === path)!;
    // request metrics reach the table through the queue
    await eventually(async () => {
      const o = await overview({});
      return route(o, '/llm/completions')?.count === 2 && route(o, '/projects/current')?.count === 3;
    });

    const strict = await overview({ SLO_P95_MS: '60000', SLO_LLM_P95_MS: '200', SLO_ERROR_RATE: '0.01' });
    expect(route(strict, '/llm/completions')).toMatchObject({ error_rate: 0.5, slo: { p95_target_ms: 200, error_rate_target: 0.01, p95_ok: false, error_rate_ok: false } });
    expect(route(strict, '/llm/completions').p95_ms).toBeGreaterThan(200);
    expect(route(strict, '/projects/current').slo).toEqual({ p95_target_ms: 60_000, error_rate_target: 0.01, p95_ok: true, error_rate_ok: true });
    expect(strict.gate).toBe('fail');

    const lenient = await overview({ SLO_P95_MS: '60000', SLO_LLM_P95_MS: '60000', SLO_ERROR_RATE: '0.5' });
    expect(route(lenient, '/llm/completions').slo).toMatchObject({ p95_ok: true, error_rate_ok: true });
    expect(lenient.routes.every((r) => r.slo.p95_ok && r.slo.error_rate_ok)).toBe(true);
    expect(lenient.gate).toBe('pass');

    // the defaults: 300 ms, 10 s for routes that wait for a model, 1 % of 5xx
    const defaults = (await (await api('/metrics/overview?window=5m', { key: p.key })).json()) as Overview;
    expect(route(defaults, '/projects/current').slo).toMatchObject({ p95_target_ms: 300, error_rate_target: 0.01 });
    expect(route(defaults, '/llm/completions').slo).toMatchObject({ p95_target_ms: 10_000, error_rate_target: 0.01, error_rate_ok: false });
    expect(defaults.gate).toBe('fail');
  });
});
