// A local stand-in for the figma-context routes, for the client's tests: a scripted job whose event
// log grows as calls do work, cursor/Last-Event-ID replay, per-call time budgets, and faults on demand.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted page: `chunks` chunks of `componentsPerChunk` components each. */
export interface FakePage {
  id: string;
  name: string;
  chunks: number;
  componentsPerChunk: number;
}

/** How the n-th stream call misbehaves. */
export type StreamFault =
  /** after `afterFrames` logged frames, write half of the next one, then destroy the socket (or end cleanly) */
  | { kind: 'drop'; afterFrames: number; mode?: 'destroy' | 'end' }
  /** destroy the socket before answering: fetch itself fails */
  | { kind: 'refuse' }
  /** answer with an error envelope, e.g. 429 + Retry-After */
  | { kind: 'status'; status: 429 | 503; retryAfter?: string };

/** Script of the fake. */
export interface FakeFigmaApiOptions {
  pages?: FakePage[];
  /** K: chunks produced per stream call before it ends with progress + next_cursor. */
  chunksPerCall?: number;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Faults by stream call number (1-based); a function for faults on every call. */
  streamFaults?: Record<number, StreamFault> | ((call: number) => StreamFault | undefined);
  /** End the job with a terminal error event once this many chunks are out. */
  failWith?: { code: string; message: string; afterChunks: number };
  /** Replay this many events before the cursor too, as a sloppy server might: the client must drop them. */
  replayOverlap?: number;
  /** Faults by apply call number (1-based). */
  applyFaults?: Record<number, { status: 429 | 503; retryAfter?: string }>;
}

/** One logged event of a job (what the real API persists). */
export interface FakeLoggedEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** The default job: 3 pages of 3, 4 and 2 chunks, 5 components per chunk. */
export const DEFAULT_PAGES: FakePage[] = [
  { id: '1:1', name: 'Home', chunks: 3, componentsPerChunk: 5 },
  { id: '1:2', name: 'Checkout', chunks: 4, componentsPerChunk: 5 },
  { id: '1:3', name: 'Account', chunks: 2, componentsPerChunk: 5 },
];

