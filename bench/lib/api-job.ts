/**
 * One figma-context job through the public API, as `cogo extract` runs it: POST /figma-context/start, then
 * stream calls read to their end, each continuing from the call's closing `next_cursor`, until `done`/`error`.
 * Records what start answered (cache, forecast) and when the first `page.chunk` arrived.
 */
import { performance } from 'node:perf_hooks';
import { parseSse } from '../../packages/api-client/src/sse';

export interface StartAnswer {
  job_id?: string;
  cache?: string;
  file_version?: string | null;
  plan?: { chunks: number; figma_calls?: { tier1: number; tier2: number }; estimated_seconds?: number };
  error?: { code: string; message: string };
}

export interface ApiJobRun {
  start: StartAnswer;
  /** start request sent → its answer received. */
  startMs: number;
  /** start request sent → first page.chunk event received (NaN without one). */
  firstChunkMs: number;
  /** start request sent → done/error received (or the stop after the first chunk). */
  totalMs: number;
  streamCalls: number;
  chunks: number;
  terminal: string;
}

export interface ApiJobOptions {
  fileKey: string;
  /** Stop reading at the first page.chunk and cancel the job (latency runs). */
  untilFirstChunk?: boolean;
  /** Sees every event as it arrives (sizes, parts). */
  onEvent?: (event: string, data: string) => void;
}

/** Runs one job; never throws for an API error (terminal says what ended it). */
export async function runApiJob(url: string, apiKey: string, options: ApiJobOptions): Promise<ApiJobRun> {
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const t0 = performance.now();
  const res = await fetch(`${url}/figma-context/start`, { method: 'POST', headers, body: JSON.stringify({ file_key: options.fileKey }) });
  const start = (await res.json()) as StartAnswer;
  const out: ApiJobRun = { start, startMs: performance.now() - t0, firstChunkMs: Number.NaN, totalMs: 0, streamCalls: 0, chunks: 0, terminal: '' };
  if (!start.job_id) {
    out.terminal = `start ${res.status} ${start.error?.code ?? ''}`;
    out.totalMs = performance.now() - t0;
    return out;
  }
  let cursor = '0';
  while (!out.terminal && out.streamCalls < 1000) {
    out.streamCalls++;
    const abort = new AbortController();
    const stream = await fetch(`${url}/figma-context/stream`, { method: 'POST', headers, body: JSON.stringify({ job_id: start.job_id, cursor }), signal: abort.signal });
    if (!stream.ok || !stream.body) {
      out.terminal = `stream ${stream.status}`;
      break;
    }
    let next: string | null = null;
    try {
      for await (const frame of parseSse(stream.body)) {
        if (frame.id && !frame.idInherited) cursor = frame.id;
        options.onEvent?.(frame.event, frame.data);
        if (frame.event === 'page.chunk') {
          out.chunks++;
          if (Number.isNaN(out.firstChunkMs)) out.firstChunkMs = performance.now() - t0;
          if (options.untilFirstChunk) out.terminal = 'first page.chunk';
        }
        if (frame.event === 'progress') next = (JSON.parse(frame.data) as { next_cursor?: string | null }).next_cursor ?? next;
        if (frame.event === 'done' || frame.event === 'error') out.terminal = frame.event === 'error' ? `error ${frame.data.slice(0, 200)}` : 'done';
        if (out.terminal) break;
      }
    } finally {
      abort.abort();
    }
    if (next) cursor = next;
  }
  out.totalMs = performance.now() - t0;
  if (options.untilFirstChunk) {
    // the rest of the job is not wanted: stop its producer
    await fetch(`${url}/figma-context/cancel`, { method: 'POST', headers, body: JSON.stringify({ job_id: start.job_id }) }).then((r) => r.arrayBuffer()).catch(() => undefined);
  }
  return out;
}
