import { createRoute, z } from '@hono/zod-openapi';
import { ErrorEnvelopeSchema } from '@cogo/types';
import { env, SELF } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from './app';

/** The real app plus two probe routes that exercise validation and an unexpected throw. */
function appWithProbes() {
  const app = createApp();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/__probe/echo',
      request: {
        query: z.object({ n: z.coerce.number().int().min(1) }),
        body: { content: { 'application/json': { schema: z.object({ name: z.string().min(2), tags: z.array(z.string()) }) } } },
      },
      responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({ name: z.string() }) } } } },
    }),
    (c) => c.json({ name: c.req.valid('json').name }, 200),
  );
  app.get('/__probe/boom', () => {
    throw new Error('db password is hunter2');
  });
  return app;
}

const post = (body: string, query = '?n=1') =>
  appWithProbes().request(`/__probe/echo${query}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }, env);

afterEach(() => vi.restoreAllMocks());

describe('error envelope', () => {
  it('answers an unknown route with 404 in the envelope, carrying the response request id', async () => {
    const res = await SELF.fetch('http://api/nope/nothing-here');
    expect(res.status).toBe(404);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toContain('/nope/nothing-here');
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('answers a validation failure with 400 naming every offending path', async () => {
    const res = await post(JSON.stringify({ name: 'x', tags: 'not-an-array' }), '?n=0');
    expect(res.status).toBe(400);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const paths = body.error.details?.issues?.map((i) => i.path) ?? [];
    // query is validated first; hono stops at the first failing target
    expect(paths).toEqual(['query.n']);
    const res2 = await post(JSON.stringify({ name: 'x', tags: 'not-an-array' }));
    const body2 = ErrorEnvelopeSchema.parse(await res2.json());
    expect(body2.error.details?.issues?.map((i) => i.path).sort()).toEqual(['json.name', 'json.tags']);
    expect(body2.error.message).toContain('json.name');
  });

  it('passes valid input through to the handler', async () => {
    const res = await post(JSON.stringify({ name: 'ok', tags: [] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'ok' });
  });

  it('answers malformed JSON with 400 in the envelope', async () => {
    const res = await post('{"name": ');
    expect(res.status).toBe(400);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('BAD_REQUEST');
  });

  it('answers an unexpected error with a generic 500 and logs the cause without echoing it', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void logged.push(String(line)));
    const res = await appWithProbes().request('/__probe/boom', { headers: { 'x-request-id': 'req-boom-1' } }, env);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('hunter2');
    const body = ErrorEnvelopeSchema.parse(JSON.parse(text));
    expect(body.error).toEqual({ code: 'INTERNAL', message: 'internal error', requestId: 'req-boom-1' });
    const entry = logged.map((l) => JSON.parse(l) as Record<string, any>).find((l) => l.msg === 'unhandled error');
    expect(entry?.requestId).toBe('req-boom-1');
    expect(entry?.error?.message).toContain('hunter2');
  });

  it('answers 503 naming (not echoing) a misconfigured binding', async () => {
    const res = await createApp().request('/healthz', {}, { ...env, DATABASE_URL: 'mysql://root:pw@db/x' });
    expect(res.status).toBe(503);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.error.message).toContain('DATABASE_URL');
    expect(JSON.stringify(body)).not.toContain('root:pw');
  });
});

describe('request id and trace', () => {
  it('echoes a sane client request id and replaces an unsafe one', async () => {
    const ok = await SELF.fetch('http://api/healthz', { headers: { 'x-request-id': 'client-123' } });
    expect(ok.headers.get('x-request-id')).toBe('client-123');
    const bad = await SELF.fetch('http://api/healthz', { headers: { 'x-request-id': 'a b\u0007c' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('continues a W3C traceparent and answers with a new span of the same trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await SELF.fetch('http://api/healthz', { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(res.headers.get('x-trace-id')).toBe(traceId);
    expect(res.headers.get('traceparent')).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(res.headers.get('traceparent')).not.toContain('00f067aa0ba902b7');
  });

  it('accepts X-Trace-Id and starts a fresh trace when none (or an invalid one) is given', async () => {
    const given = await SELF.fetch('http://api/healthz', { headers: { 'x-trace-id': 'ABCDEFABCDEFABCDEFABCDEFABCDEF12' } });
    expect(given.headers.get('x-trace-id')).toBe('abcdefabcdefabcdefabcdefabcdef12');
    const fresh = await SELF.fetch('http://api/healthz', { headers: { traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' } });
    expect(fresh.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.headers.get('x-trace-id')).not.toBe('0'.repeat(32));
  });

  it('puts request id and trace id on error responses too', async () => {
    const res = await SELF.fetch('http://api/missing', { headers: { 'x-trace-id': 'abcdefabcdefabcdefabcdefabcdef34' } });
    expect(res.headers.get('x-trace-id')).toBe('abcdefabcdefabcdefabcdefabcdef34');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});
