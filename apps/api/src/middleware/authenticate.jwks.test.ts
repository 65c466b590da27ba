// JWTs checked against a JWKS served by a real HTTP server (test/jwks-fake.ts on the Node side):
// the key set is cached, refetched at most once per refresh floor for unknown kids, fetched once for
// concurrent callers, and an unreachable JWKS answers 503 (the token could not be checked), never 500.
import { ErrorEnvelopeSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { createApp } from '../app';
import { createTestProject, signJwt } from '../../test/helpers';

afterEach(() => vi.useRealTimers());

const b64url = (bytes: Uint8Array | ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '');
const enc = new TextEncoder();

async function es256Key(kid: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = { ...((await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey), kid, alg: 'ES256', use: 'sig' };
  /** An ES256 token signed with this key; `headerKid` overrides the kid in the header. */
  const sign = async (claims: Record<string, unknown>, headerKid = kid) => {
    const now = Math.floor(Date.now() / 1000);
    const input = `${b64url(enc.encode(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: headerKid })))}.${b64url(enc.encode(JSON.stringify({ iat: now, exp: now + 300, ...claims })))}`;
    const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, enc.encode(input));
    return `${input}.${b64url(sig)}`;
  };
  return { jwk, sign };
}

/** A fresh key set on the JWKS fake (its own URL, so the Worker's per-URL cache starts empty). */
async function keySet(keys: JsonWebKey[], delayMs = 0) {
  const base = `${inject('jwksBase')}/${crypto.randomUUID()}`;
  const put = async (next: JsonWebKey[]) => {
    const res = await fetch(`${base}/jwks.json?delay_ms=${delayMs}`, { method: 'PUT', body: JSON.stringify({ keys: next }) });
    if (res.status !== 204) throw new Error(`JWKS fake refused the set: ${res.status}`);
  };
  await put(keys);
  return {
    url: `${base}/jwks.json`,
    put,
    fetches: async () => ((await (await fetch(`${base}/count`)).json()) as { fetches: number }).fetches,
  };
}

const call = (app: ReturnType<typeof createApp>, token: string, bindings: object) =>
  app.request('/projects/current', { headers: { authorization: `Bearer ${token}` } }, bindings);
const errorOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error;

describe('JWT authentication against a JWKS', () => {
  it('answers 503 with Retry-After (not 500) for a JWKS token while the JWKS is unreachable; HS256 keeps working', async () => {
    const p = await createTestProject();
    const { sign } = await es256Key('k1');
    const down = { ...env, JWT_JWKS_URL: `${inject('jwksDownUrl')}?${crypto.randomUUID()}` };
    const app = createApp();
    for (let i = 0; i < 2; i++) {
      const res = await call(app, await sign({ project_id: p.id }), down);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const err = await errorOf(res);
      expect(err.code).toBe('SERVICE_UNAVAILABLE');
      expect(err.message).toContain('JWKS');
      expect(err.message).not.toContain('127.0.0.1');
    }
    // a credential that can be checked without the JWKS still works
    expect((await call(app, await signJwt({ project_id: p.id }), down)).status).toBe(200);
  });

  it('fetches the key set once for 20 concurrent first requests', async () => {
    const p = await createTestProject();
    const { jwk, sign } = await es256Key('k1');
    const set = await keySet([jwk], 300);
    const bindings = { ...env, JWT_JWKS_URL: set.url };
    const app = createApp();
    const token = await sign({ project_id: p.id });
    const statuses = (await Promise.all(Array.from({ length: 20 }, () => call(app, token, bindings)))).map((r) => r.status);
    expect(statuses).toEqual(Array(20).fill(200));
    expect(await set.fetches()).toBe(1);
  });

  it('does not refetch for random kids: a refresh floor and a negative cache bound the fetches', async () => {
    const p = await createTestProject();
    const k1 = await es256Key('k1');
    const set = await keySet([k1.jwk]);
    const bindings = { ...env, JWT_JWKS_URL: set.url };
    const app = createApp();
    const randomKids = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const kid = `random-${crypto.randomUUID()}`;
        const res = await call(app, await k1.sign({ project_id: p.id }, kid), bindings);
        expect(res.status).toBe(401);
        expect((await errorOf(res)).message).toBe(`invalid token: no key for ES256 token (kid ${kid})`);
      }
    };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date());
    expect((await call(app, await k1.sign({ project_id: p.id }), bindings)).status).toBe(200);
    await randomKids(20);
    expect(await set.fetches()).toBe(1);

    // past the refresh floor one unknown kid may refetch (a key may have been added) — once, not once per kid
    vi.setSystemTime(Date.now() + 31_000);
    const missed = `random-${crypto.randomUUID()}`;
    expect((await call(app, await k1.sign({ project_id: p.id }, missed), bindings)).status).toBe(401);
    await randomKids(19);
    expect(await set.fetches()).toBe(2);

    // a key added by rotation is found past the next floor; a kid a fetch already missed does not refetch
    const k2 = await es256Key('k2');
    await set.put([k1.jwk, k2.jwk]);
    vi.setSystemTime(Date.now() + 31_000);
    expect((await call(app, await k1.sign({ project_id: p.id }, missed), bindings)).status).toBe(401);
    expect(await set.fetches()).toBe(2);
    expect((await call(app, await k2.sign({ project_id: p.id }), bindings)).status).toBe(200);
    expect((await call(app, await k2.sign({ project_id: p.id }), bindings)).status).toBe(200);
    expect(await set.fetches()).toBe(3);
  });
});
