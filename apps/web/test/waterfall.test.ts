// The trace page's waterfall (lib/waterfall.ts): requests, steps, LLM calls and events on one axis from the trace's
// first moment, in start order, failures marked.
import { describe, expect, it } from 'vitest';
import { waterfall, type TraceTimeline } from '../lib/waterfall';

const t0 = Date.parse('2026-12-03T10:00:00.000Z');
const iso = (ms: number) => new Date(t0 + ms).toISOString();

describe('waterfall', () => {
  it('puts each part where it ran, from the earliest start', () => {
    const trace: TraceTimeline = {
      trace_id: 'x',
      duration_ms: 900,
      requests: [
        { route: '/figma-context/start', method: 'POST', status: 201, duration_ms: 300, at: iso(400) },
        { route: '/figma-context/stream', method: 'POST', status: 502, duration_ms: 200, at: iso(900) },
      ],
      steps: [{ name: 'figma_job', started_at: iso(150), ended_at: iso(850), duration_ms: 700, outcome: 'failed' }],
      llm: { calls: [{ route: 'chat', model: 'm', provider: 'p', latency_ms: 100, at: iso(600), outcome: 'succeeded', tokens_in: 1, tokens_out: 2, cost_usd: 0 }] },
      events: [{ id: 1, type: 'figma_job_started', source: 'figma-context', at: iso(150) }],
    };
    const { rows, span } = waterfall(trace);
    expect(span).toBe(800);
    expect(rows.map((r) => [r.kind, r.start, r.end, r.failed])).toEqual([
      ['request', 0, 300, false],
      ['step', 50, 750, true],
      ['event', 50, 50, false],
      ['llm', 400, 500, false],
      ['request', 600, 800, true],
    ]);
    expect(rows[0]!.label).toBe('POST /figma-context/start → 201');
  });

  it('is empty for a trace with nothing recorded', () => {
    expect(waterfall({ trace_id: 'x', duration_ms: null, requests: [], steps: [], llm: { calls: [] }, events: [] })).toEqual({ rows: [], span: 0 });
  });
});
