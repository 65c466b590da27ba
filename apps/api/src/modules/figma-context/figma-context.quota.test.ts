// Living within Figma's quotas: tier-aware pacing per token, FIGMA_QUOTA_EXHAUSTED when Figma's Retry-After is
// longer than a job can wait (in start and mid-stream), and local variables that are retried or reported — each
// through the public API against the Figma fake (its own token per test, so penalties never leak between tests).
import { SAMPLE_FILE_KEY, storefrontFile } from '@cogo/fakes/samples';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, figmaFake, readSse, runFigmaJob, type StreamedEvent, projectWithOwnFigmaToken } from '../../../test/helpers';

afterEach(() => figmaFake.clear());

const URL_OF_SAMPLE = `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront`;
const FILE_ONLY = `^/v1/files/${SAMPLE_FILE_KEY}$`;
const NODES = `/v1/files/${SAMPLE_FILE_KEY}/nodes`;
const VARIABLES = `/v1/files/${SAMPLE_FILE_KEY}/variables/local`;
const FOUR_DAYS_S = 4 * 86_400;
const UPGRADE = 'https://www.figma.com/files?api_paywall=true';

interface Recorded {
  method: string;
  path: string;
  at: number;
}
const requests = async (): Promise<Recorded[]> => (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json();

const readyOf = (events: StreamedEvent[]) => events.find((e) => e.event === 'ready')!.data as { variables?: Record<string, unknown> };
const start = (key: string, body: unknown = { figma_url: URL_OF_SAMPLE }) => api('/figma-context/start', { method: 'POST', key, json: body });

function expectQuotaError(error: { code: string; message: string; details?: Record<string, unknown> }, seconds: number) {
  expect(error.code).toBe('FIGMA_QUOTA_EXHAUSTED');
  const details = error.details as { retry_at: string; retry_after_seconds: number; limit_type: string; plan_tier: string; upgrade_link: string; tier: number };
  expect(details).toMatchObject({ limit_type: 'low', plan_tier: 'starter', upgrade_link: UPGRADE, tier: 1 });
  expect(details.retry_after_seconds).toBeGreaterThan(seconds - 60);
  expect(details.retry_after_seconds).toBeLessThanOrEqual(seconds);
  expect(Math.abs(Date.parse(details.retry_at) - (Date.now() + details.retry_after_seconds * 1000))).toBeLessThan(60_000);
  // the message alone tells a person what happened and what to do
  expect(error.message).toContain(details.retry_at);
  expect(error.message).toContain(`${details.retry_after_seconds} s`);
  expect(error.message).toContain('low');
  expect(error.message).toContain(UPGRADE);
}

describe('figma-context: Figma quota exhausted', () => {
  it('start answers 429 FIGMA_QUOTA_EXHAUSTED with Retry-After for a 4-day Retry-After, and a second start does not ask Figma again', async () => {
    const p = await projectWithOwnFigmaToken();
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: FOUR_DAYS_S, planTier: 'starter', limitType: 'low' }, times: 1, pathPattern: FILE_ONLY }]);
    const t0 = Date.now();
    const res = await start(p.key);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe(String(FOUR_DAYS_S));
    expectQuotaError(ErrorEnvelopeSchema.parse(await res.json()).error, FOUR_DAYS_S);

    const before = (await requests()).length;
    const again = await start(p.key);
    expect(again.status).toBe(429);
    expectQuotaError(ErrorEnvelopeSchema.parse(await again.json()).error, FOUR_DAYS_S);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(FOUR_DAYS_S - 60);
    expect((await requests()).length).toBe(before); // the pacer knew: Figma was not asked
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('a 4-day Retry-After mid-stream ends the job at once with an error event FIGMA_QUOTA_EXHAUSTED; the job ends error', async () => {
    const p = await projectWithOwnFigmaToken();
    const started = (await (await start(p.key)).json()) as { job_id: string };
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: FOUR_DAYS_S, planTier: 'starter', limitType: 'low' }, times: 1, path: NODES }]);
    const t0 = Date.now();
    const events = await readSse(await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: started.job_id, cursor: '0' } }));
    expect(Date.now() - t0).toBeLessThan(5_000);
    const terminal = events.filter((e) => e.event === 'done' || e.event === 'error');
    expect(terminal).toHaveLength(1);
    expect(terminal[0]!.event).toBe('error');
    expectQuotaError(terminal[0]!.data.error, FOUR_DAYS_S);
    const status = (await (await api(`/figma-context/status?job_id=${started.job_id}`, { key: p.key })).json()) as { status: string; last_error: { code: string } };
    expect(status.status).toBe('error');
    expect(status.last_error.code).toBe('FIGMA_QUOTA_EXHAUSTED');
  });

  it("a View-seat token spends Figma's 6 Tier-1 calls a month mid-job: the job ends FIGMA_QUOTA_EXHAUSTED, the next start is refused unsent", async () => {
    const p = await projectWithOwnFigmaToken();
    const quota = (init: RequestInit) => fetch(`${env.FIGMA_API_BASE}/__fake/quota`, init);
    expect((await quota({ method: 'PUT', body: JSON.stringify({ planTier: 'pro', limitType: 'low' }) })).status).toBe(204);
    try {
      const started = (await (await start(p.key, { figma_url: URL_OF_SAMPLE, options: { max_nodes_per_chunk: 1, max_ids_per_call: 1 } })).json()) as { job_id: string; plan: { chunks: number } };
      expect(started.plan.chunks).toBeGreaterThan(6);
      const events = await readSse(await api('/figma-context/stream', { method: 'POST', key: p.key, json: { job_id: started.job_id, cursor: '0' } }));
      const error = events.at(-1)!;
      expect(error.event).toBe('error');
      expect(error.data.error).toMatchObject({ code: 'FIGMA_QUOTA_EXHAUSTED', details: { tier: 1, plan_tier: 'pro', limit_type: 'low', upgrade_link: UPGRADE } });
      expect(error.data.error.details.retry_after_seconds).toBeGreaterThan(4 * 86_400); // one call drains every 5 days
      const before = (await requests()).length;
      const again = await start(p.key);
      expect(again.status).toBe(429);
      expect(ErrorEnvelopeSchema.parse(await again.json()).error).toMatchObject({ code: 'FIGMA_QUOTA_EXHAUSTED', details: { limit_type: 'low' } });
      expect((await requests()).length).toBe(before);
    } finally {
      await quota({ method: 'DELETE' });
    }
  });

  it("a 4-day penalty on Tier 2 (variables) leaves the token's Tier-1 calls alone and is reported in the job", async () => {
    const p = await projectWithOwnFigmaToken();
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: FOUR_DAYS_S, limitType: 'low' }, times: 1, path: VARIABLES }]);
    const first = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    expect(first.events.at(-1)!.event).toBe('done');
    expect(readyOf(first.events).variables).toMatchObject({ status: 'unavailable', reason: 'quota_exhausted', limit_type: 'low', upgrade_link: UPGRADE });
    const asked = (await requests()).filter((r) => r.path === VARIABLES).length;
    const second = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    expect(second.events.at(-1)!.event).toBe('done');
    expect(readyOf(second.events).variables).toMatchObject({ status: 'unavailable', reason: 'quota_exhausted' });
    expect((await requests()).filter((r) => r.path === VARIABLES).length).toBe(asked); // the pacer answered for Figma
  });
});

