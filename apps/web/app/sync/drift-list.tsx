// DriftList: every confirmed mapping that drifted, with its drift items; each item can be marked "not drift" (a
// false-positive verdict, POST /design-sync/drift/feedback); a mapping's diff opens in the DiffPreview.
'use client';
import { useState } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { clientFor } from '../../lib/session';
import { pctText, percent } from '../../lib/sync-coverage';
import type { DriftItem, DriftMapping } from '../../lib/sync-types';
import { unwrap, useApi } from '../../lib/use-api';
import { plural } from '../../lib/words';

interface Props {
  apiKey: string;
  version: number;
  selected: string | null;
  onPreview: (mappingId: string) => void;
}

const KIND_LABEL: Record<DriftItem['kind'], string> = {
  figma_prop_missing_in_code: 'missing in code',
  code_prop_missing_in_figma: 'missing in Figma',
  variant_values_differ: 'variant values',
  default_differs: 'default',
  type_differs: 'type',
  token_changed: 'token',
  design_renamed: 'renamed',
  design_removed: 'Figma removed',
  code_removed: 'code removed',
};

const itemKey = (m: DriftMapping, i: DriftItem) => `${m.mapping_id}|${i.kind}|${i.subject}`;

export function DriftList({ apiKey, version, selected, onPreview }: Props) {
  const api = clientFor(apiKey);
  const drift = useApi(() => unwrap(api.GET('/design-sync/drift', { params: { query: { only_drifted: 'true' } } })), [apiKey, version]);
  const [marked, setMarked] = useState<Record<string, number>>({});
  const [error, setError] = useState<unknown>(null);

  const notDrift = async (m: DriftMapping, i: DriftItem) => {
    setError(null);
    try {
      const r = await unwrap(api.POST('/design-sync/drift/feedback', { body: { mapping_id: m.mapping_id, kind: i.kind, subject: i.subject, verdict: 'false_positive' } }));
      setMarked((prev) => ({ ...prev, [itemKey(m, i)]: r.false_positive_ratio }));
    } catch (err) {
      setError(err);
    }
  };

  const d = drift.data;
  return (
    <section id="drift" aria-labelledby="drift-h" className="sync-card">
      <h2 id="drift-h">Drift</h2>
      <ErrorBox error={drift.error ?? error} />
      {d ? (
        <p data-testid="drift-summary">
          {plural(d.counts.drifted, 'drifted mapping')}, {plural(d.counts.items, 'drift item')}
          {d.counts.cached ? ` (${d.counts.cached} unchanged since last measured)` : ''}
        </p>
      ) : drift.loading ? (
        <p className="muted">Measuring drift…</p>
      ) : null}
      {d && d.mappings.length === 0 ? <p className="empty">No drift: every confirmed mapping matches its Figma component (or none is confirmed yet).</p> : null}
      {d?.mappings.map((m) => (
        <article key={m.mapping_id} className="drift-mapping" data-testid="drift-mapping" aria-label={`Drift of ${m.code_component.name}`}>
          <header>
            <h3>
              {m.code_component.name} <span className="muted">↔ Figma “{m.figma.name ?? 'removed'}”</span>
            </h3>
            <button type="button" className="secondary" aria-pressed={selected === m.mapping_id} onClick={() => onPreview(m.mapping_id)} aria-label={`Preview diff of ${m.code_component.name}`}>
              Preview diff
            </button>
          </header>
          <ul>
            {m.items.map((i) => {
              const ratio = marked[itemKey(m, i)];
              return (
                <li key={itemKey(m, i)} data-testid="drift-item">
                  <span className={`chip chip-${i.kind}`}>{KIND_LABEL[i.kind]}</span> <strong>{i.subject}</strong> <span className="drift-msg">{i.message}</span>{' '}
                  {ratio === undefined ? (
                    <button type="button" className="link" onClick={() => void notDrift(m, i)} aria-label={`Not drift: ${m.code_component.name} ${i.subject}`}>
                      Not drift
                    </button>
                  ) : (
                    <span className="muted" data-testid="feedback-done">
                      marked not drift (false positives so far: {pctText(percent(Math.round(ratio * 1000), 1000))})
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </article>
      ))}
    </section>
  );
}
