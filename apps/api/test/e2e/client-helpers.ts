// The api-client (packages/api-client) driven against the real Worker: its fetch is SELF.fetch, or
// createApp().request with other Worker vars. Faults are injected in the transport only (a refused
// connection, a body cut mid-frame, a proxy's 503) — never by answering in the API's place.
import { env, SELF } from 'cloudflare:test';
import { createApp } from '../../src/app';
import { api, BASE, readSse } from '../helpers';

/** One stream call as the client sent it, and how it was answered. */
export interface StreamCall {
  cursor: string | undefined;
  lastEventId: string | null;
  status: number | null;
  retryAfter: string | null;
  /** Date.now() when the client sent it. */
  at: number;
}

/** What the transport does to the n-th call (1-based) of a path. */
export type TransportFault =
  /** the connection fails before the API sees the request */
  | { kind: 'refuse' }
  /** after `afterFrames` logged frames, half of the next one, then the connection errors (or ends cleanly) */
  | { kind: 'cut'; afterFrames: number; mode?: 'error' | 'end' }
  /** a proxy in front of the API answers 503 (with Retry-After) without passing the request on */
  | { kind: 'proxy-503'; retryAfter?: string }
  /** the request reaches the API, which is asked to replay `by` events before the client's cursor */
  | { kind: 'rewind'; by: number }
  /** the API handles the request, but its answer is lost: the client gets a proxy's 503 instead */
  | { kind: 'lost-answer'; retryAfter?: string };

export interface WorkerTransport {
  fetch: (request: Request) => Promise<Response>;
  streamCalls: StreamCall[];
  /** Every request's method, path and the status the client got, in order. */
  requests: Array<{ method: string; url: string; path: string; status: number | null; idempotencyKey: string | null; lastEventId: string | null; body: unknown }>;
}

const proxy503 = (retryAfter?: string) => new Response('upstream unavailable', { status: 503, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } });

/**
 * A fetch into the Worker for the client: SELF.fetch, or — with `vars` — the app with those Worker
 * vars over the test bindings. Records every request; `faults` picks a transport fault by the call's
 * number on its path (1-based).
 */
export function workerTransport(options: { vars?: Record<string, string>; faults?: (call: number, path: string) => TransportFault | undefined } = {}): WorkerTransport {
  const app = options.vars ? createApp() : null;
  const bindings = { ...env, ...options.vars };
  const into = (req: Request) => (app ? Promise.resolve(app.request(req, undefined, bindings)) : SELF.fetch(req));
  const streamCalls: StreamCall[] = [];
  const requests: WorkerTransport['requests'] = [];
  const perPath = new Map<string, number>();
  const transport = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const text = request.method === 'GET' ? '' : await request.clone().text();
    const body = (text ? JSON.parse(text) : {}) as { cursor?: string };
    const seen = { method: request.method, url: request.url, path, status: null as number | null, idempotencyKey: request.headers.get('idempotency-key'), lastEventId: request.headers.get('last-event-id'), body };
    requests.push(seen);
    const n = (perPath.get(path) ?? 0) + 1;
    perPath.set(path, n);
    const fault = options.faults?.(n, path);
    const call: StreamCall = { cursor: body.cursor, lastEventId: request.headers.get('last-event-id'), status: null, retryAfter: null, at: Date.now() };
    if (path === '/figma-context/stream') streamCalls.push(call);
    if (fault?.kind === 'refuse') throw new TypeError('fetch failed');
    if (fault?.kind === 'proxy-503') {
      call.status = seen.status = 503;
      return proxy503(fault.retryAfter);
    }
    let sent = request;
    if (fault?.kind === 'rewind') {
      const cursor = String(Math.max(0, Number(body.cursor ?? 0) - fault.by));
      const headers = new Headers(request.headers);
      headers.set('last-event-id', cursor);
      sent = new Request(request.url, { method: 'POST', headers, body: JSON.stringify({ ...body, cursor }), signal: request.signal });
    }
    const res = await into(sent);
    call.status = seen.status = res.status;
    call.retryAfter = res.headers.get('retry-after');
    if (fault?.kind === 'lost-answer') {
      await res.body?.cancel();
      seen.status = 503;
      return proxy503(fault.retryAfter);
    }
    return fault?.kind === 'cut' && res.body ? cutAfterFrames(res, fault.afterFrames, fault.mode ?? 'error') : res;
  };
  return { fetch: transport, streamCalls, requests };
}

/** The SSE body passed through until `n` logged frames, then half a frame and an error (or a clean end). */
function cutAfterFrames(res: Response, n: number, mode: 'error' | 'end'): Response {
  const upstream = res.body!.getReader();
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  let buffer = '';
  let logged = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const sep = buffer.indexOf('\n\n');
        if (sep >= 0) {
          const frame = buffer.slice(0, sep + 2);
          buffer = buffer.slice(sep + 2);
          if (/^id: /m.test(frame) && logged++ === n) {
            controller.enqueue(enc.encode(frame.slice(0, Math.ceil(frame.length / 2))));
            // the API sees the client leave, as with a real dropped connection
            await upstream.cancel();
            if (mode === 'end') controller.close();
            else controller.error(new TypeError('connection reset'));
            return;
          }
          controller.enqueue(enc.encode(frame));
          return;
        }
        const { value, done } = await upstream.read();
        if (done) {
          if (buffer) controller.enqueue(enc.encode(buffer));
          controller.close();
          return;
        }
        buffer += dec.decode(value, { stream: true });
      }
    },
    cancel: (reason) => upstream.cancel(reason),
  });
  return new Response(body, { status: res.status, headers: res.headers });
}

/** Connection options for the client's figma helpers. */
export function connection(key: string, transport: WorkerTransport, sleeps?: number[]) {
  return {
    baseUrl: BASE,
    apiKey: key,
    fetch: transport.fetch,
    // with `sleeps`, waits are recorded instead of slept: tests assert on what was asked
    ...(sleeps
      ? {
          sleep: (ms: number) => {
            sleeps.push(ms);
            return Promise.resolve();
          },
        }
      : {}),
  };
}

/** A job's whole log as the API holds it: a replay from cursor 0 (logged events only, as the client types them). */
export async function jobLog(key: string, jobId: string) {
  const events = await readSse(await api('/figma-context/stream', { method: 'POST', key, json: { job_id: jobId, cursor: '0' } }));
  return events.filter((e) => e.id !== null).map(({ id, event, data }) => ({ id, event, data }));
}
