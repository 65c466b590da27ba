// Starting a figma extraction job and reading its status.
import { requestJson } from './figma-http';
import type { FigmaConnection, FigmaJobStatus, StartFigmaJobRequest, StartFigmaJobResponse } from './figma-types';

/** POST /figma-context/start: plans the extraction and returns the job id and its first cursor. */
export function startFigmaJob(conn: FigmaConnection, body: StartFigmaJobRequest): Promise<StartFigmaJobResponse> {
  // no retries: start is not idempotent, a repeated call would create a second job
  return requestJson<StartFigmaJobResponse>(conn, { method: 'POST', path: '/start', body });
}

/** GET /figma-context/status: the job's state, progress and counts (retried on 429/503: it is a read). */
export function getFigmaJobStatus(conn: FigmaConnection, jobId: string): Promise<FigmaJobStatus> {
  return requestJson<FigmaJobStatus>(conn, { method: 'GET', path: `/status?job_id=${encodeURIComponent(jobId)}`, retries: 2 });
}
