// The sample Storybook build, served on loopback for `./cogo dev`, the Worker tests and the benches: `/index.json`
// is the sample index of @cogo/design-sync (one source of truth with the registry tests), `/iframe.html?id=…`
// renders a story from the static files beside this folder (storybook-sample/), `/` lists the stories;
// `/manifests/components.json` is its Storybook 10 components manifest, `/docgen.json` and `/code-connect.json`
// the sample's react-docgen-typescript props and Code Connect mappings; under `/storybook-10/` the same build as
// Storybook 10 publishes it by itself (no docgen.json or code-connect.json beside it).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sampleCodeConnect, sampleComponentsManifest, sampleDocgen, sampleStorybookIndex } from '@cogo/design-sync/samples';

const DIR = fileURLToPath(new URL('../storybook-sample/', import.meta.url));
const FILES: Record<string, string> = { '/iframe.html': 'text/html; charset=utf-8', '/stories.js': 'text/javascript; charset=utf-8', '/stories.css': 'text/css; charset=utf-8' };

export interface SampleStorybook {
  /** e.g. http://127.0.0.1:6006 */
  url: string;
  close: () => Promise<void>;
}

/** Starts the sample Storybook on 127.0.0.1 (`port` 0: any free port). */
export async function startSampleStorybook(port = 0): Promise<SampleStorybook> {
  const index = JSON.stringify(sampleStorybookIndex);
  const server: Server = createServer((req, res) => {
    const full = new URL(req.url ?? '/', 'http://x').pathname;
    const plain = full.startsWith('/storybook-10/');
    const path = plain ? full.slice('/storybook-10'.length) : full;
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed');
    if (path === '/index.json') return send(200, 'application/json', index);
    if (path === '/manifests/components.json') return send(200, 'application/json', JSON.stringify(sampleComponentsManifest));
    if (plain && (path === '/docgen.json' || path === '/code-connect.json')) return send(404, 'text/plain', 'not found');
    // what a build step publishes beside the build for COGO: the components' props and their Code Connect mappings
    if (path === '/docgen.json') return send(200, 'application/json', JSON.stringify(sampleDocgen));
    if (path === '/code-connect.json') return send(200, 'application/json', JSON.stringify(sampleCodeConnect));
    const type = FILES[path];
    if (type) return send(200, type, readFileSync(`${DIR}${path.slice(1)}`));
    if (path === '/' || path === '/index.html') {
      const links = Object.values(sampleStorybookIndex.entries)
        .filter((e) => e.type === 'story')
        .map((e) => `<li><a href="iframe.html?id=${e.id}&amp;viewMode=story">${e.title} / ${e.name}</a></li>`)
        .join('');
      return send(200, 'text/html; charset=utf-8', `<!doctype html><title>COGO sample Storybook</title><h1>COGO sample Storybook</h1><ul>${links}</ul>`);
    }
    send(404, 'text/plain', 'not found');
  });
  const listen = (p: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => resolve());
    });
  // the asked port (Storybook's usual 6006 for `./cogo dev`), else any free one
  await listen(port).catch(() => listen(0));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
