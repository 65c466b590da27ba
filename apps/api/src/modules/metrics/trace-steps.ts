// Steps of a trace (issue 14, GET /metrics/trace/{traceId}): spans paired from lifecycle bus events.
// `<name>_started` opens step `<name>`; the next `<name>_succeeded|_failed|_done` closes the oldest open step of
// that name (first in, first out: a retried step is two steps); `<name>_scheduled` lends its time to the next step
// of that name. A closing event with nothing open is a step of its own with started_at null, so a lone
// `figma_job_chunk_done` still shows; a scheduled step never started nor closed stays `open` with started_at null.
import type { TraceStep } from '@cogo/types';

/** The fields of a timeline event that pairing reads. */
export interface StepEvent {
  type: string;
  /** ISO 8601 */
  at: string;
  payload: Record<string, unknown>;
}

const LIFECYCLE = /^(.+)_(scheduled|started|succeeded|failed|done)$/;

interface Draft {
  name: string;
  /** Index of the event that places the step: its start, or its first event when it never started. */
  order: number;
  scheduled?: StepEvent;
  started?: StepEvent;
  ended?: StepEvent;
  outcome: TraceStep['outcome'];
}

/** Pairs a trace's events (in emission order) into steps, in start order. Events of other shapes are ignored. */
export function traceSteps(events: readonly StepEvent[]): TraceStep[] {
  const drafts: Draft[] = [];
  const scheduled = new Map<string, Draft[]>();
  const open = new Map<string, Draft[]>();
  const queue = (m: Map<string, Draft[]>, name: string) => m.get(name) ?? m.set(name, []).get(name)!;
  const create = (name: string, order: number) => {
    const draft: Draft = { name, order, outcome: 'open' };
    drafts.push(draft);
    return draft;
  };

  events.forEach((event, index) => {
    const match = LIFECYCLE.exec(event.type);
    if (!match) return;
    const name = match[1]!;
    const phase = match[2] as 'scheduled' | 'started' | 'succeeded' | 'failed' | 'done';
    if (phase === 'scheduled') {
      const draft = create(name, index);
      draft.scheduled = event;
      queue(scheduled, name).push(draft);
    } else if (phase === 'started') {
      const draft = queue(scheduled, name).shift() ?? create(name, index);
      draft.started = event;
      draft.order = index;
      queue(open, name).push(draft);
    } else {
      // nothing open: a step scheduled but never started, or else one of its own
      const draft = queue(open, name).shift() ?? queue(scheduled, name).shift() ?? create(name, index);
      draft.ended = event;
      draft.outcome = phase;
    }
  });

  return drafts
    .sort((a, b) => a.order - b.order)
    .map((d) => ({
      name: d.name,
      scheduled_at: d.scheduled?.at ?? null,
      started_at: d.started?.at ?? null,
      ended_at: d.ended?.at ?? null,
      duration_ms: d.started && d.ended ? Date.parse(d.ended.at) - Date.parse(d.started.at) : null,
      outcome: d.outcome,
      payload: { ...d.scheduled?.payload, ...d.started?.payload, ...d.ended?.payload },
    }));
}
