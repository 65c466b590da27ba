import { describe, expect, it } from 'vitest';
import { createHttpClient, hostAllowed, OutboundBlockedError, OutboundError, retryAfterMs } from './http-client';

/** A recording fetch that answers from a script. */
function scripted(...answers: Array<Response | Error>) {
  const calls: Array<{ url: string; headers: Headers; method: string }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers), method: init?.method ?? 'GET' });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('outbound client', () => {
  it('refuses a host off the allowlist by name, sending nothing', async () => {
    const { fetch, calls } = scripted(new Response('ok'));
    const http = createHttpClient({ allowHosts: ['api.figma.com'], fetch });
    const err = await http('https://evil.example.com/v1/files/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundBlockedError);
    expect((err as Error).message).toBe('outbound call to evil.example.com blocked: host not on the allowlist');
    expect(calls).toHaveLength(0);
  });

  it('matches wildcards and ports exactly', () => {
    const allow = ['*.figma.com', '127.0.0.1:9000'];
    expect(hostAllowed(new URL('https://api.figma.com/x'), allow)).toBe(true);
    expect(hostAllowed(new URL('https://figma.com/x'), allow)).toBe(false);
    expect(hostAllowed(new URL('https://figma.com.evil.io/x'), allow)).toBe(false);
    expect(hostAllowed(new URL('http://127.0.0.1:9000/x'), allow)).toBe(true);
    expect(hostAllowed(new URL('http://127.0.0.1:9001/x'), allow)).toBe(false);
  });

  it('honours Retry-After, then succeeds, forwarding the trace on every attempt', async () => {
    const { fetch, calls } = scripted(new Response('slow down', { status: 429, headers: { 'retry-after': '2' } }), new Response('fine'));
    const slept: number[] = [];
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const http = createHttpClient({ allowHosts: ['api.figma.com'], fetch, traceId, sleep: async (ms) => void slept.push(ms) });
    const res = await http('https://api.figma.com/v1/files/k');
    expect(await res.text()).toBe('fine');
    expect(slept).toEqual([2000]);
    expect(calls).toHaveLength(2);
    for (const c of calls) {
      expect(c.headers.get('x-trace-id')).toBe(traceId);
      expect(c.headers.get('traceparent')).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    }
  });

  it('backs off exponentially with full jitter on 5xx and network errors, then returns the last response', async () => {
    const { fetch, calls } = scripted(new Error('socket hang up'), new Response('', { status: 503 }), new Response('', { status: 502 }), new Response('', { status: 500 }));
    const slept: number[] = [];
    const http = createHttpClient({ allowHosts: ['h.test'], fetch, retries: 3, baseDelayMs: 100, random: () => 0.5, sleep: async (ms) => void slept.push(ms) });
    const res = await http('https://h.test/x');
    expect(res.status).toBe(500);
    expect(calls).toHaveLength(4);
    expect(slept).toEqual([50, 100, 200]);
  });

  it('does not retry a POST unless told it is safe, nor a 4xx', async () => {
    const post = scripted(new Response('', { status: 503 }));
    const http = createHttpClient({ allowHosts: ['h.test'], fetch: post.fetch, sleep: async () => {} });
    expect((await http('https://h.test/x', { method: 'POST' })).status).toBe(503);
    expect(post.calls).toHaveLength(1);
    const four = scripted(new Response('', { status: 404 }));
    const http2 = createHttpClient({ allowHosts: ['h.test'], fetch: four.fetch, sleep: async () => {} });
    expect((await http2('https://h.test/x')).status).toBe(404);
    expect(four.calls).toHaveLength(1);
  });

  it('fails clearly when a Retry-After is longer than allowed, or every attempt fails', async () => {
    const long = scripted(new Response('', { status: 429, headers: { 'retry-after': '3600' } }));
    const http = createHttpClient({ allowHosts: ['h.test'], fetch: long.fetch, sleep: async () => {} });
    await expect(http('https://h.test/x')).rejects.toThrow('h.test asked to retry after 3600 s, over the 60 s limit');
    const down = scripted(new Error('ECONNREFUSED'), new Error('ECONNREFUSED'));
    const http2 = createHttpClient({ allowHosts: ['h.test'], fetch: down.fetch, retries: 1, sleep: async () => {} });
    const err = await http2('https://h.test/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect((err as OutboundError).attempts).toBe(2);
    expect((err as Error).message).toContain('ECONNREFUSED');
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1, 0, 0, 0))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeNull();
  });
});
