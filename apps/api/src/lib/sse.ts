// The one SSE helper (STYLE §5): frames per the WHATWG event-stream format, a heartbeat, and the
// producer aborted when the client goes away. Ids come from the caller's log (monotonic), so a
// client resumes with Last-Event-ID; keepalives carry no id and never move the cursor.

export interface SseFrame {
  id?: number;
  event: string;
  /** JSON text */
  data: string;
}

export interface SseSink {
  /** Writes one frame; false once the client is gone. */
  send(frame: SseFrame): Promise<boolean>;
  /** Writes a frame encoded by encodeFrame() (shared by several streams: never written into); false once the client is gone. */
  sendEncoded(frame: Uint8Array): Promise<boolean>;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
}

const enc = new TextEncoder();

/** Encodes one frame; multi-line data becomes several `data:` lines. */
export function encodeFrame(frame: SseFrame): Uint8Array {
  let out = '';
  if (frame.id !== undefined) out += `id: ${frame.id}\n`;
  out += `event: ${frame.event}\n`;
  for (const line of frame.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return enc.encode(`${out}\n`);
}

export interface SseOptions {
  /** Milliseconds between keepalive events (default 5000). */
  keepaliveMs?: number;
  /** The request's signal: the producer is aborted when it fires. */
  requestSignal?: AbortSignal;
  /** Called with whatever the producer throws after the stream started (it cannot answer 500 any more). */
  onError?: (err: unknown) => void;
  headers?: Record<string, string>;
}

/** A `text/event-stream` response fed by `producer`; the stream closes when it returns. */
export function sseResponse(producer: (sink: SseSink) => Promise<void>, options: SseOptions = {}): { response: Response; done: Promise<void> } {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const abort = new AbortController();
  if (options.requestSignal) {
    if (options.requestSignal.aborted) abort.abort();
    else options.requestSignal.addEventListener('abort', () => abort.abort(), { once: true });
  }
  let open = true;
  let queue = Promise.resolve(true);
  const write = (bytes: Uint8Array): Promise<boolean> => {
    queue = queue.then(async () => {
      if (!open) return false;
      try {
        await writer.write(bytes);
        return true;
      } catch {
        open = false;
        abort.abort();
        return false;
      }
    });
    return queue;
  };
  const keepalive = setInterval(() => {
    void write(encodeFrame({ event: 'keepalive', data: JSON.stringify({ at: new Date().toISOString() }) }));
  }, options.keepaliveMs ?? 5_000);
  const done = (async () => {
    try {
      await producer({ send: (frame) => write(encodeFrame(frame)), sendEncoded: write, signal: abort.signal });
    } catch (err) {
      options.onError?.(err);
    } finally {
      clearInterval(keepalive);
      await queue;
      open = false;
      await writer.close().catch(() => {});
    }
  })();
  const response = new Response(readable, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      ...options.headers,
    },
  });
  return { response, done };
}
