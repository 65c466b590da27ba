// GET /metrics/providers: every provider the project can route to, its live circuit, its last probe, and the
// project's own spend and calls today.
import { ProviderHealthSchema, type ProviderHealth } from '@cogo/types';
import { env } from 'cloudflare:test';
import { afterAll, describe, expect, it } from 'vitest';
import { api, createTestProject, eventually } from '../../../test/helpers';
import { dropPlatformProviders, platformProvider } from '../../../test/llm-health-helpers';
import { llmProject, openaiFake, usageRows } from '../../../test/llm-helpers';
import { runProviderProbes } from './index';

afterAll(() => dropPlatformProviders());

const providersOf = async (key: string) => {
  const res = await api('/metrics/providers', { key });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { since: string; items: unknown[] };
  return { since: body.since, items: body.items.map((i) => ProviderHealthSchema.parse(i)) };
};
const named = (items: ProviderHealth[], name: string) => items.find((i) => i.provider === name);

describe('GET /metrics/providers', () => {
  it("shows the project's provider with its circuit, and today's spend and calls after one completion", async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha', input: 2, output: 10 }] }]);
    await openaiFake.replies(p.chatPath('alpha'), ['Health is wealth.']);
    const done = await api('/llm/completions', { method: 'POST', key: p.key, json: { model: 'm-alpha', messages: [{ role: 'user', content: 'hi' }] } });
    expect(done.status).toBe(200);
    const [usage] = await eventually(async () => ((await usageRows(p.id)).length === 1 ? usageRows(p.id) : undefined));
    expect(usage!.costUsd).toBeGreaterThan(0);
    // the call's circuit report and usage row are written after the answer
    const { since, items } = await eventually(async () => {
      const r = await providersOf(p.key);
      return named(r.items, 'alpha')?.p50_ms !== null ? r : undefined;
    });
    const now = new Date();
    expect(since).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString());
    const alpha = named(items, 'alpha')!;
    expect(alpha).toMatchObject({ scope: 'project', status: 'healthy', consecutive_failures: 0, error_rate: 0, cooldown_until: null, calls_today: 1 });
    expect(alpha.spend_today_usd).toBeCloseTo(usage!.costUsd, 12);
    // its key is in the project's vault: the cron does not probe it
    expect(alpha.last_probe_at).toBeNull();
    // the deployment's own providers, as platform providers, with none of this project's spend on them
    expect(named(items, 'fake-openai')).toMatchObject({ scope: 'platform', calls_today: 0, spend_today_usd: 0 });
    expect(named(items, 'fake-openai-embeddings')).toMatchObject({ scope: 'platform' });
  });

  it("shows a platform provider's last probe, and nothing of another project's providers or spend", async () => {
    const platform = await platformProvider();
    await runProviderProbes(env);
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha' }] }]);
    await api('/llm/completions', { method: 'POST', key: p.key, json: { model: 'm-alpha', messages: [{ role: 'user', content: 'x' }] } });
    await eventually(async () => (await usageRows(p.id)).length === 1);
    const other = await createTestProject();
    const { items } = await providersOf(other.key);
    expect(items.filter((i) => i.scope === 'project')).toEqual([]);
    expect(items.every((i) => i.calls_today === 0)).toBe(true);
    const probed = named(items, platform.name)!;
    expect(probed).toMatchObject({ scope: 'platform', status: 'healthy', consecutive_failures: 0, last_error: null });
    expect(Date.parse(probed.last_probe_at!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers 401 in the error envelope without credentials', async () => {
    const res = await api('/metrics/providers');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('is in the OpenAPI document, answering ProviderHealth items', async () => {
    const doc = (await (await api('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const op = doc.paths['/metrics/providers']?.get;
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual(['200', '401', '429']);
    expect(JSON.stringify(op!.responses['200'])).toContain('#/components/schemas/ProvidersHealth');
    expect(JSON.stringify(doc.components.schemas.ProvidersHealth)).toContain('#/components/schemas/ProviderHealth');
  });
});
