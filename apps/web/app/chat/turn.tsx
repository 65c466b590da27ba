// One turn of the design chat: its steps, RAG sources, the model's text, the generated page drawn beside its JSON,
// the Gherkin, what it cost, Apply (POST /figma-context/apply on the turn's trace) and the trace's link.
'use client';
import { applyDesignPage, type ApplyResult } from '@cogo/api-client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { Turn } from '../../lib/chat-turn';
import { ErrorBox } from '../../lib/error-box';
import { apiBase } from '../../lib/session';
import { previewOf } from '../../lib/ui-preview';
import { plural } from '../../lib/words';
import { Preview } from './preview';

export function TurnView({ turn, index, apiKey, live }: { turn: Turn; index: number; apiKey: string; live: boolean }) {
  const [applied, setApplied] = useState<ApplyResult | null>(null);
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<unknown>(null);
  const root = useMemo(() => (turn.page ? previewOf(turn.page) : null), [turn.page]);

  const apply = async () => {
    if (!turn.page) return;
    setApplying(true);
    setApplyError(null);
    try {
      setApplied(await applyDesignPage({ baseUrl: apiBase(), apiKey }, { page: turn.page, ...(turn.traceId ? { traceId: turn.traceId } : {}) }));
    } catch (err) {
      setApplyError(err);
    } finally {
      setApplying(false);
    }
  };

  return (
    <article className="turn" data-testid="turn" aria-busy={live}>
      <h2>
        {index + 1}. {turn.prompt}
      </h2>
      {turn.intents.length ? <p className="muted">asks to {turn.intents.join(' + ')}</p> : null}
      <ul className="steps" aria-label="Steps">
        {turn.steps.map((s) => (
          <li key={s.step} data-status={s.status} data-testid="step">
            {s.step} {s.status}
            {s.detail ? ` · ${s.detail}` : ''}
          </li>
        ))}
      </ul>
      {turn.sources.length ? (
        <details open>
          <summary>{turn.sources.length} sources from the project's design knowledge</summary>
          <ol className="sources">
            {turn.sources.map((s, i) => (
              <li key={i} data-testid="rag-source">
                <strong>{s.title}</strong> <span className="muted">{s.source} · score {s.score.toFixed(4)}</span>
                <div className="muted">{s.excerpt}</div>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {turn.text ? (
        <div className="llm-text" aria-live="polite" data-testid="llm-text">
          {turn.text}
        </div>
      ) : null}
      {turn.preview ? <p data-testid="preview-summary">{turn.preview.summary}</p> : null}
      {root && turn.page ? (
        <div className="turn-result">
          <Preview root={root} />
          <pre aria-label="UI JSON">{JSON.stringify(turn.page, null, 2)}</pre>
        </div>
      ) : null}
      {turn.bdd ? (
        <details data-testid="gherkin">
          <summary>Gherkin: {plural(turn.bdd.scenarios, 'scenario')}</summary>
          <pre aria-label="Gherkin feature">{turn.bdd.feature}</pre>
        </details>
      ) : null}
      <ErrorBox error={turn.error} />
      {turn.done ? (
        <p className="muted" data-testid="turn-done">
          done in {turn.done.timings.total_ms} ms · {turn.done.usage.input_tokens} + {turn.done.usage.output_tokens} tokens{turn.done.usage.estimated ? " (estimated)" : ""} · ${turn.done.usage.cost_usd.toFixed(4)}
          {turn.model ? ` · ${turn.model}` : ''}
        </p>
      ) : null}
      <div>
        {turn.page && !live ? (
          <button type="button" onClick={apply} disabled={applying}>
            {applying ? 'Applying…' : `Apply page ${index + 1}`}
          </button>
        ) : null}
        {turn.traceId ? <Link href={`/trace/?id=${encodeURIComponent(turn.traceId)}`}>trace of turn {index + 1}</Link> : null}
      </div>
      <ErrorBox error={applyError} />
      {applied ? (
        <p role="status" className="ok" data-testid="applied">
          Applied as page {applied.page_id.slice(0, 8)}: {applied.inserted} inserted, {applied.updated} updated, {applied.unchanged} unchanged, {applied.deleted} deleted
        </p>
      ) : null}
    </article>
  );
}
