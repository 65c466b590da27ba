// Every real Figma response in ../shared/fixtures/figma, served by the fake and extracted through
// the real API (start → stream → done): what the stream holds matches what the raw JSON holds.
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import type { ConformanceCase } from './conformance-fixtures';
import { createTestProject, runFigmaJob } from './helpers';

const cases = JSON.parse(inject('conformance')) as ConformanceCase[];

describe.runIf(cases.length > 0)('conformance over the shared Figma fixtures, through the fake', () => {
  it.each(cases.map((c) => [c.fixture, c] as const))('%s', async (_name, c) => {
    const p = await createTestProject();
    const { job, events } = await runFigmaJob(p.key, { file_key: c.key });
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(events.filter((e) => e.event === 'done' || e.event === 'error')).toHaveLength(1);
    const ids = events.filter((e) => e.id !== null).map((e) => e.id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    expect((job as unknown as { plan: { pages: unknown[] } }).plan.pages).toHaveLength(c.expected.pages);
    for (const k of ['frames', 'components', 'instances', 'texts'] as const) expect({ [k]: done.data.counts[k] }).toEqual({ [k]: c.expected[k] });
    if (c.nodeIds.length) {
      const streamed = new Set(events.filter((e) => e.event === 'page.chunk').flatMap((e) => e.data.context.nodes.map((n: { id: string }) => n.id)));
      for (const id of c.nodeIds) expect(streamed.has(id)).toBe(true);
    }
  });
});
