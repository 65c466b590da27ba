/**
 * The RSS peer of `bench load`: a hello-world Worker (one JSON answer, no bindings) under the same `wrangler dev`,
 * the same environment (heap cap, local observability) and the same number of requests from the same number of
 * keep-alive clients. What its workerd keeps after the load is the runtime's share of the API's figure: workerd's
 * allocator and V8 keep pages they once used, whatever the Worker does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tooling/devstack/src/ports';
import { startWranglerDev, waitHealthy } from '../../tooling/devstack/src/wrangler';
import { findWorkerd, rssOf } from './rss';

export interface PeerRss {
  requests: number;
  seconds: number;
  /** MiB: idle before the load, at its end, and `settleS` seconds later */
  idle: number;
  end: number;
  settled: number;
}

const WORKER = `export default {
  async fetch(request) {
    return Response.json({ ok: true, path: new URL(request.url).pathname, at: Date.now() });
  },
};
`;

/** `get(base, path)` is the bench's own client: the peer is called exactly as the API was. */
export async function helloWorldRss(options: {
  requests: number;
  clients: number;
  settleS: number;
  maxHeapMiB?: number;
  get: (base: string, path: string) => Promise<unknown>;
}): Promise<PeerRss> {
  const dir = mkdtempSync(join(tmpdir(), 'cogo-hello-peer-'));
  writeFileSync(join(dir, 'index.js'), WORKER);
  const config = join(dir, 'wrangler.json');
  writeFileSync(config, JSON.stringify({ name: 'hello-peer', main: join(dir, 'index.js'), compatibility_date: '2025-09-01' }));
  const port = await freePort();
  const dev = startWranglerDev({ config, port, vars: {}, stateDir: dir, ...(options.maxHeapMiB ? { maxHeapMiB: options.maxHeapMiB } : {}) });
  try {
    await waitHealthy(dev.url, dev.child);
    const worker = findWorkerd(dev.child.pid!, port).find((w) => w.role === 'worker');
    if (!worker) throw new Error('the peer’s workerd process was not found');
    const rss = () => rssOf(worker.pid)?.rss ?? Number.NaN;
    const idle = rss();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        while (next < options.requests) await options.get(dev.url, `/peer/${next++}`);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const end = rss();
    await new Promise((r) => setTimeout(r, options.settleS * 1000));
    return { requests: next, seconds, idle, end, settled: rss() };
  } finally {
    await dev.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
