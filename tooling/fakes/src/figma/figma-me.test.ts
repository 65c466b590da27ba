// GET /v1/me: the token's user (what a credential pre-flight calls), and Figma's 403 for a token it does not know.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFigmaFake } from './figma-fake';
import type { FigmaFake } from './figma-types';

describe('Figma fake: /v1/me', () => {
  let fake: FigmaFake;
  beforeAll(async () => {
    fake = await startFigmaFake({ token: 'figd_good' });
  });
  afterAll(() => fake.close());

  it("answers the token's user", async () => {
    const res = await fetch(`${fake.url}/v1/me`, { headers: { 'x-figma-token': 'figd_good' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '1234567890', email: 'designer@example.com', handle: 'Sample Designer', img_url: 'https://s3-alpha.figma.com/profile/sample' });
  });

  it('answers 403 Invalid token for another token', async () => {
    const res = await fetch(`${fake.url}/v1/me`, { headers: { 'x-figma-token': 'figd_bad' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ status: 403, err: 'Invalid token' });
  });
});
