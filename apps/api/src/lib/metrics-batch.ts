// Isolate-level batching of request metrics (issue 10, "batched metrics"): every request's `request_metric` goes
// into one module-level buffer, sent to the events queue with one sendBatch (≤ 100 messages a call) when it holds
// 100 messages or when its oldest is a second old. The first push into an empty buffer schedules that flush on its
// own request (waitUntil(sleep(1 s) → flush)); the push that fills it to 100 flushes at once, in its own waitUntil,
// and a flush voids the timer scheduled before it (the next push schedules its own). No timer outlives a waitUntil.
// Bus events are not batched here: they keep their request's flush (order, trace).
//
// Accepted loss: what is buffered when the isolate is evicted (at most about a second of metrics) is never sent.
// The buffer is bounded (1,000): while the queue is slow or failing the oldest are dropped, counted, and the count
// is logged once per flush, so a stuck queue cannot grow the isolate's memory. One flush sends at a time.
import type { RequestMetricMessage } from '@cogo/types';
import { describeError, type Logger } from './logger';

/** Where and how one request lets the batcher work: the queue binding, its waitUntil, its logger. */
export interface MetricsTarget {
  queue: Queue<unknown>;
  waitUntil: (work: Promise<unknown>) => void;
  log: Pick<Logger, 'warn' | 'error'>;
}

export interface MetricsBatcherOptions {
  /** A buffer this full is sent at once; also the most one sendBatch carries (Queues accept 100). */
  maxBatch?: number;
  /** How long the oldest buffered metric may wait. */
  maxAgeMs?: number;
  /** The most metrics held; beyond it the oldest are dropped. */
  capacity?: number;
  /** A send or a flush timer overdue by this long is presumed lost with its request's waitUntil, and replaced. */
  stallMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface MetricsBatcher {
  /** Buffers one metric; schedules or starts a flush on the request's waitUntil as needed. Never throws. */
  add(message: RequestMetricMessage, target: MetricsTarget): void;
  /** Sends everything buffered (joins the flush under way); never throws. */
  flush(): Promise<void>;
  /** Metrics buffered and not yet handed to a send. */
  readonly size: number;
}

const QUEUE_BATCH_LIMIT = 100;

/** Creates a batcher; the Worker uses the one module-level instance, `requestMetricsBatcher`. */
export function createMetricsBatcher(options: MetricsBatcherOptions = {}): MetricsBatcher {
  const maxBatch = Math.min(options.maxBatch ?? QUEUE_BATCH_LIMIT, QUEUE_BATCH_LIMIT);
  const maxAgeMs = options.maxAgeMs ?? 1000;
  const capacity = Math.max(options.capacity ?? 1000, maxBatch);
  const stallMs = options.stallMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;

  const buffer: RequestMetricMessage[] = [];
  let dropped = 0;
  // every request of an isolate sees the same env, so the latest request's queue is everyone's queue
  let target: MetricsTarget | undefined;
  /** The scheduled flush (its own object, so two timers falling due in one millisecond stay apart); null if none. */
  let timer: { due: number } | null = null;
  let draining: { promise: Promise<void>; sendingSince: number | null; generation: number } | null = null;
  let generation = 0;

  const keep = (messages: RequestMetricMessage[], oldest: boolean) => {
    if (oldest) buffer.unshift(...messages);
    else buffer.push(...messages);
    const over = buffer.length - capacity;
    if (over > 0) {
      buffer.splice(0, over);
      dropped += over;
    }
  };

  async function drain(state: NonNullable<typeof draining>): Promise<void> {
    try {
      // a superseded drain (its send stalled and another took over) stops at its next turn
      while (buffer.length > 0 && state.generation === generation && target) {
        const { queue, log } = target;
        const chunk = buffer.splice(0, maxBatch);
        state.sendingSince = now();
        try {
          await queue.sendBatch(chunk.map((body) => ({ body, contentType: 'json' as const })));
        } catch (err) {
          // kept, oldest first, for the next flush; the bound applies to them too
          keep(chunk, true);
          log.error('request metrics flush failed; kept for the next flush', { error: describeError(err), count: chunk.length });
          break;
        } finally {
          state.sendingSince = null;
        }
      }
      if (dropped > 0 && target) {
        target.log.warn('request metrics dropped: buffer full', { dropped, capacity });
        dropped = 0;
      }
    } finally {
      // in the same turn as the last check of the buffer: a flush after it starts a new drain instead of joining
      // one that will not look again
      if (draining === state) draining = null;
    }
  }

  function flush(): Promise<void> {
    // whatever is buffered now leaves with this flush: a timer scheduled earlier would cut the next batch short
    timer = null;
    if (draining) {
      const since = draining.sendingSince;
      if (since === null || now() - since < stallMs) return draining.promise;
    }
    const state = { promise: Promise.resolve(), sendingSince: null as number | null, generation: ++generation };
    draining = state;
    state.promise = drain(state);
    return state.promise;
  }

  return {
    add(message, request) {
      target = request;
      keep([message], false);
      if (buffer.length >= maxBatch) {
        request.waitUntil(flush());
        return;
      }
      if (timer === null || now() > timer.due + stallMs) {
        const mine = { due: now() + maxAgeMs };
        timer = mine;
        request.waitUntil(sleep(maxAgeMs).then(() => (timer === mine ? flush() : undefined)));
      }
    },
    flush,
    get size() {
      return buffer.length;
    },
  };
}

/** The isolate's batcher: shared by every request this isolate serves. */
export const requestMetricsBatcher = createMetricsBatcher();
