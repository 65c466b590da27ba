// A trace as a waterfall: its requests, steps, LLM calls and events on one time axis (GET /metrics/trace/{id}).
// The id comes in the query (?id=…): the export has no server to route a path parameter. Refreshed every 5 s, as the
// metrics arrive through their queue.
'use client';
import { useEffect, useState } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { RequireKey } from '../../lib/require-key';
import { clientFor } from '../../lib/session';
import { waterfall, type TraceTimeline } from '../../lib/waterfall';
import { plural } from '../../lib/words';

const COLORS = { request: '#2446c7', step: '#1d6b35', llm: '#8a4fd1', event: '#5b6170' } as const;

function Trace({ apiKey }: { apiKey: string }) {
  const [id, setId] = useState<string | null>(null);
  const [trace, setTrace] = useState<TraceTimeline | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => setId(new URLSearchParams(window.location.search).get('id')), []);
  useEffect(() => {
    if (!id) return;
    let live = true;
    const load = () =>
      clientFor(apiKey)
        .GET('/metrics/trace/{traceId}', { params: { path: { traceId: id } } })
        .then(({ data, error: failed }) => {
          if (!live) return;
          if (failed) setError(failed);
          else {
            setError(null);
            setTrace(data as TraceTimeline);
          }
        })
        .catch((err: unknown) => live && setError(err));
    void load();
    const timer = setInterval(() => void load(), 5_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [apiKey, id]);

  if (id === null) return <p className="empty">No trace named: open one from the jobs list.</p>;
  const { rows, span } = trace ? waterfall(trace) : { rows: [], span: 0 };
  return (
    <>
      <h1>Trace</h1>
      <p className="muted">{id}</p>
      <ErrorBox error={error} />
      {trace && rows.length === 0 ? <p className="empty">Nothing recorded for this trace yet (metrics arrive within seconds).</p> : null}
      {rows.length ? (
        <>
          <p data-testid="trace-summary">
            {plural(trace!.requests.length, 'request')}, {plural(trace!.steps.length, 'step')}, {plural(trace!.llm.calls.length, 'LLM call')}, {plural(trace!.events.length, 'event')} over {Math.round(span)} ms
          </p>
          <ol aria-label="Waterfall" className="waterfall">
            {rows.map((r, i) => (
              <li key={i} data-kind={r.kind}>
                <span className="wf-label" title={r.label}>
                  {r.label}
                </span>
                <span className="wf-track">
                  <span
                    className="wf-bar"
                    style={{ left: `${(100 * r.start) / span}%`, width: r.end > r.start ? `${Math.max(0.5, (100 * (r.end - r.start)) / span)}%` : '3px', background: r.failed ? '#a3122a' : COLORS[r.kind] }}
                  />
                </span>
                <span className="wf-ms">{r.end > r.start ? `${Math.round(r.end - r.start)} ms` : `@${Math.round(r.start)} ms`}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

export default function TracePage() {
  return <RequireKey>{(key) => <Trace apiKey={key} />}</RequireKey>;
}
