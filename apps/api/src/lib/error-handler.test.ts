// The one error envelope for what a route throws: an outbound call that gave up (every retry failed or timed out)
// is the upstream's failure, a 502 naming the host — never a 500 INTERNAL, and never the URL it called (its path
// and query can carry file keys and tokens).
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from './error-handler';
import { OutboundError } from './http-client';

function appThrowing(err: unknown) {
  const app = new Hono();
  app.onError(onError);
  app.get('/x', () => {
    throw err;
  });
  return app;
}

describe('onError', () => {
  it('answers an outbound call that gave up with 502 UPSTREAM_FAILED naming the host, not the URL', async () => {
    const url = 'https://api.figma.com/v1/files/SECRETKEY123?ids=1:2&token=abc';
    const res = await appThrowing(new OutboundError(`timed out after 15000 ms: ${url}`, url, 3)).request('/x');
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: { code: string; message: string; details: Record<string, unknown> } };
    expect(body.error.code).toBe('UPSTREAM_FAILED');
    expect(body.error.message).toContain('api.figma.com');
    expect(body.error.message).not.toContain('SECRETKEY123');
    expect(body.error.message).not.toContain('token');
    expect(body.error.details).toEqual({ host: 'api.figma.com', attempts: 3 });
  });

  it('keeps the last status the upstream answered', async () => {
    const res = await appThrowing(new OutboundError('503 after 4 attempts', 'https://hooks.example/x', 4, 503)).request('/x');
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({ host: 'hooks.example', attempts: 4, status: 503 });
  });

  it('still answers anything unknown with a generic 500', async () => {
    const res = await appThrowing(new Error('boom: postgres://u:p@h/db')).request('/x');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error', requestId: 'unknown' } });
  });
});
