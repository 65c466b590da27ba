// A trace (GET /metrics/trace/{id}) as waterfall rows: each served request, step and LLM call a bar from its start
// to its end on one time axis (from the trace's first moment), each event a tick. Pure: the trace page draws it.

export interface TraceTimeline {
  trace_id: string;
  duration_ms: number | null;
  events: Array<{ id: number; type: string; source: string; at: string }>;
  steps: Array<{ name: string; started_at: string | null; ended_at: string | null; duration_ms: number | null; outcome: string }>;
  llm: { calls: Array<{ route: string; model: string; provider: string; latency_ms: number; at: string; outcome: string; tokens_in: number; tokens_out: number; cost_usd: number }> };
  requests: Array<{ route: string; method: string; status: number; duration_ms: number; at: string }>;
}

export interface Row {
  kind: 'request' | 'step' | 'llm' | 'event';
  label: string;
  /** ms from the trace's start. */
  start: number;
  end: number;
  failed: boolean;
}

/** The rows in time order, and the axis length in ms. */
export function waterfall(t: TraceTimeline): { rows: Row[]; span: number } {
  const raw: Array<Omit<Row, 'start' | 'end'> & { from: number; to: number }> = [];
  for (const r of t.requests) {
    const to = Date.parse(r.at);
    raw.push({ kind: 'request', label: `${r.method} ${r.route} → ${r.status}`, from: to - r.duration_ms, to, failed: r.status >= 500 });
  }
  for (const s of t.steps) {
    const from = Date.parse(s.started_at ?? s.ended_at ?? '');
    if (Number.isNaN(from)) continue;
    const to = s.ended_at ? Date.parse(s.ended_at) : from;
    raw.push({ kind: 'step', label: `${s.name} (${s.outcome})`, from, to, failed: s.outcome === 'failed' });
  }
  for (const c of t.llm.calls) {
    const to = Date.parse(c.at);
    raw.push({ kind: 'llm', label: `${c.route} ${c.model} @ ${c.provider} (${c.outcome})`, from: to - c.latency_ms, to, failed: c.outcome !== 'succeeded' && c.outcome !== 'ok' });
  }
  for (const e of t.events) {
    const at = Date.parse(e.at);
    raw.push({ kind: 'event', label: `${e.source}: ${e.type}`, from: at, to: at, failed: /failed|error/.test(e.type) });
  }
  if (raw.length === 0) return { rows: [], span: 0 };
  const origin = Math.min(...raw.map((r) => r.from));
  const rows = raw
    .map(({ from, to, ...r }) => ({ ...r, start: from - origin, end: Math.max(from, to) - origin }))
    // by start; at one moment the longer span first (it encloses the others)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  return { rows, span: Math.max(1, ...rows.map((r) => r.end)) };
}
