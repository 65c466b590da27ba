// A minimal Chrome DevTools Protocol client over one WebSocket (flat sessions: Target.attachToTarget with flatten),
// what browser test sessions need and nothing more. Locally the socket is a Chromium's DevTools endpoint; in
// production Cloudflare Browser Rendering's (driver.ts) — the protocol is the same.

export type CdpEvent = { method: string; params: Record<string, unknown>; sessionId?: string };

export class CdpError extends Error {
  override name = 'CdpError';
}

export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(e: CdpEvent) => void>();
  private closed: Error | null = null;

  constructor(private readonly ws: WebSocket) {
    ws.addEventListener('message', (ev) => this.receive(typeof ev.data === 'string' ? ev.data : new TextDecoder().decode(ev.data as ArrayBuffer)));
    ws.addEventListener('close', () => this.fail(new CdpError('the browser closed the connection')));
    ws.addEventListener('error', () => this.fail(new CdpError('the browser connection failed')));
  }

  private receive(data: string) {
    let msg: { id?: number; result?: Record<string, unknown>; error?: { message?: string }; method?: string; params?: Record<string, unknown>; sessionId?: string };
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof msg.id === 'number') {
      const waiter = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) waiter?.reject(new CdpError(msg.error.message ?? 'CDP error'));
      else waiter?.resolve(msg.result ?? {});
      return;
    }
    if (msg.method) for (const fn of this.listeners) fn({ method: msg.method, params: msg.params ?? {}, ...(msg.sessionId ? { sessionId: msg.sessionId } : {}) });
  }

  private fail(err: Error) {
    if (this.closed) return;
    this.closed = err;
    for (const w of this.pending.values()) w.reject(err);
    this.pending.clear();
  }

  /** Sends a command (to a page's session when given); resolves with its result. */
  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: Record<string, unknown>) => void, reject });
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** Listens to events; answers the function that stops listening. */
  on(fn: (e: CdpEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  close() {
    this.fail(new CdpError('closed'));
    try {
      this.ws.close(1000, 'done');
    } catch {
      // already closed
    }
  }
}

/** Opens a CDP connection over `fetch` with an Upgrade (workerd's way to open an outbound WebSocket). */
export async function connectCdp(httpUrl: string, fetcher?: { fetch: typeof fetch }): Promise<CdpConnection> {
  const init = { headers: { Upgrade: 'websocket' } };
  // the global fetch must be called unbound in workerd ("Illegal invocation" otherwise)
  const res = fetcher ? await fetcher.fetch(httpUrl, init) : await fetch(httpUrl, init);
  const ws = (res as Response & { webSocket?: WebSocket | null }).webSocket;
  if (!ws) throw new CdpError(`the browser did not accept a WebSocket (HTTP ${res.status})`);
  ws.accept();
  return new CdpConnection(ws);
}
