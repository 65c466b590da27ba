import { describe, expect, it } from 'vitest';
import { latencyChart, niceMax, percent, valueChart } from '../lib/charts';

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
});
