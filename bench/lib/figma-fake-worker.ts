/**
 * Worker-thread entry for bench/figma-context.ts: loads the files, starts the Figma fake (@cogo/fakes) and
 * reports what serving costs. The fake runs in this worker so that its heap (the whole files, the node
 * index, the cached response bodies) is kept apart from the pipeline's heap measured on the main thread;
 * it is still the same process (and, on a 2-core machine, it competes for the same CPUs).
 *
 * Protocol (parentPort):
 *   → { type: 'ready', url, files: FakeFileInfo[], heap } | { type: 'error', message }
 *   ← { type: 'mark' }  → { type: 'mark', busyMs, requests, serveMs }  (cumulative since start)
 *   ← { type: 'close' } → { type: 'closed' }
 */
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { SAMPLE_FILE_KEY, countNodes, generateLargeFile, sampleFiles, serializeJsonChunks, startFigmaFake } from '@cogo/fakes';
import { wrapNodes, type FakeFile } from './fixture-files';


export interface FakeFixture {
  key: string;
  label: string;
  path: string;
  kind: 'files' | 'nodes';
}

export interface FakeWorkerData {
  fixtures: FakeFixture[];
  large: { key: string; nodes: number; seed: number } | null;
}

export interface FakeFileInfo {
  key: string;
  label: string;
  /** Bytes of the fixture on disk, or of the generated file serialised as the fake would send it. */
  rawBytes: number;
  /** Nodes of the served document (DOCUMENT, pages and the wrapper of a nodes fixture included). */
  nodes: number;
  kind: 'files' | 'nodes' | 'sample' | 'generated';
  /** ms to build the file in the worker (generated files only). */
  buildMs?: number;
}

export type FromWorker =
  | { type: 'ready'; url: string; files: FakeFileInfo[]; heap: { heapUsed: number; arrayBuffers: number } }
  | { type: 'error'; message: string }
  | { type: 'mark'; busyMs: number; requests: number; serveMs: number }
  | { type: 'closed' };

export type ToWorker = { type: 'mark' } | { type: 'close' };

function post(msg: FromWorker): void {
  parentPort?.postMessage(msg);
}

function servedBytes(file: FakeFile): number {
  let n = 0;
  for (const b of serializeJsonChunks(file)) n += b.length;
  return n;
}

async function main(): Promise<void> {
  const data = workerData as FakeWorkerData;
  const files: Record<string, FakeFile> = {};
  const infos: FakeFileInfo[] = [];
  for (const f of data.fixtures) {
    const text = readFileSync(f.path, 'utf8');
    const parsed = JSON.parse(text) as unknown;
    const file = f.kind === 'files' ? (parsed as FakeFile) : wrapNodes(parsed as Parameters<typeof wrapNodes>[0]);
    files[f.key] = file;
    infos.push({ key: f.key, label: f.label, rawBytes: Buffer.byteLength(text), nodes: countNodes(file).total, kind: f.kind });
  }
  const sample = sampleFiles()[SAMPLE_FILE_KEY];
  if (sample !== undefined) {
    infos.push({ key: SAMPLE_FILE_KEY, label: `${SAMPLE_FILE_KEY} (sample)`, rawBytes: servedBytes(sample), nodes: countNodes(sample).total, kind: 'sample' });
  }
  if (data.large !== null) {
    const t0 = performance.now();
    const large = generateLargeFile({ nodes: data.large.nodes, seed: data.large.seed });
    const buildMs = performance.now() - t0;
    files[data.large.key] = large;
    infos.push({ key: data.large.key, label: `generated ${data.large.nodes} (seed ${data.large.seed})`, rawBytes: servedBytes(large), nodes: countNodes(large).total, kind: 'generated', buildMs });
  }

  const fake = await startFigmaFake({ files, includeSamples: true });

  // Build every file's node index now (a nodes request for an id no file has), so the first timed request
  // does not pay for the fake's one-off indexing.
  for (const info of infos) {
    await (await fetch(`${fake.url}/v1/files/${encodeURIComponent(info.key)}/nodes?ids=bench%3Awarm`)).arrayBuffer();
  }

  // Per request: from the server seeing it to the response's last byte handed to the socket.
  const started = new WeakMap<IncomingMessage, number>();
  let requests = 0;
  let serveMs = 0;
  subscribe('http.server.request.start', (m) => {
    started.set((m as { request: IncomingMessage }).request, performance.now());
  });
  subscribe('http.server.response.finish', (m) => {
    const t = started.get((m as { request: IncomingMessage }).request);
    if (t === undefined) return;
    requests++;
    serveMs += performance.now() - t;
  });
  const elu0 = performance.eventLoopUtilization();

  parentPort?.on('message', (msg: ToWorker) => {
    if (msg.type === 'mark') {
      post({ type: 'mark', busyMs: performance.eventLoopUtilization(elu0).active, requests, serveMs });
    } else if (msg.type === 'close') {
      void fake.close().finally(() => post({ type: 'closed' }));
    }
  });
  const m = process.memoryUsage();
  post({ type: 'ready', url: fake.url, files: infos, heap: { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers } });
}

main().catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
