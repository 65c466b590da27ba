// SyncControlPanel: pick a direction, review what the sync will change (from the current drift), confirm; the result
// (applied / partial / noop / replayed) per component; the operations history with undo — a refused undo (409) shows
// its reason in words with the API's envelope.
'use client';
import { useState } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { clientFor } from '../../lib/session';
import { syncPlan, type SyncPlan } from '../../lib/sync-plan';
import { outcomeOf, outcomeText, undoRefusal } from '../../lib/sync-status';
import type { SyncDirection, SyncOperation } from '../../lib/sync-types';
import { unwrap, useApi } from '../../lib/use-api';
import { plural } from '../../lib/words';
import { OperationsHistory } from './operations-history';

interface Props {
  apiKey: string;
  version: number;
  onChange: () => void;
}

const DIRECTIONS: Array<[SyncDirection, string, string]> = [
  ['design_to_code', 'Design → code', 'the registry takes Figma’s props; a Storybook story and a Playwright test are generated'],
  ['code_to_design', 'Code → design', 'the stored Figma component takes the code’s props'],
];

export function SyncControlPanel({ apiKey, version, onChange }: Props) {
  const api = clientFor(apiKey);
  const [direction, setDirection] = useState<SyncDirection>('design_to_code');
  const [plan, setPlan] = useState<SyncPlan | null>(null);
  const [result, setResult] = useState<SyncOperation | null>(null);
  const [undone, setUndone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const history = useApi(() => unwrap(api.GET('/design-sync/operations', { params: { query: { limit: 10 } } })), [apiKey, version]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const review = () =>
    act(async () => {
      setResult(null);
      setUndone(null);
      const drift = await unwrap(api.GET('/design-sync/drift', { params: { query: { only_drifted: 'true' } } }));
      setPlan(syncPlan(drift.mappings, direction));
    });
  const confirm = () =>
    act(async () => {
      if (!plan) return;
      setResult(await unwrap(api.POST('/design-sync/operations', { body: { direction: plan.direction } })));
      setPlan(null);
      onChange();
    });
  const undo = (operationId?: string) =>
    act(async () => {
      setUndone(null);
      setResult(null);
      const r = await unwrap(api.POST('/design-sync/undo', { body: operationId ? { operation_id: operationId } : {} }));
      setUndone(`Undid ${r.operation_id}: ${plural(r.restored, 'component')} restored${r.restored_hash === r.pre_hash ? ' (restored state checked against the state before the sync)' : ''}.`);
      onChange();
    });

  const refusal = undoRefusal(error);
  return (
    <section id="sync" aria-labelledby="sync-h" className="sync-card">
      <h2 id="sync-h">Sync</h2>
      <fieldset disabled={busy || plan !== null}>
        <legend>Direction</legend>
        {DIRECTIONS.map(([value, label, hint]) => (
          <label key={value} className="radio">
            <input type="radio" name="direction" value={value} checked={direction === value} onChange={() => setDirection(value)} />
            {label} <span className="muted">— {hint}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={busy || plan !== null} onClick={() => void review()}>
        Review sync
      </button>
      <button type="button" className="secondary" disabled={busy} onClick={() => void undo()}>
        Undo latest sync
      </button>
      {plan ? (
        <div role="region" aria-label="Confirm sync" className="sync-confirm" data-testid="sync-plan">
          <h3>{plan.headline}</h3>
          <ul>
            {plan.entries.map((e) => (
              <li key={e.mappingId}>{e.sentence}</li>
            ))}
          </ul>
          <p className="muted">Each component syncs on its own; the operation goes on the undo stack (24 h, 50 deep).</p>
          <button type="button" disabled={busy} onClick={() => void confirm()}>
            Confirm sync
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => setPlan(null)}>
            Cancel
          </button>
        </div>
      ) : null}
      {refusal ? (
        <div role="alert" className="sync-refusal" data-testid="undo-refusal">
          <strong>Undo refused ({refusal.reason.replace(/_/g, ' ')}).</strong> {refusal.explanation}
        </div>
      ) : null}
      <ErrorBox error={error} />
      {undone ? (
        <p role="status" className="ok" data-testid="undo-result">
          {undone}
        </p>
      ) : null}
      {result ? (
        <div role="status" className={`sync-result outcome-${outcomeOf(result)}`} data-testid="sync-result">
          <strong>{outcomeOf(result)}</strong> — {outcomeText(result)} {result.counts.applied} applied, {result.counts.unchanged} unchanged, {result.counts.failed} failed, {result.counts.changes} changes ({result.id}).
          <ul>
            {result.results.map((r) => (
              <li key={r.mapping_id}>
                {r.code_component}: {r.status}
                {r.changes ? `, ${plural(r.changes, 'change')}` : ''}
                {r.artifacts?.length ? `, scaffolds ${r.artifacts.map((a) => a.path).join(', ')}` : ''}
                {r.error ? ` — ${r.error.code}: ${r.error.message}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <OperationsHistory state={history} busy={busy} onUndo={(id) => void undo(id)} />
    </section>
  );
}
