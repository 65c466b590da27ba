// Shared helpers for the workerd tests: real requests through SELF (the Worker's own fetch).
import { createDb } from '@cogo/db';
import { env, SELF } from 'cloudflare:test';
import { vi } from 'vitest';

export const BASE = 'http://cogo.test';

/** A database handle from inside the Worker (close it in afterAll). */
export const testDb = () => createDb({ url: env.DATABASE_URL, wsProxy: env.DATABASE_WS_PROXY });

/** fetch against the Worker. */
export function api(path: string, init: RequestInit & { json?: unknown; key?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return SELF.fetch(`${BASE}${path}`, { ...init, headers, body });
}

export interface TestProject {
  id: string;
  slug: string;
  key: string;
  keyId: string;
}

/** Creates a project through the admin route and returns it with its first key. */
export async function createTestProject(name = 'Test'): Promise<TestProject> {
  const slug = `t-${crypto.randomUUID().slice(0, 18)}`;
  const res = await api('/projects', { method: 'POST', key: env.ADMIN_TOKEN, json: { slug, name } });
  if (res.status !== 201) throw new Error(`project creation failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { project: { id: string }; api_key: { key: string; id: string } };
  return { id: body.project.id, slug, key: body.api_key.key, keyId: body.api_key.id };
}

const enc = new TextEncoder();
const b64url = (bytes: Uint8Array | ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '');

/** An HS256 JWT signed with the test secret (or `secret`). */
export async function signJwt(claims: Record<string, unknown>, secret: string = env.JWT_SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(enc.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  const payload = b64url(enc.encode(JSON.stringify({ iat: now, exp: now + 300, ...claims })));
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = await crypto.subtle.sign('HMAC', key, enc.encode(`${header}.${payload}`));
  return `${header}.${payload}.${b64url(sig)}`;
}

/** Polls until `check` returns a value (queue consumers write asynchronously). */
export function eventually<T>(check: () => Promise<T | undefined | null | false>, timeout = 15_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const v = await check();
      if (!v) throw new Error('not yet');
      return v;
    },
    { timeout, interval: 100 },
  );
}
