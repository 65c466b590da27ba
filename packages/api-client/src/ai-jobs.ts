// Following an AI plugin job (rename-layers, generate-edits, generate-images) live: GET /api/jobs/{id}/events read
// to its terminal `done`, which carries the job as GET /api/jobs/{id} shows it. A dropped connection is resumed with
// Last-Event-ID from the last event held, so every logged event is yielded once, in order.
import { ArtifactMismatchError, fetchArtifactJson } from './artifacts';
import type { components } from './schema';
import { CogoApiError } from './errors';
import { defaultBackoffMs, defaultSleep, errorFromResponse, figmaHeaders, isRetryableStatus, retryAfterMs, send } from './figma-http';
import type { FigmaConnection } from './figma-types';
import { readFrames, type FramesEnd } from './sse';

export type AiJob = components['schemas']['AiJob'];
export type AiJobConnection = FigmaConnection;

/** One logged event of the job: `job.queued`, `job.started`, `job.progress`, `job.retrying`, `job.completed` … */
export interface AiJobEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

export interface StreamAiJobOptions {
  jobId: string;
  /** Seq of the last event already held (0, the default: from the start). */
  lastEventId?: number;
  /** Consecutive failed connections (drops, network errors, 429/503) tolerated before giving up. Default 10. */
  maxReconnects?: number;
}

/** The job's events until it ends; resolves to the job as it ended (the stream's `done`). */
export async function* streamAiJob(conn: AiJobConnection, options: StreamAiJobOptions): AsyncGenerator<AiJobEvent, AiJob, undefined> {
  const url = `${conn.baseUrl.replace(/\/+$/, '')}/api/jobs/${encodeURIComponent(options.jobId)}/events`;
  const sleep = conn.sleep ?? defaultSleep;
  const maxReconnects = options.maxReconnects ?? 10;
  let last = options.lastEventId ?? 0;
  let failures = 0;
  const failed = async (error: unknown, waitMs: number | null) => {
    if (++failures > maxReconnects) {
      if (error instanceof CogoApiError) throw error;
      throw new Error(`events of job ${options.jobId} failed ${failures} times in a row (last: ${error instanceof Error ? error.message : String(error)}); resume after event ${last}`, { cause: error });
    }
    await sleep(waitMs ?? defaultBackoffMs(failures), conn.signal);
  };

  for (;;) {
    conn.signal?.throwIfAborted();
    let res: Response;
    try {
      res = await send(conn, url, { headers: figmaHeaders(conn, { accept: 'text/event-stream', ...(last > 0 ? { 'last-event-id': String(last) } : {}) }) });
    } catch (err) {
      if (conn.signal?.aborted) throw err;
      await failed(err, null);
      continue;
    }
    if (isRetryableStatus(res.status)) {
      await failed(await errorFromResponse(res), retryAfterMs(res.headers.get('retry-after')));
      continue;
    }
    if (!res.ok) throw await errorFromResponse(res);
    if (!res.body) {
      await failed(new Error('events answer had no body'), null);
      continue;
    }
    const end: FramesEnd = { failed: false };
    for await (const frame of readFrames(res.body, conn.signal, end)) {
      if (frame.event === 'done') return JSON.parse(frame.data) as AiJob;
      const id = frame.idInherited || !/^\d{1,9}$/.test(frame.id ?? '') ? null : Number(frame.id);
      // a replay after a reconnect may overlap what we hold; unlogged frames (keepalives) carry no news
      if (id === null || id <= last) continue;
      last = id;
      failures = 0;
      yield { id, event: frame.event, data: JSON.parse(frame.data) as Record<string, unknown> };
    }
    await failed(end.failed ? end.cause : new Error('events ended before done'), null);
  }
}

/**
 * The job's result: inline, or — a finished job's result over ARTIFACT_INLINE_MAX_BYTES — fetched from the artifact
 * `result_artifact` points at (checked against its sha256). Null while there is none.
 */
export async function aiJobResult(conn: AiJobConnection, job: Pick<AiJob, 'result' | 'result_artifact'>): Promise<Record<string, unknown> | null> {
  if (job.result || !job.result_artifact) return job.result;
  const value = await fetchArtifactJson(conn, job.result_artifact);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ArtifactMismatchError(job.result_artifact.artifact_id, `artifact ${job.result_artifact.artifact_id} holds no job result`);
  return value as Record<string, unknown>;
}
