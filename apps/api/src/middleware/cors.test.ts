import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { isAllowedOrigin } from './cors';

const probe = (origin: string, vars: Record<string, string> = {}) =>
  createApp().request('/livez-is-not-here', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } }, { ...env, ...vars });

describe('CORS defaults outside production', () => {
  it('allows loopback origins on any port when CORS_ORIGINS is unset, and nothing else', async () => {
    for (const environment of ['development', 'test']) {
      for (const origin of ['http://localhost:3000', 'http://127.0.0.1:8787', 'http://[::1]:5173', 'https://localhost']) {
        const res = await probe(origin, { ENVIRONMENT: environment });
        expect(res.status, `${environment} ${origin}`).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      }
      for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'null']) {
        expect((await probe(origin, { ENVIRONMENT: environment })).status, `${environment} ${origin}`).toBe(403);
      }
    }
  });

  it('a set CORS_ORIGINS replaces the loopback default; an empty one allows no origin', async () => {
    expect((await probe('null', { ENVIRONMENT: 'development', CORS_ORIGINS: 'null' })).status).toBe(204);
    expect((await probe('http://localhost:3000', { ENVIRONMENT: 'development', CORS_ORIGINS: 'null' })).status).toBe(403);
    expect((await probe('http://localhost:3000', { ENVIRONMENT: 'development', CORS_ORIGINS: '' })).status).toBe(403);
  });

  it('matches listed origins exactly (scheme, host and port)', () => {
    const config = { ENVIRONMENT: 'production' as const, CORS_ORIGINS: ['https://app.example.com', 'http://localhost:3000'] };
    expect(isAllowedOrigin(config, 'https://app.example.com')).toBe(true);
    expect(isAllowedOrigin(config, 'http://app.example.com')).toBe(false);
    expect(isAllowedOrigin(config, 'https://app.example.com:8443')).toBe(false);
    expect(isAllowedOrigin(config, 'http://localhost:3001')).toBe(false);
    expect(isAllowedOrigin({ ENVIRONMENT: 'production', CORS_ORIGINS: undefined }, 'http://localhost:3000')).toBe(false);
  });

  it('answers a Private Network Access preflight for an allowed origin only (the plugin in figma.com calling a local API)', async () => {
    const pna = (origin: string) =>
      createApp().request('/projects/current', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-private-network': 'true' } }, { ...env, ENVIRONMENT: 'development', CORS_ORIGINS: 'null' });
    const allowed = await pna('null');
    expect([allowed.status, allowed.headers.get('access-control-allow-private-network'), allowed.headers.get('access-control-allow-origin')]).toEqual([204, 'true', 'null']);
    const refused = await pna('https://evil.example');
    expect([refused.status, refused.headers.get('access-control-allow-private-network')]).toEqual([403, null]);
    // a preflight that does not ask gets no such header
    expect((await probe('null', { ENVIRONMENT: 'development', CORS_ORIGINS: 'null' })).headers.get('access-control-allow-private-network')).toBeNull();
  });
});
