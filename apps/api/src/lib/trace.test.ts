import { describe, expect, it } from 'vitest';
import { newSpanId, newTraceId, parseTraceparent } from './trace';

describe('trace ids', () => {
  it('are W3C ids, each new: trace ids of 16 random bytes and span ids of 8, across many refills of the byte pool', () => {
    const traces = Array.from({ length: 5_000 }, () => newTraceId());
    const spans = Array.from({ length: 5_000 }, () => newSpanId());
    for (const t of traces) expect(t).toMatch(/^[0-9a-f]{32}$/);
    for (const s of spans) expect(s).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(traces).size).toBe(traces.length);
    expect(new Set(spans).size).toBe(spans.length);
    expect(parseTraceparent(`00-${traces[0]}-${spans[0]}-01`)).toEqual({ traceId: traces[0], parentId: spans[0] });
    // every hex digit turns up in every position of the trace ids: the bytes are not reused or stuck
    for (let pos = 0; pos < 32; pos++) expect(new Set(traces.map((t) => t[pos])).size).toBe(16);
  });
});
