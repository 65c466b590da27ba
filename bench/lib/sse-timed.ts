/**
 * A POST whose `text/event-stream` answer is timed event by event, on the client's clock: when each event's frame
 * was complete (the first of each name, and the last), with every event's data kept. For latency benches that need
 * "time to the first X" and the body of the terminal event from one call.
 */
import { request, type Agent } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface TimedEvent {
  event: string;
  data: string;
  /** ms from sending the request to this event's frame being complete. */
  at: number;
}

export interface TimedStream {
  status: number;
  /** ms from sending the request to the end of the body. */
  totalMs: number;
  /** ms to the first byte of the body (NaN when it was empty). */
  firstByteMs: number;
  events: TimedEvent[];
  /** The first event of each name. */
  first: Map<string, TimedEvent>;
  /** The raw body when the answer was not SSE (an error envelope). */
  body: string;
}

/** POSTs `body` as JSON to `url` and times its SSE events; `unnamed`: the event name of frames without `event:` (OpenAI streams). */
export function postTimed(url: string, headers: Record<string, string>, body: unknown, agent: Agent, unnamed = 'message'): Promise<TimedStream> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const out: TimedStream = { status: 0, totalMs: 0, firstByteMs: Number.NaN, events: [], first: new Map(), body: '' };
    let buffer = '';
    const frame = (text: string, at: number) => {
      let event = unnamed;
      const data: string[] = [];
      for (const line of text.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length === 0) return; // a comment or a bare id
      const e = { event, data: data.join('\n'), at };
      out.events.push(e);
      if (!out.first.has(event)) out.first.set(event, e);
    };
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      out.status = res.statusCode ?? 0;
      const sse = String(res.headers['content-type'] ?? '').startsWith('text/event-stream');
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now() - started;
        if (Number.isNaN(out.firstByteMs)) out.firstByteMs = at;
        if (!sse) {
          out.body += chunk;
          return;
        }
        buffer += chunk.replaceAll('\r\n', '\n');
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          frame(buffer.slice(0, end), at);
          buffer = buffer.slice(end + 2);
        }
      });
      res.on('end', () => {
        out.totalMs = performance.now() - started;
        if (buffer.trim()) frame(buffer, out.totalMs);
        resolve(out);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
