// The project's sync operations, newest first, each with its outcome and an undo of that operation.
'use client';
import { ErrorBox } from '../../lib/error-box';
import { outcomeOf } from '../../lib/sync-status';
import type { SyncOperation } from '../../lib/sync-types';

interface Props {
  state: { data: { items: SyncOperation[] } | null; error: unknown; loading: boolean };
  busy: boolean;
  onUndo: (operationId: string) => void;
}

export function OperationsHistory({ state, busy, onUndo }: Props) {
  const ops = state.data?.items;
  return (
    <>
      <h3>History</h3>
      <ErrorBox error={state.error} />
      {ops?.length === 0 ? <p className="empty">No sync yet.</p> : null}
      {ops?.length ? (
        <div className="table-scroll">
          <table aria-label="Sync operations">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Direction</th>
                <th scope="col">Outcome</th>
                <th scope="col">Components</th>
                <th scope="col">Undo</th>
              </tr>
            </thead>
            <tbody>
              {ops.map((op) => (
                <tr key={op.id} data-testid="operation-row">
                  <td>{new Date(op.created_at).toLocaleString()}</td>
                  <td>{op.direction === 'design_to_code' ? 'design → code' : 'code → design'}</td>
                  <td>{op.undone_at ? 'undone' : outcomeOf(op)}</td>
                  <td>
                    {op.counts.components} ({op.counts.changes} changes)
                  </td>
                  <td>
                    <button type="button" className="secondary" disabled={busy} onClick={() => onUndo(op.id)} aria-label={`Undo ${op.id}`}>
                      Undo
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
