// Request-scoped event sink: events are buffered during the request and sent to the `cogo-events` queue in one
// batch when it ends, so their order is kept. The request's metric goes to the isolate's batcher when the
// request has one (lib/metrics-batch.ts), else with that same batch.
import type { BusEventMessage, QueueMessage, RequestMetricMessage } from '@cogo/types';

export interface EventSink {
  /** Records a bus event (type like `figma_job_started`) on the request's trace. */
  emit(type: string, payload?: Record<string, unknown>, options?: { source?: string; projectId?: string | null }): void;
  /** Adds a raw queue message (metrics: to the batcher when there is one). */
  push(message: QueueMessage): void;
  /** Sends everything buffered; never throws (a lost event must not fail the request). */
  flush(): Promise<void>;
  /** What is buffered (tests, debugging). */
  readonly pending: readonly QueueMessage[];
}

export interface EventSinkOptions {
  queue: Queue<unknown>;
  traceId: string;
  source: string;
  /** The project the request acts for, once known. */
  projectId: () => string | null;
  onError?: (err: unknown) => void;
  /** Takes request metrics instead of this request's flush (the isolate's batcher); unset: they go with the flush. */
  metrics?: (message: RequestMetricMessage) => void;
}

/** Creates the sink for one request. */
export function createEventSink(options: EventSinkOptions): EventSink {
  const buffer: QueueMessage[] = [];
  let lastAt = 0;
  const stamp = () => {
    // strictly increasing per request, so the timeline keeps emission order
    lastAt = Math.max(Date.now(), lastAt + 1);
    return new Date(lastAt).toISOString();
  };
  return {
    emit(type, payload = {}, opts = {}) {
      const event: BusEventMessage = {
        kind: 'bus_event',
        type,
        source: opts.source ?? options.source,
        projectId: opts.projectId === undefined ? options.projectId() : opts.projectId,
        traceId: options.traceId,
        payload,
        at: stamp(),
      };
      buffer.push(event);
    },
    push(message) {
      if (message.kind === 'request_metric' && options.metrics) options.metrics(message);
      else buffer.push(message);
    },
    async flush() {
      const batch = buffer.splice(0);
      if (batch.length === 0) return;
      try {
        for (let i = 0; i < batch.length; i += 100) {
          await options.queue.sendBatch(batch.slice(i, i + 100).map((body) => ({ body, contentType: 'json' as const })));
        }
      } catch (err) {
        options.onError?.(err);
      }
    },
    get pending() {
      return buffer;
    },
  };
}
