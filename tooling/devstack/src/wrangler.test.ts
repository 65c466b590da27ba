import { afterEach, describe, expect, it } from 'vitest';
import { wranglerEnv } from './wrangler';

const saved = process.env.CLOUDFLARE_CF_FETCH_ENABLED;
afterEach(() => {
  if (saved === undefined) delete process.env.CLOUDFLARE_CF_FETCH_ENABLED;
  else process.env.CLOUDFLARE_CF_FETCH_ENABLED = saved;
});

describe('wranglerEnv', () => {
  it("keeps wrangler off the internet: no fetch of Cloudflare's Request.cf data (offline it printed a stack trace)", () => {
    delete process.env.CLOUDFLARE_CF_FETCH_ENABLED;
    expect(wranglerEnv()).toMatchObject({ CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' });
  });

  it('lets the caller turn the fetch back on', () => {
    process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'true';
    expect(wranglerEnv().CLOUDFLARE_CF_FETCH_ENABLED).toBe('true');
  });
});
