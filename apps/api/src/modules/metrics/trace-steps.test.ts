import { describe, expect, it } from 'vitest';
import { traceSteps, type StepEvent } from './trace-steps';

/** An event `s` seconds after a fixed origin. */
const ev = (type: string, s: number, payload: Record<string, unknown> = {}): StepEvent => ({ type, at: new Date(Date.UTC(2025, 0, 1, 12, 0, s)).toISOString(), payload });
const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, s)).toISOString();

describe('traceSteps', () => {
  it('pairs each start with the next close of its name, in start order, with durations and merged payloads', () => {
    const steps = traceSteps([
      ev('gen_plan_scheduled', 0, { prompt: 'landing' }),
      ev('rag_query_started', 1, { q: 'brand' }),
      ev('gen_plan_started', 2),
      ev('rag_query_succeeded', 4, { items: 3 }),
      ev('project_created', 5),
      ev('gen_plan_succeeded', 7, { sections: 2 }),
      ev('ui_generate_started', 8),
      ev('ui_generate_failed', 8, { code: 'UPSTREAM' }),
      ev('figma_apply_started', 9),
    ]);
    expect(steps).toEqual([
      { name: 'rag_query', scheduled_at: null, started_at: at(1), ended_at: at(4), duration_ms: 3000, outcome: 'succeeded', payload: { q: 'brand', items: 3 } },
      { name: 'gen_plan', scheduled_at: at(0), started_at: at(2), ended_at: at(7), duration_ms: 5000, outcome: 'succeeded', payload: { prompt: 'landing', sections: 2 } },
      { name: 'ui_generate', scheduled_at: null, started_at: at(8), ended_at: at(8), duration_ms: 0, outcome: 'failed', payload: { code: 'UPSTREAM' } },
      { name: 'figma_apply', scheduled_at: null, started_at: at(9), ended_at: null, duration_ms: null, outcome: 'open', payload: {} },
    ]);
  });

  it('makes a retried step two steps, closing the oldest open one first', () => {
    const steps = traceSteps([ev('figma_job_started', 0, { n: 1 }), ev('figma_job_started', 1, { n: 2 }), ev('figma_job_failed', 3), ev('figma_job_done', 6)]);
    expect(steps.map((s) => [s.payload.n, s.outcome, s.duration_ms])).toEqual([
      [1, 'failed', 3000],
      [2, 'done', 5000],
    ]);
  });

  it('keeps a close without a start as a step with started_at null, and a scheduled-only step open', () => {
    const steps = traceSteps([ev('figma_job_chunk_done', 1, { chunk: 0 }), ev('gen_plan_scheduled', 2), ev('embed_failed', 3)]);
    expect(steps).toEqual([
      { name: 'figma_job_chunk', scheduled_at: null, started_at: null, ended_at: at(1), duration_ms: null, outcome: 'done', payload: { chunk: 0 } },
      { name: 'gen_plan', scheduled_at: at(2), started_at: null, ended_at: null, duration_ms: null, outcome: 'open', payload: {} },
      { name: 'embed', scheduled_at: null, started_at: null, ended_at: at(3), duration_ms: null, outcome: 'failed', payload: {} },
    ]);
  });

  it('closes a step scheduled but never started, and ignores events that are not lifecycle events', () => {
    const steps = traceSteps([ev('gen_plan_scheduled', 0), ev('gen_plan_failed', 2, { reason: 'cancelled' }), ev('started', 3), ev('api_key_created', 4)]);
    expect(steps).toEqual([{ name: 'gen_plan', scheduled_at: at(0), started_at: null, ended_at: at(2), duration_ms: null, outcome: 'failed', payload: { reason: 'cancelled' } }]);
    expect(traceSteps([])).toEqual([]);
  });
});
