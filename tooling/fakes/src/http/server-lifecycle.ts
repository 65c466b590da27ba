// Starting and stopping a node:http server on a loopback port; port 0 asks the OS for a free one.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningServer {
  server: Server;
  port: number;
  /** Origin such as http://127.0.0.1:5123 (IPv6 hosts are bracketed). */
  origin: string;
  close: () => Promise<void>;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Creates a server for `handler`, listens on host:port and resolves once it accepts connections. */
export async function listen(handler: RequestHandler, port = 0, host = '127.0.0.1'): Promise<ListeningServer> {
  const server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      // A bug in a fake must surface as a 500 the test can see, not as a hung request.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`fake crashed: ${err instanceof Error ? err.message : String(err)}`);
      } else {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    port: address.port,
    origin: `http://${hostPart}:${address.port}`,
    close: () => closeServer(server),
  };
}

/** Stops accepting connections and drops open ones (keep-alive sockets would otherwise hold close() forever). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
