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

  it('refuses tokens when the deployment accepts none', async () => {
    const p = await createTestProject();
    const res = await createApp().request('/projects/current', { headers: { authorization: `Bearer ${await signJwt({ project_id: p.id })}` } }, { ...env, JWT_SECRET: undefined });
    expect(res.status).toBe(401);
    expect(await messageOf(res)).toContain('tokens are not accepted');
  });

  it('verifies ES256 tokens against a JWKS, refetching for an unknown kid', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = { ...((await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey), kid: 'k2' };
    let fetches = 0;
    const resolver = jwksResolver(async () => {
      fetches++;
      return { keys: fetches === 1 ? [] : [jwk] };
    });
    const enc = (o: unknown) => btoa(JSON.stringify(o)).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_');
    const now = Math.floor(Date.now() / 1000);
    const signingInput = `${enc({ alg: 'ES256', kid: 'k2' })}.${enc({ project_id: 'p', exp: now + 60, iat: now })}`;
    const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(signingInput)));
    const token = `${signingInput}.${btoa(String.fromCharCode(...sig)).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_')}`;
    // first lookup finds no key (empty JWKS) → fails; the cache is then stale for kid k2 and refetched
    await expect(verifyJwt(token, { jwks: resolver, maxTtlSeconds: 3600 })).rejects.toThrow(/no key/);
    const claims = await verifyJwt(token, { jwks: resolver, maxTtlSeconds: 3600 });
    expect(claims.project_id).toBe('p');
    expect(fetches).toBe(2);
    const tampered = `${signingInput.slice(0, -2)}xx.${token.split('.')[2]}`;
    await expect(verifyJwt(tampered, { jwks: resolver, maxTtlSeconds: 3600 })).rejects.toThrow();
  });
});