describe('figma-context: tier-aware pacing', () => {
  it('spaces Tier-1 calls by FIGMA_PLAN_TIER (enterprise: 3 s) and Tier-2 calls separately', async () => {
    const p = await projectWithOwnFigmaToken();
    const file = storefrontFile();
    const screens = file.document.children[0]!;
    (screens as { children: unknown[] }).children = (screens as { children: unknown[] }).children.slice(0, 2);
    file.document.children = [screens];
    const key = `PACED${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await figmaFake.putFile(key, file);
    const bindings = { ...env, FIGMA_REQUESTS_PER_MIN: undefined, FIGMA_PLAN_TIER: 'enterprise' };
    const t0 = Date.now();
    const { events } = await runFigmaJob(p.key, { file_key: key, options: { max_nodes_per_chunk: 1 } }, createApp(), bindings);
    expect(events.at(-1)!.event).toBe('done');
    expect(events.some((e) => e.event === 'debug')).toBe(false); // paced, never refused by Figma

    const mine = (await requests()).filter((r) => r.at >= t0 && r.path.startsWith(`/v1/files/${key}`));
    const tier1 = mine.filter((r) => r.path === `/v1/files/${key}` || r.path === `/v1/files/${key}/nodes`).map((r) => r.at);
    const tier2 = mine.filter((r) => r.path === `/v1/files/${key}/variables/local`).map((r) => r.at);
    expect(tier1.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < tier1.length; i++) expect(tier1[i]! - tier1[i - 1]!).toBeGreaterThanOrEqual(2_900);
    expect(tier2).toHaveLength(1);
    // the variables call went out right after the skeleton, not a Tier-1 interval later
    expect(tier2[0]! - tier1[0]!).toBeLessThan(1_500);
  }, 40_000);
});

const namedVars = (events: StreamedEvent[]) =>
  events.filter((e) => e.event === 'page.chunk').flatMap((e) => Object.values((e.data.context.defs?.vars ?? {}) as Record<string, { name?: string }>)).filter((v) => v.name !== undefined).length;

describe('figma-context: local variables at start (defect 3)', () => {
  it('retries a 429 on variables/local within the start budget and keeps every variable', async () => {
    const p = await projectWithOwnFigmaToken();
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 1, planTier: 'enterprise', limitType: 'high' }, times: 1, path: VARIABLES }]);
    const { events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    expect(readyOf(events).variables).toMatchObject({ status: 'ok' });
    expect(namedVars(events)).toBeGreaterThan(0);
    expect(events.at(-1)!.event).toBe('done');
  });

  it('says so in the job when variables stay rate-limited: ready.variables is unavailable with the reason', async () => {
    const p = await projectWithOwnFigmaToken();
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 120 }, times: null, path: VARIABLES }]);
    const { events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    const variables = readyOf(events).variables as { status: string; reason: string; message: string; retry_at: string };
    expect(variables).toMatchObject({ status: 'unavailable', reason: 'rate_limited' });
    expect(variables.message).toMatch(/retry/i);
    expect(Date.parse(variables.retry_at)).toBeGreaterThan(Date.now());
    expect(namedVars(events)).toBe(0);
    expect(events.at(-1)!.event).toBe('done');
  });

  it('reports 403 on variables as the Enterprise-only Variables API, not as an error', async () => {
    const p = await projectWithOwnFigmaToken();
    await figmaFake.faults([{ fault: { kind: 'forbidden' }, times: 1, path: VARIABLES }]);
    const { events } = await runFigmaJob(p.key, { figma_url: URL_OF_SAMPLE });
    const variables = readyOf(events).variables as { status: string; reason: string; message: string };
    expect(variables).toMatchObject({ status: 'unavailable', reason: 'not_enterprise' });
    expect(variables.message).toMatch(/Enterprise/);
    expect(events.some((e) => e.event === 'error')).toBe(false);
    expect(events.at(-1)!.event).toBe('done');
  });
});
