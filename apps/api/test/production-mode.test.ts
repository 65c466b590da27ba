// The production toggles of seed 001 §7, together, with ENVIRONMENT=production (README "Production toggles"):
// EDGE_AUTH_OPTIONAL refused, credentials on every non-public route, REQUIRE_HMAC at ingress, CORS to listed origins.
import { ErrorEnvelopeSchema } from '@cogo/types';
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { signRequest } from '../src/middleware/verify-signature';
import { api, BASE, createTestProject, readSse, signJwt, type TestProject } from './helpers';

const HMAC_SECRET = 'prod-hmac-secret-0123456789abcdef0123456789';
const PLUGIN = 'null';
const DASHBOARD_ELSEWHERE = 'https://app.cogo.example';
const production = (vars: Record<string, string> = {}) => ({ ...env, ENVIRONMENT: 'production', ...vars });

/** Routes that answer without project credentials, each with what guards it instead. */
const PUBLIC_OPERATIONS = [
  'GET /health', // dependency checks (seed 004): names only which part failed, no data
  'GET /healthz', // readiness probe
  'GET /livez', // liveness probe
  'POST /figma/webhooks', // Figma's deliveries: the webhook's passcode, compared in constant time
  'PUT /figma-compat/uui/upload/{upload_id}', // the signed upload URL from presign
].sort();

interface Operation {
  security?: unknown[];
}
let operations: Array<{ method: string; path: string; op: Operation }>;
let project: TestProject;

