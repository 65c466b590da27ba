// The request's event sink: bus events leave with the request's own flush, in order, on its trace; request metrics
// go to the isolate's batcher when the request has one (an execution context), else with that same flush.
import type { QueueMessage, RequestMetricMessage } from '@cogo/types';
import { describe, expect, it } from 'vitest';
import { createEventSink } from './events';

const TRACE = 'a'.repeat(32);
const metric: RequestMetricMessage = {
  kind: 'request_metric',
  route: '/projects/current',
  method: 'GET',
  status: 200,
  durationMs: 3,
  projectId: null,
  traceId: TRACE,
  at: new Date(0).toISOString(),
};

function queueDouble() {
  const sent: unknown[][] = [];
  const queue = {
    sendBatch: async (messages: Iterable<{ body: unknown }>) => void sent.push([...messages].map((m) => m.body)),
  } as unknown as Queue<unknown>;
  return { queue, sent };
}

describe('event sink', () => {
  it('sends bus events with its own flush and hands request metrics to the batcher', async () => {
    const q = queueDouble();
    const batched: QueueMessage[] = [];
    const sink = createEventSink({ queue: q.queue, traceId: TRACE, source: 'api', projectId: () => null, metrics: (m) => void batched.push(m) });
    sink.emit('first_thing');
    sink.push(metric);
    sink.emit('second_thing', { n: 2 });
    await sink.flush();

    expect(batched).toEqual([metric]);
    expect(q.sent).toHaveLength(1);
    expect(q.sent[0]).toMatchObject([
      { kind: 'bus_event', type: 'first_thing', source: 'api', traceId: TRACE, payload: {} },
      { kind: 'bus_event', type: 'second_thing', source: 'api', traceId: TRACE, payload: { n: 2 } },
    ]);
    // emission order survives as strictly increasing timestamps
    const [a, b] = q.sent[0] as Array<{ at: string }>;
    expect(Date.parse(b!.at)).toBeGreaterThan(Date.parse(a!.at));
  });

  it('without a batcher, sends the metric with the request flush (no execution context)', async () => {
    const q = queueDouble();
    const sink = createEventSink({ queue: q.queue, traceId: TRACE, source: 'api', projectId: () => null });
    sink.emit('thing');
    sink.push(metric);
    await sink.flush();
    expect(q.sent).toHaveLength(1);
    expect(q.sent[0]).toMatchObject([{ kind: 'bus_event', type: 'thing' }, metric]);
  });

  it('a request with nothing of its own to send makes no queue call', async () => {
    const q = queueDouble();
    const sink = createEventSink({ queue: q.queue, traceId: TRACE, source: 'api', projectId: () => null, metrics: () => {} });
    sink.push(metric);
    await sink.flush();
    expect(q.sent).toEqual([]);
  });
});
