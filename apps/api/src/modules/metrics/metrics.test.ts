import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { requestMetricsBatcher } from '../../lib/metrics-batch';
import { api, createTestProject, eventually } from '../../../test/helpers';

interface Timeline {
  events: Array<{ type: string; source: string; project_id: string | null }>;
}

describe('observability', () => {
  it('shows the events of one request through two services, in order, on its trace', async () => {
    const traceId = crypto.randomUUID().replaceAll('-', '');
    const slug = `trace-${crypto.randomUUID().slice(0, 12)}`;
    const res = await api('/projects', { method: 'POST', key: env.ADMIN_TOKEN, json: { slug, name: 'Traced' }, headers: { 'x-trace-id': traceId } });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-trace-id')).toBe(traceId);
    const { api_key, project } = (await res.json()) as { api_key: { key: string }; project: { id: string } };
    const timeline = await eventually(async () => {
      const t = (await (await api(`/metrics/trace/${traceId}`, { key: api_key.key })).json()) as Timeline;
      return t.events.length >= 2 ? t : undefined;
    });
    expect(timeline.events.map((e) => [e.source, e.type])).toEqual([
      ['projects', 'project_created'],
      ['keys', 'api_key_created'],
    ]);
    expect(timeline.events.every((e) => e.project_id === project.id)).toBe(true);

    // another project sees nothing of it
    const other = await createTestProject();
    const theirs = (await (await api(`/metrics/trace/${traceId}`, { key: other.key })).json()) as Timeline;
    expect(theirs.events).toEqual([]);
  });

  it('rejects a malformed trace id with 400', async () => {
    const p = await createTestProject();
    expect((await api('/metrics/trace/not-a-trace', { key: p.key })).status).toBe(400);
  });

  it('reports per-route counts, error rates and latency percentiles, and Prometheus text', async () => {
    const p = await createTestProject();
    for (let i = 0; i < 4; i++) await api('/projects/current', { key: p.key });
    await api('/keys/00000000-0000-4000-8000-000000000000', { method: 'DELETE', key: p.key }); // 404
    const overview = await eventually(async () => {
      const o = (await (await api('/metrics/overview?window=5m', { key: p.key })).json()) as {
        routes: Array<{ route: string; method: string; count: number; error_rate: number; client_error_rate: number; p50_ms: number; p95_ms: number }>;
      };
      const current = o.routes.find((r) => r.route === '/projects/current');
      const del = o.routes.find((r) => r.route === '/keys/:id' && r.method === 'DELETE');
      return current && current.count >= 4 && del ? { current, del } : undefined;
    });
    expect(overview.current).toMatchObject({ method: 'GET', count: 4, error_rate: 0, client_error_rate: 0 });
    expect(overview.current.p95_ms).toBeGreaterThanOrEqual(overview.current.p50_ms);
    expect(overview.current.p50_ms).toBeGreaterThan(0);
    expect(overview.del).toMatchObject({ count: 1, client_error_rate: 1 });

    const prom = await api('/metrics', { key: env.ADMIN_TOKEN });
    expect(prom.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await prom.text();
    expect(text).toContain('# TYPE cogo_http_requests_total counter');
    expect(text).toMatch(/cogo_http_requests_total\{route="\/projects\/current",method="GET",status_class="2xx"\} \d+/);
    expect((await api('/metrics', { key: p.key })).status).toBe(401);
  });
});

describe('batched request metrics (issue 10)', () => {
  type Sent = { kind?: string; type?: string; route?: string; status?: number; traceId?: string | null };
  /** The app with an events queue double recording each sendBatch (the other bindings are the real ones). */
  function appWithQueueDouble() {
    const sent: Sent[][] = [];
    const queue = { sendBatch: async (messages: Iterable<{ body: unknown }>) => void sent.push([...messages].map((m) => m.body as Sent)) };
    const app = createApp();
    const bindings = { ...env, EVENTS_QUEUE: queue as unknown as Queue<unknown> };
    /** What was sent of these traces, call by call. */
    const ofTraces = (traces: string[]) => sent.map((b) => b.filter((m) => traces.includes(m.traceId ?? ''))).filter((b) => b.length > 0);
    return { app, bindings, ofTraces };
  }
  const newTrace = () => crypto.randomUUID().replaceAll('-', '');
  const label = (m: Sent) => (m.kind === 'request_metric' ? `metric ${m.status} ${m.route}` : m.type);

  it('sends the metrics of several requests in one queue call, not one per request', async () => {
    // metrics left by the requests of earlier tests leave first, so this test's batch starts empty
    await requestMetricsBatcher.flush();
    const { app, bindings, ofTraces } = appWithQueueDouble();
    const traces = [newTrace(), newTrace(), newTrace()];
    const contexts = [];
    for (const traceId of traces) {
      const ctx = createExecutionContext();
      contexts.push(ctx);
      const res = await app.request('/no-such-route', { headers: { 'x-trace-id': traceId } }, bindings, ctx);
      expect(res.status).toBe(404);
    }
    // the first request's context holds the flush scheduled a second after its metric
    await Promise.all(contexts.map((ctx) => waitOnExecutionContext(ctx)));
    const calls = ofTraces(traces);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((m) => [label(m), m.traceId])).toEqual(traces.map((t) => ['metric 404 (unmatched)', t]));
  });

  it("still sends a request's bus events with its own flush, in order, apart from its metric", async () => {
    const { app, bindings, ofTraces } = appWithQueueDouble();
    const traceId = newTrace();
    const ctx = createExecutionContext();
    const res = await app.request(
      '/projects',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, 'content-type': 'application/json', 'x-trace-id': traceId },
        body: JSON.stringify({ slug: `batch-${crypto.randomUUID().slice(0, 12)}`, name: 'Batched' }),
      },
      bindings,
      ctx,
    );
    expect(res.status).toBe(201);
    await waitOnExecutionContext(ctx);
    expect(ofTraces([traceId]).map((call) => call.map(label))).toEqual([['project_created', 'api_key_created'], ['metric 201 /projects']]);
  });

  it('without an execution context, sends the metric with the request flush before the response', async () => {
    const { app, bindings, ofTraces } = appWithQueueDouble();
    const traceId = newTrace();
    const res = await app.request('/no-such-route', { headers: { 'x-trace-id': traceId } }, bindings);
    expect(res.status).toBe(404);
    expect(ofTraces([traceId]).map((call) => call.map(label))).toEqual([['metric 404 (unmatched)']]);
  });
});
