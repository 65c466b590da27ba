import { ErrorEnvelopeSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { jwksResolver, verifyJwt } from '../lib/jwt';
import { api, createTestProject, signJwt } from '../../test/helpers';

const messageOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error.message;

describe('JWT authentication', () => {
  it('accepts a short-lived HS256 token carrying project_id', async () => {
    const p = await createTestProject();
    const token = await signJwt({ sub: 'user-1', project_id: p.id });
    const res = await api('/projects/current', { key: token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(p.id);
  });

  it('refuses expired, badly signed, over-long and project-less tokens with 401', async () => {
    const p = await createTestProject();
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, string]> = [
      [await signJwt({ project_id: p.id, iat: now - 600, exp: now - 120 }), 'invalid token: token expired'],
      [await signJwt({ project_id: p.id }, 'another-secret-that-is-long-enough-000'), 'invalid token: bad signature'],
      [await signJwt({ project_id: p.id, exp: now + 86_400 }), 'invalid token: token lifetime over 3600s'],
      [await signJwt({ sub: 'x' }), 'invalid token: no project_id claim'],
    ];
    for (const [token, message] of cases) {
      const res = await api('/projects/current', { key: token });
      expect(res.status).toBe(401);
      expect(await messageOf(res)).toBe(message);
    }
  });

  it('refuses a token issued in the future, so the lifetime cap cannot be stretched', async () => {
    const p = await createTestProject();
    const now = Math.floor(Date.now() / 1000);
    const tenYears = 10 * 365 * 86_400;
    for (const iat of [now + tenYears, now + 120]) {
      const res = await api('/projects/current', { key: await signJwt({ project_id: p.id, iat, exp: iat + 3600 }) });
      expect(res.status).toBe(401);
      expect(await messageOf(res)).toBe('invalid token: token issued in the future');
    }
    const odd = await api('/projects/current', { key: await signJwt({ project_id: p.id, iat: String(now) }) });
    expect(odd.status).toBe(401);
    expect(await messageOf(odd)).toBe('invalid token: malformed iat');
    // a few seconds of clock skew between issuer and API are tolerated
    expect((await api('/projects/current', { key: await signJwt({ project_id: p.id, iat: now + 10, exp: now + 310 }) })).status).toBe(200);
  });

  it('refuses a valid token for a project that does not exist, on reads and writes, with 401', async () => {
    const token = await signJwt({ sub: 'ghost', project_id: crypto.randomUUID() });
    const read = await api('/keys', { key: token });
    const write = await api('/keys', { method: 'POST', key: token, json: { name: 'x' } });
    for (const res of [read, write]) {
      expect(res.status).toBe(401);
      expect(await messageOf(res)).toBe('invalid token: its project does not exist');
    }
  });

  it('refuses tokens when the deployment accepts none', async () => {
    const p = await createTestProject();
    const res = await createApp().request('/projects/current', { headers: { authorization: `Bearer ${await signJwt({ project_id: p.id })}` } }, { ...env, JWT_SECRET: undefined });
    expect(res.status).toBe(401);
    expect(await messageOf(res)).toContain('tokens are not accepted');
  });

  it('verifies ES256 tokens against a JWKS, refetching for an unknown kid once its negative cache expires', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = { ...((await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey), kid: 'k2' };
    let fetches = 0;
    let clock = Date.now();
    const resolver = jwksResolver(
      async () => {
        fetches++;
        return { keys: fetches === 1 ? [] : [jwk] };
      },
      { now: () => clock },
    );
    const enc = (o: unknown) => btoa(JSON.stringify(o)).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_');
    const now = Math.floor(Date.now() / 1000);
    const signingInput = `${enc({ alg: 'ES256', kid: 'k2' })}.${enc({ project_id: 'p', exp: now + 60, iat: now })}`;
    const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(signingInput)));
    const token = `${signingInput}.${btoa(String.fromCharCode(...sig)).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_')}`;
    // first lookup finds no key (empty JWKS) → fails, and kid k2 is remembered as unknown for a while…
    await expect(verifyJwt(token, { jwks: resolver, maxTtlSeconds: 3600 })).rejects.toThrow(/no key/);
    await expect(verifyJwt(token, { jwks: resolver, maxTtlSeconds: 3600 })).rejects.toThrow(/no key/);
    expect(fetches).toBe(1);
    // …after which the set is fetched again and the key found
    clock += 121_000;
    const claims = await verifyJwt(token, { jwks: resolver, maxTtlSeconds: 3600 });
    expect(claims.project_id).toBe('p');
    expect(fetches).toBe(2);
    const tampered = `${signingInput.slice(0, -2)}xx.${token.split('.')[2]}`;
    await expect(verifyJwt(tampered, { jwks: resolver, maxTtlSeconds: 3600 })).rejects.toThrow();
  });
});
