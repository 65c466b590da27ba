// A job's whole compact context through GET /figma-context/context, one page (≤ max_bytes) at a time.
import { requestJson } from './figma-http';
import type { FigmaConnection } from './figma-types';

/** `text`: the indented lines of toText; `json`: toJson of the merged context. */
export type FigmaContextFormat = 'text' | 'json';

/** One page of GET /figma-context/context (mirrors FigmaContextPageSchema in @cogo/types). */
export interface FigmaContextPage {
  job_id: string;
  format: FigmaContextFormat;
  job_status: 'pending' | 'running' | 'done' | 'error' | 'cancelled';
  /** True unless the job is done: the pages hold what was logged up to through_event_id. */
  partial: boolean;
  through_event_id: number;
  /** This page; a sequence's pages concatenated are the whole rendering. */
  content: string;
  bytes: number;
  next_cursor: string | null;
}

/** Which page: a job's first (jobId) or the one a cursor names (it names its job and format too). */
export interface FigmaContextPageRequest {
  jobId?: string;
  cursor?: string;
  format?: FigmaContextFormat;
  /** UTF-8 bytes of content per page: 1024 to 4 MiB (the API's default: 256 KiB). */
  maxBytes?: number;
}

/** GET /figma-context/context: one page (retried on 429/503: it is a read). */
export function getFigmaContextPage(conn: FigmaConnection, req: FigmaContextPageRequest): Promise<FigmaContextPage> {
  const q = new URLSearchParams();
  if (req.jobId !== undefined) q.set('job_id', req.jobId);
  if (req.cursor !== undefined) q.set('cursor', req.cursor);
  if (req.format !== undefined) q.set('format', req.format);
  if (req.maxBytes !== undefined) q.set('max_bytes', String(req.maxBytes));
  return requestJson<FigmaContextPage>(conn, { method: 'GET', path: `/context?${q}`, retries: 2 });
}

/** Every page from the request's on, in order, until next_cursor is null. */
export async function* readFigmaContext(conn: FigmaConnection, req: FigmaContextPageRequest): AsyncGenerator<FigmaContextPage, void, undefined> {
  let page = await getFigmaContextPage(conn, req);
  yield page;
  while (page.next_cursor !== null) {
    page = await getFigmaContextPage(conn, { cursor: page.next_cursor, ...(req.maxBytes !== undefined ? { maxBytes: req.maxBytes } : {}) });
    yield page;
  }
}
