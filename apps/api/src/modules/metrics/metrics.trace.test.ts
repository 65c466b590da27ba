// GET /metrics/trace/{traceId} (issue 14): the whole path of a trace — steps paired from its events, its LLM calls
// with tokens and cost, its requests, its span — and none of it for another project.
import { schema } from '@cogo/db';
import type { TraceTimeline } from '@cogo/types';
import { describe, expect, it } from 'vitest';
import { api, createTestProject, eventually, testDb } from '../../../test/helpers';
import { llmProject, usageRows } from '../../../test/llm-helpers';

const newTrace = () => crypto.randomUUID().replaceAll('-', '');

async function timeline(traceId: string, key: string): Promise<TraceTimeline> {
  const res = await api(`/metrics/trace/${traceId}`, { key });
  expect(res.status).toBe(200);
  return (await res.json()) as TraceTimeline;
}

type Usage = typeof schema.llmUsage.$inferInsert;
const usage = (projectId: string, traceId: string, row: Partial<Usage>): Usage => ({
  projectId,
  traceId,
  route: 'chat',
  model: 'm-plan',
  upstreamModel: 'gpt-fake',
  provider: 'fake-openai',
  latencyMs: 100,
  outcome: 'ok',
  ...row,
});

describe('GET /metrics/trace/{traceId}: steps, LLM spend and requests', () => {
  it("pairs the trace's events into steps, sums its LLM calls, lists its requests, and shows another project nothing", async () => {
    const [mine, theirs] = [await createTestProject(), await createTestProject()];
    const traceId = newTrace();
    const t0 = Date.now() - 120_000;
    const at = (ms: number) => new Date(t0 + ms);
    const iso = (ms: number) => at(ms).toISOString();
    const event = (projectId: string, type: string, ms: number, payload: Record<string, unknown> = {}) => ({ projectId, traceId, type, source: 'design-chat', payload, createdAt: at(ms) });
    const handle = testDb();
    try {
      // the request began 50 ms before its first event (t0 − 50) and ended last (t0 + 2500)
      await handle.db.insert(schema.busEvents).values([
        event(mine.id, 'gen_plan_scheduled', 0, { prompt: 'landing page' }),
        event(mine.id, 'rag_query_started', 10),
        event(mine.id, 'gen_plan_started', 20),
        event(mine.id, 'rag_query_succeeded', 130, { items: 4 }),
        event(mine.id, 'gen_plan_succeeded', 1220, { sections: 3 }),
        event(mine.id, 'ui_generate_started', 1300),
        event(mine.id, 'ui_generate_failed', 1750, { code: 'UI_JSON_INVALID' }),
        event(mine.id, 'figma_apply_started', 1800),
        event(theirs.id, 'gen_plan_started', 5),
      ]);
      await handle.db.insert(schema.llmUsage).values([
        usage(mine.id, traceId, { route: 'chat', model: 'm-plan', tokensIn: 120, tokensOut: 80, costUsd: 0.0012, latencyMs: 1100, firstTokenMs: 300, createdAt: at(1200) }),
        usage(mine.id, traceId, { route: 'llm.completions', model: 'm-ui', tokensIn: 300, tokensOut: 0, costUsd: 0.0009, latencyMs: 400, outcome: 'failed', createdAt: at(1700) }),
        usage(theirs.id, traceId, { tokensIn: 9999, tokensOut: 9999, costUsd: 9, createdAt: at(100) }),
      ]);
      await handle.db.insert(schema.requestMetrics).values([
        { projectId: mine.id, traceId, route: '/chat/design', method: 'POST', status: 200, durationMs: 2550, createdAt: at(2500) },
        { projectId: theirs.id, traceId, route: '/chat/design', method: 'POST', status: 500, durationMs: 10, createdAt: at(50) },
      ]);
    } finally {
      await handle.close();
    }

    const t = await timeline(traceId, mine.key);
    // the events as before, untouched
    expect(t.events.map((e) => e.type)).toEqual(['gen_plan_scheduled', 'rag_query_started', 'gen_plan_started', 'rag_query_succeeded', 'gen_plan_succeeded', 'ui_generate_started', 'ui_generate_failed', 'figma_apply_started']);
    expect(t.steps).toEqual([
      { name: 'rag_query', scheduled_at: null, started_at: iso(10), ended_at: iso(130), duration_ms: 120, outcome: 'succeeded', payload: { items: 4 } },
      { name: 'gen_plan', scheduled_at: iso(0), started_at: iso(20), ended_at: iso(1220), duration_ms: 1200, outcome: 'succeeded', payload: { prompt: 'landing page', sections: 3 } },
      { name: 'ui_generate', scheduled_at: null, started_at: iso(1300), ended_at: iso(1750), duration_ms: 450, outcome: 'failed', payload: { code: 'UI_JSON_INVALID' } },
      { name: 'figma_apply', scheduled_at: null, started_at: iso(1800), ended_at: null, duration_ms: null, outcome: 'open', payload: {} },
    ]);
    expect(t.llm.calls).toEqual([
      { route: 'chat', model: 'm-plan', provider: 'fake-openai', tokens_in: 120, tokens_out: 80, cost_usd: 0.0012, latency_ms: 1100, first_token_ms: 300, outcome: 'ok', at: iso(1200) },
      { route: 'llm.completions', model: 'm-ui', provider: 'fake-openai', tokens_in: 300, tokens_out: 0, cost_usd: 0.0009, latency_ms: 400, first_token_ms: null, outcome: 'failed', at: iso(1700) },
    ]);
    expect(t.llm.totals).toMatchObject({ calls: 2, tokens_in: 420, tokens_out: 80 });
    expect(t.llm.totals.cost_usd).toBeCloseTo(0.0021, 12);
    expect(t.requests).toEqual([{ route: '/chat/design', method: 'POST', status: 200, duration_ms: 2550, at: iso(2500) }]);
    // from the request's start (t0 − 50) to its end (t0 + 2500)
    expect(t.duration_ms).toBe(2550);

    // the other project sees only its own rows of the same trace id
    const other = await timeline(traceId, theirs.key);
    expect(other.steps).toEqual([{ name: 'gen_plan', scheduled_at: null, started_at: iso(5), ended_at: null, duration_ms: null, outcome: 'open', payload: {} }]);
    expect(other.llm.totals).toMatchObject({ calls: 1, tokens_in: 9999 });
    expect(other.requests.map((r) => r.status)).toEqual([500]);

    // a third project: empty lists, zero totals, no span
    const stranger = await createTestProject();
    expect(await timeline(traceId, stranger.key)).toEqual({ trace_id: traceId, duration_ms: null, events: [], steps: [], llm: { calls: [], totals: { calls: 0, tokens_in: 0, tokens_out: 0, cost_usd: 0 } }, requests: [] });
  });

  it('shows a real completion on its trace: the billed call, the request and its closing step', async () => {
    const p = await llmProject([{ name: 'alpha', models: [{ name: 'm-alpha', input: 3, output: 7 }] }]);
    const traceId = newTrace();
    const res = await api('/llm/completions', { method: 'POST', key: p.key, headers: { 'x-trace-id': traceId }, json: { model: 'm-alpha', messages: [{ role: 'user', content: 'trace me' }] } });
    expect(res.status).toBe(200);
    // usage, events and request metrics reach their tables through the queue
    const t = await eventually(async () => {
      const t = await timeline(traceId, p.key);
      return t.llm.calls.length === 1 && t.requests.length === 1 && t.steps.length === 1 ? t : undefined;
    });
    const [row] = await usageRows(p.id);
    expect(t.llm.calls[0]).toMatchObject({ route: row!.route, model: 'm-alpha', provider: 'alpha', tokens_in: row!.tokensIn, tokens_out: row!.tokensOut, outcome: 'ok' });
    expect(row!.tokensIn).toBeGreaterThan(0);
    expect(t.llm.totals).toEqual({ calls: 1, tokens_in: row!.tokensIn, tokens_out: row!.tokensOut, cost_usd: row!.costUsd });
    expect(t.requests).toEqual([expect.objectContaining({ route: '/llm/completions', method: 'POST', status: 200 })]);
    // llm_completion_done has no start: a step of its own, closed, with no duration
    expect(t.steps).toEqual([expect.objectContaining({ name: 'llm_completion', started_at: null, outcome: 'done', duration_ms: null })]);
    expect(t.duration_ms).toBeGreaterThanOrEqual(t.requests[0]!.duration_ms);
  });
});
