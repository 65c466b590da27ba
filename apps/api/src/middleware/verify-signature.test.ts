import { ErrorEnvelopeSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestProject } from '../../test/helpers';
import { signRequest } from './verify-signature';

const SECRET = 'hmac-test-secret-0123456789abcdef0123456789';
const signedEnv = { ...env, REQUIRE_HMAC: 'true', HMAC_SECRET: SECRET };

async function call(app: ReturnType<typeof createApp>, key: string, headers: Record<string, string>, body = JSON.stringify({ name: 'signed' })) {
  return app.request('/keys', { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers } }, signedEnv);
}
const enc = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;
const messageOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error.message;

describe('HMAC request signing', () => {
  it('accepts a fresh signature once and refuses its replay', async () => {
    const p = await createTestProject();
    const app = createApp();
    const body = JSON.stringify({ name: 'signed' });
    const headers = await signRequest(SECRET, 'POST', '/keys', enc(body));
    expect((await call(app, p.key, headers, body)).status).toBe(201);
    const replay = await call(app, p.key, headers, body);
    expect(replay.status).toBe(401);
    expect(await messageOf(replay)).toBe('request signature rejected: replayed signature');
  });

  it('refuses a stale timestamp, a bad signature, a tampered body and missing headers', async () => {
    const p = await createTestProject();
    const app = createApp();
    const body = JSON.stringify({ name: 'signed' });
    const stale = await signRequest(SECRET, 'POST', '/keys', enc(body), Date.now() - 6 * 60_000);
    expect(await messageOf(await call(app, p.key, stale, body))).toBe('request signature rejected: timestamp outside ±300s');
    const wrongKey = await signRequest('another-secret-0123456789abcdef0123456789', 'POST', '/keys', enc(body));
    expect(await messageOf(await call(app, p.key, wrongKey, body))).toBe('request signature rejected: signature does not match');
    const good = await signRequest(SECRET, 'POST', '/keys', enc(body));
    expect(await messageOf(await call(app, p.key, good, JSON.stringify({ name: 'tampered' })))).toBe('request signature rejected: signature does not match');
    const none = await call(app, p.key, {});
    expect(none.status).toBe(401);
    expect(await messageOf(none)).toContain('X-Timestamp and X-Signature are required');
  });
});
