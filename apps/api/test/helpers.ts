// Shared helpers for the workerd tests: real requests through SELF (the Worker's own fetch).
import { createDb } from '@cogo/db';
import { env, SELF } from 'cloudflare:test';
import { expect, vi } from 'vitest';

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

/** An artifact's bytes as GET `pointer.url` serves them to `key`, checked against the pointer's size and sha256. */
export async function artifactBytes(pointer: { url: string; bytes: number; sha256: string }, key: string): Promise<ArrayBuffer> {
  const res = await api(pointer.url, { key });
  expect(res.status).toBe(200);
  const bytes = await res.arrayBuffer();
  expect(bytes.byteLength).toBe(pointer.bytes);
  const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  expect(digest).toBe(pointer.sha256);
  return bytes;
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

export interface StreamedEvent {
  id: number | null;
  event: string;
  data: any;
}

/** Reads an SSE response to its end (or until `stopAfter` returns true, then drops the connection). */
export async function readSse(res: Response, stopAfter?: (e: StreamedEvent) => boolean): Promise<StreamedEvent[]> {
  const out: StreamedEvent[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let sep: number;
    while ((sep = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, sep);
      buffer = buffer.slice(sep + 2);
      const e: StreamedEvent = { id: null, event: 'message', data: undefined };
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('id: ')) e.id = Number(line.slice(4));
        else if (line.startsWith('event: ')) e.event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      e.data = JSON.parse(data.join('\n'));
      out.push(e);
      if (stopAfter?.(e)) {
        await reader.cancel();
        return out;
      }
    }
  }
  return out;
}

/** Drives the Figma fake's control API (the fake runs on the Node side). */
export const figmaFake = {
  faults: (rules: Array<{ fault: Record<string, unknown>; times?: number | null; path?: string; pathPattern?: string }>) =>
    fetch(`${env.FIGMA_API_BASE}/__fake/faults`, { method: 'PUT', body: JSON.stringify(rules) }).then((r) => {
      if (r.status !== 204) throw new Error(`fake refused faults: ${r.status}`);
    }),
  clear: () => fetch(`${env.FIGMA_API_BASE}/__fake/faults`, { method: 'DELETE' }),
  putFile: (key: string, file: unknown) =>
    fetch(`${env.FIGMA_API_BASE}/__fake/files/${key}`, { method: 'PUT', body: JSON.stringify(file) }).then((r) => {
      if (r.status !== 204) throw new Error(`fake refused file: ${r.status}`);
    }),
};

/** A project whose Figma calls use a token of its own (in its vault, accepted by the fake), so quotas and penalties stay with it. */
export async function projectWithOwnFigmaToken(): Promise<TestProject> {
  const p = await createTestProject();
  const token = `figd_${crypto.randomUUID()}`;
  const added = await fetch(`${env.FIGMA_API_BASE}/__fake/tokens/${token}`, { method: 'PUT' });
  if (added.status !== 204) throw new Error(`fake refused the token: ${added.status}`);
  const stored = await api('/vault/secrets/FIGMA_API_KEY', { method: 'PUT', key: p.key, json: { value: token } });
  if (stored.status !== 201) throw new Error(`vault refused the token: ${stored.status} ${await stored.text()}`);
  return p;
}

/** Bytes of a Figma fake answer (path with query), as the Worker would download it. */
export async function figmaAnswerBytes(path: string): Promise<number> {
  const res = await fetch(`${env.FIGMA_API_BASE}${path}`, { headers: { 'X-Figma-Token': env.FIGMA_API_KEY! } });
  if (res.status !== 200) throw new Error(`fake answered ${res.status} for ${path}`);
  return (await res.arrayBuffer()).byteLength;
}

/** Starts a figma-context job and streams it to the end, following next_cursor; returns every event. */
export async function runFigmaJob(key: string, body: Record<string, unknown>, app?: { request: (p: string, i: RequestInit, e: unknown) => Response | Promise<Response> }, bindings?: unknown) {
  const call = (path: string, json: unknown, headers: Record<string, string> = {}) => {
    const init = { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers } };
    return app ? Promise.resolve(app.request(path, init, bindings)) : SELF.fetch(`${BASE}${path}`, init);
  };
  const started = await call('/figma-context/start', body);
  if (started.status !== 201) throw new Error(`start failed: ${started.status} ${await started.text()}`);
  const job = (await started.json()) as { job_id: string; plan: { chunks: number; calls: number } };
  const events: StreamedEvent[] = [];
  let cursor = '0';
  let calls = 0;
  for (;;) {
    calls++;
    const res = await call('/figma-context/stream', { job_id: job.job_id, cursor });
    if (res.status !== 200) throw new Error(`stream failed: ${res.status} ${await res.text()}`);
    const batch = await readSse(res);
    events.push(...batch);
    const last = batch.filter((e) => e.id !== null).at(-1);
    if (!last || last.event === 'done' || last.event === 'error') break;
    cursor = String(last.id);
    if (calls > 200) throw new Error('too many stream calls');
  }
  return { job, events, calls };
}
