import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE_KEY } from '../samples/sample-files';
import { startFigmaFake } from './figma-fake';
import { FIGMA_UPGRADE_LINK } from './figma-faults';
import { endpointTier } from './figma-quota';
import type { FigmaFake } from './figma-types';

const TOKEN = 'figd_quota_test';
const OTHER = 'figd_quota_other';
const get = (url: string, token = TOKEN) => fetch(url, { headers: { 'x-figma-token': token } });

describe('Figma fake: tiered quotas', () => {
  let fake: FigmaFake;
  let fileUrl: string;
  let varsUrl: string;
  beforeAll(async () => {
    fake = await startFigmaFake({ token: TOKEN });
    fileUrl = `${fake.url}/v1/files/${SAMPLE_FILE_KEY}?depth=1`;
    varsUrl = `${fake.url}/v1/files/${SAMPLE_FILE_KEY}/variables/local`;
  });
  afterEach(() => fake.setQuota(null));
  afterAll(() => fake.close());

  it('maps endpoints to Figma tiers', () => {
    expect(endpointTier('GET', '/v1/files/K')).toBe(1);
    expect(endpointTier('GET', '/v1/files/K/nodes')).toBe(1);
    expect(endpointTier('GET', '/v1/images/K')).toBe(1);
    expect(endpointTier('GET', '/v1/files/K/meta')).toBe(2);
    expect(endpointTier('GET', '/v1/files/K/variables/local')).toBe(2);
    expect(endpointTier('POST', '/v2/webhooks')).toBe(2);
    expect(endpointTier('GET', '/v1/me')).toBe(3);
  });

  it('pro, Dev/Full seat: 10 Tier-1 calls a minute, then 429 with the real headers; Tier 2 has its own bucket', async () => {
    fake.setQuota({ planTier: 'pro' });
    for (let i = 0; i < 10; i++) expect((await get(fileUrl)).status).toBe(200);
    const limited = await get(fileUrl);
    expect(limited.status).toBe(429);
    const after = Number(limited.headers.get('retry-after'));
    expect(after).toBeGreaterThanOrEqual(1);
    expect(after).toBeLessThanOrEqual(6); // one call drains every 6 s at 10/min
    expect(limited.headers.get('x-figma-plan-tier')).toBe('pro');
    expect(limited.headers.get('x-figma-rate-limit-type')).toBe('high');
    expect(limited.headers.get('x-figma-upgrade-link')).toBe(FIGMA_UPGRADE_LINK);
    expect(await limited.json()).toEqual({ status: 429, err: 'Rate limit exceeded' });
    expect((await get(varsUrl)).status).toBe(200);
  });

  it('View/Collab seat ("low"): 6 Tier-1 calls a month, then a Retry-After of days; Tier 2 is 5 a minute', async () => {
    fake.setQuota({ planTier: 'pro', limitType: 'low' });
    for (let i = 0; i < 6; i++) expect((await get(fileUrl)).status).toBe(200);
    const limited = await get(fileUrl);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-figma-rate-limit-type')).toBe('low');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(4 * 86_400); // one call drains every 5 days
    for (let i = 0; i < 5; i++) expect((await get(varsUrl)).status).toBe(200);
    expect((await get(varsUrl)).status).toBe(429);
  });

  it('counts per token: a token added through the control API has its own budget', async () => {
    await fetch(`${fake.url}/__fake/tokens/${OTHER}`, { method: 'PUT' });
    await fetch(`${fake.url}/__fake/quota`, { method: 'PUT', body: JSON.stringify({ planTier: 'starter' }) });
    for (let i = 0; i < 6; i++) expect((await get(fileUrl)).status).toBe(200);
    expect((await get(fileUrl)).status).toBe(429);
    expect((await get(fileUrl, OTHER)).status).toBe(200);
    expect((await get(fileUrl, 'figd_unknown')).status).toBe(403);
    await fetch(`${fake.url}/__fake/quota`, { method: 'DELETE' });
    expect((await get(fileUrl)).status).toBe(200);
  });
});
