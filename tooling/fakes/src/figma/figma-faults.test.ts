import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILE_KEY } from '../samples/sample-files';
import { startFigmaFake } from './figma-fake';
import { FIGMA_ERRORS } from './figma-errors';
import { FIGMA_UPGRADE_LINK } from './figma-faults';
import type { FigmaFake } from './figma-types';

describe('Figma fake: faults', () => {
  let fake: FigmaFake;
  let fileUrl: string;
  let nodesUrl: string;
  beforeAll(async () => {
    fake = await startFigmaFake();
    fileUrl = `${fake.url}/v1/files/${SAMPLE_FILE_KEY}?depth=1`;
    nodesUrl = `${fake.url}/v1/files/${SAMPLE_FILE_KEY}/nodes`;
  });
  afterEach(() => fake.clearFaults());
  afterAll(() => fake.close());

  const ids = (n: number) => Array.from({ length: n }, (_, i) => `20:${i + 1}`).join(',');

  it('rate-limit: the next 2 requests get 429 with Figma headers, then service resumes', async () => {
    fake.setFaults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 1 }, times: 2 }]);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(fileUrl);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.headers.get('x-figma-plan-tier')).toBe('starter');
      expect(res.headers.get('x-figma-rate-limit-type')).toBe('low');
      expect(res.headers.get('x-figma-upgrade-link')).toBe(FIGMA_UPGRADE_LINK);
      expect(await res.json()).toEqual({ status: 429, err: 'Rate limit exceeded' });
    }
    expect(fake.pendingFaults()).toBe(0);
    expect((await fetch(fileUrl)).status).toBe(200);
  });

  it('rate-limit: plan tier and limit type are configurable; a plain fault applies once', async () => {
    fake.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 30, planTier: 'enterprise', limitType: 'high' }]);
    const res = await fetch(fileUrl);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('x-figma-plan-tier')).toBe('enterprise');
    expect(res.headers.get('x-figma-rate-limit-type')).toBe('high');
    expect((await fetch(fileUrl)).status).toBe(200);
  });

  it('faults queue in order', async () => {
    fake.setFaults([{ kind: 'server-error' }, { kind: 'server-error', status: 502 }, { kind: 'server-error', status: 503 }]);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(fileUrl)).status);
    expect(statuses).toEqual([500, 502, 503, 200]);
  });

  it('server-error answers with a JSON error body', async () => {
    fake.setFaults([{ kind: 'server-error', status: 503 }]);
    const res = await fetch(fileUrl);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ status: 503, err: FIGMA_ERRORS.unavailable });
  });

  it('forbidden and not-found answer 403 and 404', async () => {
    fake.setFaults([{ kind: 'forbidden' }, { kind: 'not-found' }]);
    const forbidden = await fetch(fileUrl);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ status: 403 });
    const missing = await fetch(fileUrl);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ status: 404, err: 'Not found' });
  });

  it('latency delays the response by at least ms, then serves it', async () => {
    fake.setFaults([{ kind: 'latency', ms: 150 }]);
    const started = performance.now();
    const res = await fetch(fileUrl);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    expect(res.status).toBe(200);
    expect((await res.json()) as unknown).toMatchObject({ name: 'COGO Sample — Storefront' });
  });

  it('truncated: Content-Length of the full body, half the bytes, then the socket dies', async () => {
    fake.setFaults([{ kind: 'truncated' }]);
    await expect((await fetch(fileUrl)).json()).rejects.toThrow();

    fake.setFaults([{ kind: 'truncated' }]);
    const res = await fetch(fileUrl);
    const announced = Number(res.headers.get('content-length'));
    const reader = res.body?.getReader();
    let received = 0;
    await expect(
      (async () => {
        for (;;) {
          const chunk = await reader?.read();
          if (chunk === undefined || chunk.done) return;
          received += chunk.value.length;
        }
      })(),
    ).rejects.toThrow();
    expect(announced).toBeGreaterThan(0);
    expect(received).toBeLessThan(announced);

    const healthy = await fetch(fileUrl);
    expect(Buffer.byteLength(await healthy.text())).toBe(announced);
  });

  it('too-large: every /nodes request above maxIds gets Figma\'s 400; others are served', async () => {
    fake.setFaults([{ fault: { kind: 'too-large', maxIds: 50 }, times: Infinity, path: /\/nodes$/ }]);
    expect((await fetch(`${nodesUrl}?ids=${ids(50)}`)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${nodesUrl}?ids=${ids(51)}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        status: 400,
        err: 'Request too large. If applicable, try requesting specific node ids or a smaller depth.',
      });
    }
    expect((await fetch(`${fake.url}/v1/files/${SAMPLE_FILE_KEY}?ids=${ids(60)}`)).status).toBe(200);
    expect(fake.pendingFaults()).toBe(1);
  });

  it('a path-scoped rule waits for a matching request', async () => {
    fake.setFaults([{ fault: { kind: 'not-found' }, path: `/v1/files/${SAMPLE_FILE_KEY}/variables` }]);
    expect((await fetch(fileUrl)).status).toBe(200);
    expect((await fetch(`${fake.url}/v1/files/${SAMPLE_FILE_KEY}/variables/local`)).status).toBe(404);
    expect((await fetch(`${fake.url}/v1/files/${SAMPLE_FILE_KEY}/variables/local`)).status).toBe(200);
  });

  it('clearFaults removes pending rules', async () => {
    fake.setFaults([{ fault: { kind: 'server-error' }, times: Infinity }]);
    expect((await fetch(fileUrl)).status).toBe(500);
    fake.clearFaults();
    expect((await fetch(fileUrl)).status).toBe(200);
  });
});