beforeAll(async () => {
  const doc = (await (await api('/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
  project = await createTestProject('Production mode');
});

/** A concrete URL for an operation's path template (valid-looking values: guards run before validation anyway). */
const concrete = (path: string) =>
  path
    .replace('{alias}', 'FIGMA_API_KEY')
    .replace('{traceId}', '0af7651916cd43dd8448eb211c80319c')
    .replace(/\{[a-z_]+\}/gi, crypto.randomUUID());

const envelopeOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error;
const enc = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('production mode', () => {
  it('refuses EDGE_AUTH_OPTIONAL=true: every route answers 503 naming the variable', async () => {
    const bindings = production({ EDGE_AUTH_OPTIONAL: 'true', DEV_PROJECT_ID: project.id });
    for (const path of ['/projects/current', '/healthz']) {
      const res = await createApp().request(path, {}, bindings);
      expect(res.status).toBe(503);
      const error = await envelopeOf(res);
      expect(error.code).toBe('SERVICE_UNAVAILABLE');
      expect(error.message).toBe('server configuration invalid: EDGE_AUTH_OPTIONAL');
    }
    // the same pair is accepted outside production: the refusal is production's
    const dev = await createApp().request('/projects/current', {}, { ...env, ENVIRONMENT: 'development', EDGE_AUTH_OPTIONAL: 'true', DEV_PROJECT_ID: project.id });
    expect(dev.status).toBe(200);
  });

  it('requires an API key or a JWT on every route but the public ones (401 in the envelope)', async () => {
    const open = operations.filter(({ op }) => !op.security?.length).map(({ method, path }) => `${method} ${path}`);
    expect(open.sort()).toEqual(PUBLIC_OPERATIONS);
    const app = createApp();
    const bindings = production();
    const guarded = operations.filter(({ op }) => op.security?.length);
    expect(guarded.length).toBeGreaterThan(30);
    for (const { method, path } of guarded) {
      const res = await app.request(concrete(path), { method }, bindings);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((await envelopeOf(res)).code).toBe('UNAUTHORIZED');
    }
    const byKey = await app.request('/projects/current', { headers: { authorization: `Bearer ${project.key}` } }, bindings);
    expect(byKey.status).toBe(200);
    const jwt = await signJwt({ project_id: project.id, sub: 'prod-user' });
    const byJwt = await app.request('/projects/current', { headers: { authorization: `Bearer ${jwt}` } }, bindings);
    expect(byJwt.status).toBe(200);
    expect(((await byJwt.json()) as { id: string }).id).toBe(project.id);
  });

  it('REQUIRE_HMAC=true: every non-public route refuses an unsigned request (401), a signed one goes through', async () => {
    const app = createApp();
    const unkeyed = await app.request('/projects/current', { headers: { authorization: `Bearer ${project.key}` } }, production({ REQUIRE_HMAC: 'true' }));
    expect(unkeyed.status).toBe(503);
    expect((await envelopeOf(unkeyed)).message).toBe('server configuration invalid: HMAC_SECRET');
    const bindings = production({ REQUIRE_HMAC: 'true', HMAC_SECRET });
    for (const { method, path } of operations.filter(({ op }) => op.security?.length)) {
      const res = await app.request(concrete(path), { method, headers: { authorization: `Bearer ${project.key}` } }, bindings);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect((await envelopeOf(res)).message).toBe('request signature rejected: X-Timestamp and X-Signature are required');
    }
    const body = JSON.stringify({ name: 'signed in production' });
    const signed = await app.request(
      '/keys',
      { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${project.key}`, ...(await signRequest(HMAC_SECRET, 'POST', '/keys', enc(body))) } },
      bindings,
    );
    expect(signed.status).toBe(201);
    const read = await app.request('/projects/current', { headers: { authorization: `Bearer ${project.key}`, ...(await signRequest(HMAC_SECRET, 'GET', '/projects/current', new ArrayBuffer(0))) } }, bindings);
    expect(read.status).toBe(200);
    // probes stay unsigned: orchestrators and Cloudflare cannot sign
    expect((await app.request('/livez', {}, bindings)).status).toBe(200);
    expect((await app.request('/healthz', {}, bindings)).status).toBe(200);
  });

  describe('CORS restricted to CORS_ORIGINS', () => {
    const bindings = production({ CORS_ORIGINS: `${DASHBOARD_ELSEWHERE}, ${PLUGIN}` });
    const get = (origin: string | undefined, vars = bindings) =>
      createApp().request('/projects/current', { headers: { authorization: `Bearer ${project.key}`, ...(origin ? { origin } : {}) } }, vars);
    const preflight = (origin: string, vars = bindings) =>
      createApp().request(
        '/figma-context/start',
        { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' } },
        vars,
      );

    it('a listed origin may read answers, errors included', async () => {
      const res = await get(DASHBOARD_ELSEWHERE);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(DASHBOARD_ELSEWHERE);
      expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
      expect(res.headers.get('vary')).toContain('Origin');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      const unauthenticated = await createApp().request('/projects/current', { headers: { origin: DASHBOARD_ELSEWHERE } }, bindings);
      expect(unauthenticated.status).toBe(401);
      expect(unauthenticated.headers.get('access-control-allow-origin')).toBe(DASHBOARD_ELSEWHERE);
      expect((await envelopeOf(unauthenticated)).code).toBe('UNAUTHORIZED');
    });

    it('the Figma plugin’s `null` origin is allowed when listed, and only then', async () => {
      const res = await get(PLUGIN);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('null');
      const unlisted = await get(PLUGIN, production({ CORS_ORIGINS: DASHBOARD_ELSEWHERE }));
      expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('an unlisted origin gets no Access-Control-Allow-Origin (the browser hides the answer); same-origin needs nothing', async () => {
      for (const origin of ['https://evil.example', 'http://localhost:5173', `${DASHBOARD_ELSEWHERE}.evil.example`]) {
        const res = await get(origin);
        expect(res.status).toBe(200);
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
      }
      // no Origin header (curl, the CLI, SDKs) is not a CORS request at all
      expect((await get(undefined)).headers.get('access-control-allow-origin')).toBeNull();
      // unset in production allows no origin at all — never `*`, not even loopback
      const unset = await get('http://localhost:5173', production());
      expect(unset.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers a preflight from a listed origin 204 with the methods and headers, from any other 403 in the envelope', async () => {
      for (const origin of [DASHBOARD_ELSEWHERE, PLUGIN]) {
        const res = await preflight(origin);
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
        expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, PUT, DELETE, OPTIONS');
        const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase().split(', ');
        expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'last-event-id', 'x-timestamp', 'x-signature']));
        expect(res.headers.get('access-control-max-age')).toBe('600');
      }
      const refused = await preflight('https://evil.example');
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const error = await envelopeOf(refused);
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain('not in CORS_ORIGINS');
      expect(error.requestId).toBe(refused.headers.get('x-request-id'));
      expect((await preflight('http://localhost:5173', production())).status).toBe(403);
    });

    it('a preflight needs neither credentials nor a signature (browsers send neither)', async () => {
      const res = await preflight(PLUGIN, production({ CORS_ORIGINS: PLUGIN, REQUIRE_HMAC: 'true', HMAC_SECRET }));
      expect(res.status).toBe(204);
    });

    it('SSE answers carry the CORS headers too', async () => {
      const started = await api('/figma-context/start', { method: 'POST', key: project.key, json: { file_key: SAMPLE_FILE_KEY } });
      expect(started.status).toBe(201);
      const { job_id } = (await started.json()) as { job_id: string };
      const res = await createApp().request(
        `${BASE}/figma-context/stream`,
        { method: 'POST', body: JSON.stringify({ job_id, cursor: '0' }), headers: { origin: PLUGIN, 'content-type': 'application/json', authorization: `Bearer ${project.key}` } },
        bindings,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      expect(res.headers.get('access-control-allow-origin')).toBe('null');
      expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
      const events = await readSse(res, (e) => e.event === 'ready');
      expect(events.some((e) => e.event === 'ready')).toBe(true);
    });

    it('refuses a CORS_ORIGINS that is not a list of exact origins (503 naming it, never its value)', async () => {
      for (const bad of ['*', 'https://app.cogo.example/', 'https://app.cogo.example/path', 'app.cogo.example', 'HTTPS://APP.COGO.EXAMPLE', 'https://*.cogo.example', 'file:///x']) {
        const res = await get(DASHBOARD_ELSEWHERE, production({ CORS_ORIGINS: `${DASHBOARD_ELSEWHERE},${bad}` }));
        expect(res.status, bad).toBe(503);
        const text = await res.text();
        expect(text).not.toContain('cogo.example');
        expect(ErrorEnvelopeSchema.parse(JSON.parse(text)).error.message).toBe('server configuration invalid: CORS_ORIGINS');
      }
    });
  });
});