interface Job {
  id: string;
  fileKey: string;
  nodeId: string | null;
  log: FakeLoggedEvent[];
  todo: { event: string; data: Record<string, unknown> }[];
  chunksDone: number;
  chunksTotal: number;
  /** Job-wide indexes of the last chunk of each page. */
  lastOfPage: Set<number>;
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeFigmaApi(options: FakeFigmaApiOptions = {}) {
  const pages = options.pages ?? DEFAULT_PAGES;
  const K = options.chunksPerCall ?? 4;
  const jobs = new Map<string, Job>();
  const streamCalls: { cursor: unknown; lastEventId: string | undefined; at: number }[] = [];
  const applyCalls: { body: Record<string, unknown>; idempotencyKey: string | undefined; status: number }[] = [];
  const applied = new Map<string, unknown>();
  let requests = 0;
  let keepalives = 0;

  const createJob = (fileKey = 'COGOSAMPLE0001', nodeId: string | null = null): Job => {
    const id = randomUUID();
    const chunksTotal = pages.reduce((n, p) => n + p.chunks, 0);
    const todo: Job['todo'] = [
      { event: 'ready', data: { job_id: id, file_key: fileKey, name: 'Storefront', chunks_total: chunksTotal, resumed_after: 0 } },
      { event: 'debug', data: { message: 'plan ready', pages: pages.length } },
    ];
    let chunkNo = 0;
    const lastOfPage = new Set<number>();
    for (const p of pages) {
      todo.push({ event: 'page.ready', data: { page_id: p.id, name: p.name, chunks: p.chunks } });
      for (let c = 0; c < p.chunks; c++) {
        if (options.failWith && chunkNo === options.failWith.afterChunks) break;
        const comps = Array.from({ length: p.componentsPerChunk }, (_, i) => ({ node_id: `${p.id}:c${c}-${i}`, name: `${p.name} ${c}.${i}`, type: 'FRAME' }));
        // chunk_index is the job-wide plan index, as the API sends it
        todo.push({ event: 'page.includes', data: { page_id: p.id, chunk_index: chunkNo, node_ids: comps.map((x) => x.node_id) } });
        todo.push({ event: 'page.chunk', data: { page_id: p.id, chunk_index: chunkNo, part: 0, parts: 1, context: { nodes: comps.length }, components: comps } });
        chunkNo++;
        if (c === p.chunks - 1) lastOfPage.add(chunkNo - 1);
      }
      if (options.failWith && chunkNo === options.failWith.afterChunks) break;
    }
    const fail = options.failWith;
    todo.push(
      fail
        ? { event: 'error', data: { error: { code: fail.code, message: fail.message, requestId: 'req-job' } } }
        : { event: 'done', data: { job_id: id, chunks_total: chunksTotal, counts: { pages: pages.length }, duration_ms: 1 } },
    );
    const job: Job = { id, fileKey, nodeId, log: [], todo, chunksDone: 0, chunksTotal, lastOfPage };
    jobs.set(id, job);
    return job;
  };

  const sendError = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: { code, message, requestId: `req-${requests}` } }));
  };

  const frame = (e: { id?: number; event: string; data: unknown }) => `${e.id === undefined ? '' : `id: ${e.id}\n`}event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;

  const stream = (job: Job, cursor: number, res: ServerResponse, fault: StreamFault | undefined) => {
    const from = Math.max(0, cursor - (options.replayOverlap ?? 0));
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    let written = 0;
    // false when the fault cut the connection: the event is logged but the client got half a frame
    const write = (e: FakeLoggedEvent): boolean => {
      const text = frame(e);
      if (fault?.kind === 'drop' && written === fault.afterFrames) {
        const half = text.slice(0, Math.ceil(text.length / 2));
        if (fault.mode === 'end') res.end(half);
        else res.write(half, () => res.socket?.destroy());
        return false;
      }
      res.write(text);
      written++;
      return true;
    };
    const keepalive = () => {
      keepalives++;
      res.write(frame({ event: 'keepalive', data: { at: new Date(0).toISOString() } }));
    };
    const ends = (e: FakeLoggedEvent) => e.event === 'done' || e.event === 'error' || (e.event === 'progress' && e.data.next_cursor !== null);

    for (const e of job.log.filter((x) => x.id > from)) {
      if (!write(e)) return;
      // an overlapped event is history the client holds: only a new one ends the call
      if (e.id > cursor && ends(e)) return void res.end();
    }
    keepalive();
    const append = (event: string, data: Record<string, unknown>) => {
      const e = { id: job.log.length + 1, event, data };
      job.log.push(e);
      return e;
    };
    let chunks = 0;
    for (;;) {
      const next = job.todo[0];
      if (!next) return void res.end();
      if (next.event === 'page.includes' && chunks === K) {
        const p = append('progress', { chunks_done: job.chunksDone, chunks_total: job.chunksTotal, next_cursor: String(job.log.length + 1) });
        if (write(p)) res.end();
        return;
      }
      job.todo.shift();
      const e = append(next.event, next.data);
      if (e.event === 'page.chunk') {
        chunks++;
        job.chunksDone++;
      }
      if (!write(e)) return;
      if (ends(e)) return void res.end();
      if (e.event === 'page.chunk') {
        keepalive();
        // a page's last chunk is followed by a plain progress event (no next_cursor)
        if (job.lastOfPage.has(Number(e.data.chunk_index))) {
          if (!write(append('progress', { chunks_done: job.chunksDone, chunks_total: job.chunksTotal, next_cursor: null }))) return;
        }
      }
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://fake');
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    let fault: StreamFault | undefined;
    if (url.pathname === '/figma-context/stream') {
      const call = streamCalls.push({ cursor: body.cursor, lastEventId: req.headers['last-event-id'] as string | undefined, at: performance.now() });
      fault = typeof options.streamFaults === 'function' ? options.streamFaults(call) : options.streamFaults?.[call];
      if (fault?.kind === 'refuse') return void req.socket.destroy();
      if (fault?.kind === 'status') {
        return sendError(res, fault.status, fault.status === 429 ? 'RATE_LIMITED' : 'SERVICE_UNAVAILABLE', 'slow down', fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter });
      }
    }
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) return sendError(res, 401, 'UNAUTHORIZED', 'missing or invalid API key');
    if (url.pathname === '/figma-context/start' && req.method === 'POST') {
      const fromUrl = typeof body.figma_url === 'string' ? /figma\.com\/(?:design|file)\/([A-Za-z0-9]+)/.exec(body.figma_url)?.[1] : undefined;
      const fileKey = fromUrl ?? (typeof body.file_key === 'string' ? body.file_key : undefined);
      if (!fileKey) return sendError(res, 400, 'VALIDATION_FAILED', 'give either figma_url or file_key');
      if (fileKey === 'MISSINGFILE0') return sendError(res, 404, 'NOT_FOUND', 'Figma file not found');
      const job = createJob(fileKey, typeof body.node_id === 'string' ? body.node_id : null);
      const plan = { pages: pages.map((p) => ({ id: p.id, name: p.name, frame_count: p.chunks })), chunks: job.chunksTotal, calls: Math.ceil(job.chunksTotal / K), node_count_estimate: 0 };
      res.writeHead(201, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ job_id: job.id, first_cursor: '0', file_key: fileKey, node_id: job.nodeId, plan }));
    }
    const job = jobs.get(String(body.job_id ?? url.searchParams.get('job_id')));
    if (url.pathname === '/figma-context/stream' && req.method === 'POST') {
      if (!job) return sendError(res, 404, 'NOT_FOUND', 'unknown job');
      const cursor = Number(body.cursor ?? req.headers['last-event-id'] ?? 0);
      return stream(job, cursor, res, fault);
    }
    if (url.pathname === '/figma-context/apply' && req.method === 'POST') {
      const key = req.headers['idempotency-key'] as string | undefined;
      const applyFault = options.applyFaults?.[applyCalls.length + 1];
      const components = ((body.page as { components?: unknown[] } | undefined)?.components ?? []).length;
      const status = applyFault ? applyFault.status : components > 300 ? 413 : 200;
      applyCalls.push({ body, idempotencyKey: key, status });
      if (applyFault) return sendError(res, applyFault.status, 'SERVICE_UNAVAILABLE', 'try again', applyFault.retryAfter === undefined ? {} : { 'retry-after': applyFault.retryAfter });
      if (status === 413) return sendError(res, 413, 'PAYLOAD_TOO_LARGE', 'at most 300 components per call');
      const batch = body.batch as { index: number; count: number } | undefined;
      const page = body.page as { node_id: string };
      const result = applied.get(key ?? '') ?? { page_id: `page-${page.node_id}`, inserted: components, updated: 0, deleted: !batch || batch.index === batch.count - 1 ? 1 : 0, unchanged: 0 };
      if (key) applied.set(key, result);
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(result));
    }
    if (url.pathname === '/figma-context/status' && req.method === 'GET' && job) {
      const last = job.log.at(-1);
      const status = last?.event === 'done' ? 'done' : last?.event === 'error' ? 'error' : job.log.length ? 'running' : 'pending';
      res.writeHead(200, { 'content-type': 'application/json' });
      const progress = { chunks_done: job.chunksDone, chunks_total: job.chunksTotal, last_event_id: job.log.length };
      const at = new Date(0).toISOString();
      return void res.end(JSON.stringify({ job_id: job.id, kind: 'figma', status, file_key: job.fileKey, node_id: job.nodeId, progress, counts: {}, last_error: null, created_at: at, updated_at: at }));
    }
    sendError(res, 404, 'NOT_FOUND', job ? 'no such route' : 'unknown job');
  };

  const server = createServer((req, res) => void handle(req, res).catch((err: unknown) => sendError(res, 500, 'INTERNAL', String(err))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    createJob,
    /** The job's log as the server holds it. */
    log: (jobId: string) => jobs.get(jobId)?.log ?? [],
    /** Distinct keys whose apply was actually performed. */
    appliedKeys: () => [...applied.keys()],
    /** Keepalive frames written so far (they carry no id). */
    keepalives: () => keepalives,
    streamCalls,
    applyCalls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The handle startFakeFigmaApi resolves to. */
export type FakeFigmaApi = Awaited<ReturnType<typeof startFakeFigmaApi>>;
