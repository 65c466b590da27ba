// A WebSocket→TCP proxy speaking the Neon driver's wsproxy protocol: the client opens
// ws://proxy/v1?address=host:port and every binary frame is piped to that TCP socket and back. Like Neon's own
// proxy it also answers SQL over HTTP at `POST /sql` (sql-http.ts). Local dev and tests only; it listens on loopback.
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { sqlOverHttp, type SqlBackend } from './sql-http';
import { ws as wsModule } from './ws';

export interface WsProxy {
  /** host:port to give the Neon driver as `wsProxy`. */
  address: string;
  port: number;
  close: () => Promise<void>;
}

export interface WsProxyOptions {
  port?: number;
  host?: string;
  /** Hosts the proxy may connect to (default: loopback only). */
  allowHosts?: string[];
  /** `/sql` backends of databases in this process, by host:port (the embedded one); others are reached with pg. */
  sqlBackends?: Map<string, SqlBackend>;
}

function targetOf(req: IncomingMessage): { host: string; port: number } | null {
  const url = new URL(req.url ?? '/', 'http://proxy');
  const address = url.searchParams.get('address');
  if (!address) return null;
  const at = address.lastIndexOf(':');
  const host = address.slice(0, at);
  const port = Number(address.slice(at + 1));
  if (!host || !Number.isInteger(port) || port <= 0) return null;
  return { host, port };
}

/** Starts the proxy; resolves once it listens. */
export async function startWsProxy(options: WsProxyOptions = {}): Promise<WsProxy> {
  const allow = new Set(options.allowHosts ?? ['127.0.0.1', 'localhost', '::1']);
  const sockets = new Set<Socket>();
  const sql = sqlOverHttp(allow, options.sqlBackends);
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.split('?')[0] === '/sql') return sql.handle(req, res);
    res.writeHead(426, { 'content-type': 'text/plain' }).end('websocket upgrade required\n');
  });
  const wss = new wsModule.WebSocketServer({ server });

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const target = targetOf(req);
    if (!target || !allow.has(target.host)) {
      ws.close(1008, target ? `host ${target.host} not allowed` : 'missing ?address=host:port');
      return;
    }
    const tcp = connect(target.port, target.host);
    sockets.add(tcp);
    tcp.setNoDelay(true);
    const pending: Buffer[] = [];
    let open = false;
    const closeBoth = () => {
      tcp.destroy();
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.terminate();
      sockets.delete(tcp);
    };
    tcp.on('connect', () => {
      open = true;
      for (const chunk of pending.splice(0)) tcp.write(chunk);
    });
    tcp.on('data', (chunk) => {
      if (ws.readyState === ws.OPEN) ws.send(chunk);
    });
    tcp.on('error', closeBoth);
    tcp.on('close', closeBoth);
    ws.on('message', (data: Buffer) => {
      if (open) tcp.write(data);
      else pending.push(data);
    });
    ws.on('error', closeBoth);
    ws.on('close', closeBoth);
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    address: `${host}:${port}`,
    port,
    close: async () => {
      for (const s of sockets) s.destroy();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await sql.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
