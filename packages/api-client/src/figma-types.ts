// Local mirror of the figma-context contract (packages/types/src/figma-context.ts). The figma routes
// are not in schema.d.ts yet and @cogo/types is not a runtime dependency of this package, so the
// few shapes the client needs are restated here; keep them in step with the contract.
import type { ErrorEnvelope } from './errors';

/** The contract's per-apply limit: larger pages are split into batches of at most this many. */
export const FIGMA_MAX_COMPONENTS_PER_APPLY = 300;

/** Where and how to reach the API; shared by every figma helper. */
export interface FigmaConnection {
  /** e.g. http://127.0.0.1:8787 */
  baseUrl: string;
  /** Project API key, sent as `Authorization: Bearer`. */
  apiKey?: string;
  /** Custom fetch (tests, proxies); defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Cancels in-flight requests and waits. */
  signal?: AbortSignal;
  /** Waits between retries; injectable so tests need not sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Body of POST /figma-context/start: a Figma URL, or a file key with an optional node id. */
export type StartFigmaJobRequest = (
  | { figma_url: string; file_key?: never; node_id?: string }
  | { file_key: string; figma_url?: never; node_id?: string }
) & { options?: { max_ids_per_call?: number; max_nodes_per_chunk?: number } };

/** The extraction plan returned by start. */
export interface FigmaPlan {
  pages: { id: string; name: string; frame_count: number }[];
  chunks: number;
  calls: number;
  node_count_estimate: number;
  /** Figma calls the job makes by endpoint tier, after the version cache. */
  figma_calls: { tier1: number; tier2: number };
  /** How long the job's Figma calls wait for the token's budget. */
  estimated_seconds: number;
}

/** 201 answer of POST /figma-context/start. */
export interface StartFigmaJobResponse {
  job_id: string;
  first_cursor: string;
  file_key: string;
  node_id: string | null;
  plan: FigmaPlan;
  /** Where the job's Figma answers come from: the version cache (hit), partly (partial), Figma (miss), or no cache (bypass, off). */
  cache: 'hit' | 'partial' | 'miss' | 'bypass' | 'off';
  file_version: string | null;
  cache_note: string | null;
}

/** Answer of GET /figma-context/status. */
export interface FigmaJobStatus {
  job_id: string;
  kind: string;
  status: 'pending' | 'running' | 'done' | 'error' | 'cancelled';
  file_key: string | null;
  node_id: string | null;
  progress: { chunks_done: number; chunks_total: number; last_event_id: number };
  counts: Record<string, number>;
  last_error: { code: string; message: string } | null;
  created_at: string;
  updated_at: string;
}

/** One component or frame, ready for /figma-context/apply. */
export interface ApplyComponent {
  node_id: string;
  name: string;
  type: string;
  props?: Record<string, unknown>;
}

/** A page to apply: its Figma node id, name and every component on it. */
export interface ApplyPage {
  node_id: string;
  name: string;
  components: ApplyComponent[];
}

/** Answer of POST /figma-context/apply. */
export interface ApplyResult {
  page_id: string;
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** Data of each SSE event of /figma-context/stream, by event name. */
export interface FigmaStreamEventData {
  ready: { job_id: string; file_key: string; name: string | null; chunks_total: number; resumed_after: number };
  /** One per planned page, in plan order; `chunks: 0` for an empty page. */
  'page.ready': { page_id: string; name: string; chunks: number };
  'page.includes': { page_id: string; chunk_index: number; node_ids: string[] };
  'page.chunk': {
    page_id: string;
    chunk_index: number;
    part: number;
    parts: number;
    context: Record<string, unknown>;
    components: ApplyComponent[];
  };
  /** `next_cursor` is null but on a call's closing progress (no id of its own): resume there once the call ends. */
  progress: { chunks_done: number; chunks_total: number; next_cursor: string | null };
  debug: { message: string; [key: string]: unknown };
  keepalive: { at: string };
  /** `counts.pages` counts every planned page, `counts.empty_pages` those with no chunk. */
  done: { job_id: string; chunks_total: number; counts: Record<string, number>; duration_ms: number };
  error: ErrorEnvelope;
}

/** Every event name the stream sends. */
export type FigmaStreamEventName = keyof FigmaStreamEventData;

/** One stream event; `id` is its position in the job's log, null for keepalives (not logged). */
export type FigmaStreamEvent = {
  [K in FigmaStreamEventName]: { id: number | null; event: K; data: FigmaStreamEventData[K] };
}[FigmaStreamEventName];

/** The set of event names, for telling known events from ones a newer server may add. */
export const FIGMA_STREAM_EVENT_NAMES: ReadonlySet<string> = new Set<FigmaStreamEventName>([
  'ready',
  'page.ready',
  'page.includes',
  'page.chunk',
  'progress',
  'debug',
  'keepalive',
  'done',
  'error',
]);
