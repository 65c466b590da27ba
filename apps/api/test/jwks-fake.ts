// A JWKS server for the workerd tests (Node side, loopback only). Each test uses its own key set
// under a random name, so counts never mix:
//   PUT /<set>/jwks.json  {"keys":[…]}  (?delay_ms=N makes every GET of the set answer after N ms)
//   GET /<set>/jwks.json  the set, counted          GET /<set>/count  {"fetches":N}
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JwksFake {
  url: string;
  /** A loopback URL nothing listens on: the JWKS server "down". */
  downUrl: string;
  close: () => Promise<void>;
}

interface KeySet {
  body: string;
  delayMs: number;
  fetches: number;
}

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Starts the JWKS fake, and finds a free loopback port for the "down" URL. */
export async function startJwksFake(): Promise<JwksFake> {
  const sets = new Map<string, KeySet>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, name, leaf] = url.pathname.split('/');
    const set = name ? sets.get(name) : undefined;
    if (req.method === 'PUT' && name && leaf === 'jwks.json') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        sets.set(name, { body, delayMs: Number(url.searchParams.get('delay_ms') ?? 0), fetches: set?.fetches ?? 0 });
        res.writeHead(204).end();
      });
      return;
    }
    if (req.method === 'GET' && set && leaf === 'count') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ fetches: set.fetches }));
      return;
    }
    if (req.method === 'GET' && set && leaf === 'jwks.json') {
      set.fetches++;
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(set.body), set.delayMs);
      return;
    }
    res.writeHead(404).end();
  });
  const port = await listen(server);
  // a port that was free a moment ago and is closed again: connections to it are refused
  const probe = createServer();
  const downPort = await listen(probe);
  await close(probe);
  return { url: `http://127.0.0.1:${port}`, downUrl: `http://127.0.0.1:${downPort}/jwks.json`, close: () => close(server) };
}
