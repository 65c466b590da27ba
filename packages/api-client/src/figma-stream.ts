// Reading a figma job's event stream to its end: one call per time budget, each read to its end —
// a call that stops before the job is done ends with a `progress` carrying next_cursor, the only
// sign that the end was meant (anything else ending a call is a drop). Reconnects from the last
// event id after a drop, and yields every logged event exactly once in id order.
import { CogoApiError, type ErrorEnvelope } from './errors';
import { defaultBackoffMs, defaultSleep, errorFromResponse, figmaHeaders, figmaUrl, isRetryableStatus, retryAfterMs, send } from './figma-http';
import { FIGMA_STREAM_EVENT_NAMES, type FigmaConnection, type FigmaStreamEvent } from './figma-types';
import { readFrames, type FramesEnd, type SseFrame } from './sse';

/** Options of streamFigmaJob. */
export interface StreamFigmaJobOptions extends FigmaConnection {
  jobId: string;
  /** Id of the last event already held; `0` (default) reads the job from its start. */
  cursor?: string;
  /** Consecutive failed connections (drops, network errors, 429/503) tolerated before giving up. Default 10. */
  maxReconnects?: number;
  /** Wait before the n-th consecutive reconnect (1-based) when the server gave no Retry-After. */
  reconnectDelayMs?: (attempt: number) => number;
  /** Called with each event just before it is yielded. */
  onEvent?: (event: FigmaStreamEvent) => void;
  /** Called before waiting to reconnect after a failed connection. */
  onReconnect?: (info: { attempt: number; cursor: string; waitMs: number; error: unknown }) => void;
}

/** Why the stream could not be read to its end (not an error reported by the API). */
export class FigmaStreamError extends Error {
  constructor(
    readonly code: 'STREAM_RECONNECTS_EXHAUSTED' | 'STREAM_PROTOCOL',
    message: string,
    /** Id of the last event received: pass it as `cursor` to resume later. */
    readonly cursor: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FigmaStreamError';
  }
}

/** Thrown after a terminal `error` event; `status` is that of the stream's answer, as the failure came in-band. */
export class FigmaJobFailedError extends CogoApiError {
  constructor(
    envelope: ErrorEnvelope,
    /** Id of the error event in the job's log. */
    readonly eventId: number | null,
  ) {
    super(200, envelope);
    this.name = 'FigmaJobFailedError';
  }
}

/** POST /figma-context/stream until the job's terminal event; yields each logged event once, keepalives too. */
export async function* streamFigmaJob(options: StreamFigmaJobOptions): AsyncGenerator<FigmaStreamEvent, void, undefined> {
  const maxReconnects = options.maxReconnects ?? 10;
  const reconnectDelay = options.reconnectDelayMs ?? defaultBackoffMs;
  const sleep = options.sleep ?? defaultSleep;
  let last = parseId(options.cursor ?? '0', 'cursor', '0');
  let cursor = String(last);
  let failures = 0;

  // A failed connection: give up past the budget, else wait (the server's Retry-After first) and resume from `last`.
  const failed = async (error: unknown, waitMs: number | null) => {
    failures++;
    if (failures > maxReconnects) {
      // an API answer (e.g. RATE_LIMITED) says more than "gave up"
      if (error instanceof CogoApiError) throw error;
      const why = error instanceof Error ? error.message : String(error);
      throw new FigmaStreamError(
        'STREAM_RECONNECTS_EXHAUSTED',
        `stream of job ${options.jobId} failed ${failures} times in a row without a new event (last: ${why}); resume with cursor ${last}`,
        String(last),
        { cause: error },
      );
    }
    cursor = String(last);
    const wait = waitMs ?? reconnectDelay(failures);
    options.onReconnect?.({ attempt: failures, cursor, waitMs: wait, error });
    await sleep(wait, options.signal);
  };

  for (;;) {
    options.signal?.throwIfAborted();
    let res: Response;
    try {
      res = await send(options, figmaUrl(options, '/stream'), {
        method: 'POST',
        // both carry the cursor: the body is the contract, Last-Event-ID what SSE proxies understand
        headers: figmaHeaders(options, { 'content-type': 'application/json', accept: 'text/event-stream', 'last-event-id': cursor }),
        body: JSON.stringify({ job_id: options.jobId, cursor }),
      });
    } catch (err) {
      if (options.signal?.aborted) throw err;
      await failed(err, null);
      continue;
    }
    if (isRetryableStatus(res.status)) {
      const wait = retryAfterMs(res.headers.get('retry-after'));
      await failed(await errorFromResponse(res), wait);
      continue;
    }
    if (!res.ok) throw await errorFromResponse(res);
    if (!res.body) {
      await failed(new Error('stream answer had no body'), null);
      continue;
    }

    // set by a progress with a cursor, cleared by any later event: only the call's last event may end it cleanly
    let next: number | null = null;
    const end: FramesEnd = { failed: false };
    for await (const frame of readFrames(res.body, options.signal, end)) {
      const event = toEvent(frame, String(last));
      if (!event) continue;
      if (event.id !== null) {
        // replays after a reconnect may overlap what we hold: the log position decides
        if (event.id <= last) continue;
        last = event.id;
        // only a new logged event resets the budget: keepalives and replays prove the line works, not that the job moves
        failures = 0;
      }
      options.onEvent?.(event);
      yield event;
      if (event.event === 'done') return;
      if (event.event === 'error') throw new FigmaJobFailedError(event.data, event.id);
      if (event.event === 'keepalive') continue;
      const cursor = event.event === 'progress' ? event.data.next_cursor : null;
      // not a reason to stop reading: more events may follow in this call
      next = typeof cursor === 'string' ? parseId(cursor, 'progress.next_cursor', String(last)) : null;
    }
    const dropped: unknown = end.failed ? end.cause : new Error('stream ended before progress, done or error');
    if (next !== null) {
      // the call's budget was spent; never resume past what we hold
      cursor = String(Math.min(next, last));
      continue;
    }
    await failed(dropped, null);
  }
}

/** Reads all events of a job into an array (small jobs, tests). */
export async function readFigmaJob(options: StreamFigmaJobOptions): Promise<FigmaStreamEvent[]> {
  const events: FigmaStreamEvent[] = [];
  for await (const event of streamFigmaJob(options)) events.push(event);
  return events;
}

function parseId(value: string, what: string, cursor: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new FigmaStreamError('STREAM_PROTOCOL', `${what} is not a decimal event id: ${JSON.stringify(value)}`, cursor);
  return Number(value);
}

// Unknown event names are skipped so that a newer server can add events without breaking old clients.
function toEvent(frame: SseFrame, cursor: string): FigmaStreamEvent | undefined {
  if (!FIGMA_STREAM_EVENT_NAMES.has(frame.event)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(frame.data);
  } catch {
    throw new FigmaStreamError('STREAM_PROTOCOL', `event ${frame.event} carried invalid JSON`, cursor);
  }
  // SSE's last-event-id carries over to frames without an id line, so a keepalive or a call's closing
  // progress would inherit the previous event's id: they are not in the log, and only a frame's own id counts
  const own = frame.event === 'keepalive' || frame.idInherited === true || frame.id === '' ? undefined : frame.id;
  const id = own === undefined ? null : parseId(own, 'event id', cursor);
  return { id, event: frame.event, data } as FigmaStreamEvent;
}
