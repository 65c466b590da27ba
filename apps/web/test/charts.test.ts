import { describe, expect, it } from 'vitest';
import { dollars, latencyChart, niceMax, PALETTE, percent, spendChart, valueChart } from '../lib/charts';

const slo = (target: number, ok: boolean) => ({ p95_target_ms: target, error_rate_target: 0.01, p95_ok: ok, error_rate_ok: true });

describe('charts', () => {
  it('ends axes at 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 0.3, 1, 1.2, 3, 7, 240, 1000, 1001].map(niceMax)).toEqual([1, 0.5, 1, 2, 5, 10, 500, 1000, 2000]);
  });

  it('draws routes slowest first, p50 and p95 on one scale, the SLO target marked (clipped to the axis)', () => {
    const c = latencyChart(
      [
        { route: '/healthz', method: 'GET', count: 10, p50_ms: 5, p95_ms: 20, error_rate: 0, slo: slo(300, true) },
        { route: '/figma-context/start', method: 'POST', count: 3, p50_ms: 120, p95_ms: 400, error_rate: 0, slo: slo(300, false) },
        { route: '/chat', method: 'POST', count: 2, p50_ms: 900, p95_ms: 1800, error_rate: 0, slo: slo(10_000, true) },
      ],
      500,
    );
    expect(c.max).toBe(5000);
    expect(c.rows.map((r) => r.label)).toEqual(['POST /chat', 'POST /figma-context/start', 'GET /healthz']);
    expect(c.rows.map((r) => [r.y, r.p50, r.p95, r.target])).toEqual([
      [0, 90, 180, 500],
      [28, 12, 40, 30],
      [56, 1, 2, 30],
    ]);
    expect(c.rows[1]!.alt).toBe('POST /figma-context/start: p50 120 ms, p95 400 ms (target 300 ms, missed) over 3 requests');
    expect(c.height).toBe(84);
    expect(c.ticks.at(-1)).toEqual({ x: 500, value: 5000 });
  });

  it('values largest first with their text alternative; an empty chart has no rows and a unit axis', () => {
    const c = valueChart([{ label: 'a', value: 0.004 }, { label: 'b', value: 0.02 }], 200, percent);
    expect(c.max).toBe(0.02);
    expect(c.rows).toEqual([
      { label: 'b', y: 0, w: 200, value: 0.02, alt: 'b: 2.0 %' },
      { label: 'a', y: 28, w: 40, value: 0.004, alt: 'a: 0.40 %' },
    ]);
    expect(valueChart([], 200, percent)).toMatchObject({ rows: [], max: 1, height: 0 });
  });

  it('stacks each day\'s models costliest first with abutting segments, one colour per model across days', () => {
    const c = spendChart(
      [
        { day: '2026-12-02', calls: 0, cost_usd: 0, models: [] },
        { day: '2026-12-03', calls: 3, cost_usd: 0.3, models: [{ model: 'small', calls: 2, cost_usd: 0.1 }, { model: 'big', calls: 1, cost_usd: 0.2 }] },
        { day: '2026-12-04', calls: 4, cost_usd: 1.5, models: [{ model: 'small', calls: 4, cost_usd: 1.5 }] },
      ],
      400,
      dollars,
    );
    // small costs 1.6 over the range, big 0.2: small takes the first colour
    expect(c.models).toEqual([
      { model: 'small', cost: 1.6, colour: PALETTE[0] },
      { model: 'big', cost: 0.2, colour: PALETTE[1] },
    ]);
    expect(c.max).toBe(2);
    expect(c.rows.map((r) => [r.label, r.y, r.segments.map((s) => [s.model, s.x, s.w, s.colour])])).toEqual([
      ['2026-12-02', 0, []],
      ['2026-12-03', 28, [['big', 0, 40, PALETTE[1]], ['small', 40, 20, PALETTE[0]]]],
      ['2026-12-04', 56, [['small', 0, 300, PALETTE[0]]]],
    ]);
    expect(c.rows[0]!.alt).toBe('2026-12-02: $0.00 over 0 calls');
    expect(c.rows[1]!.alt).toBe('2026-12-03: $0.30 over 3 calls — big $0.20 (1 call), small $0.10 (2 calls)');
    expect(c.height).toBe(84);
    expect(c.ticks.map((t) => t.value)).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('lets rounded segments end exactly where the day\'s total ends', () => {
    const models = [1, 2, 3].map((n) => ({ model: `m${n}`, calls: 1, cost_usd: 0.333 }));
    const c = spendChart([{ day: 'd', calls: 3, cost_usd: 0.999, models }], 100, dollars);
    expect(c.max).toBe(1);
    expect(c.rows[0]!.segments.map((s) => [s.x, s.w])).toEqual([[0, 33], [33, 34], [67, 33]]);
  });
});
