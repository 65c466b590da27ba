// The project's earlier browser sessions (GET /design-sync/browser-session, newest first, without their results):
// when, status, the tally, how long; Open shows one in the viewer above with its results and screenshots.
'use client';
import { ErrorBox } from '../../lib/error-box';
import { clientFor } from '../../lib/session';
import type { BrowserSessionSummary } from '../../lib/sync-types';
import { unwrap, useApi } from '../../lib/use-api';

interface Props {
  apiKey: string;
  /** bumped when a session starts or finishes, so the list shows it */
  version: number;
  openId: string | null;
  onOpen: (id: string) => void;
}

const tally = (s: BrowserSessionSummary) => (s.status === 'queued' ? `${s.stories.total} stories` : `${s.stories.passed} passed, ${s.stories.failed} failed of ${s.stories.total}`);

export function PastSessions({ apiKey, version, openId, onOpen }: Props) {
  const { data, error } = useApi(() => unwrap(clientFor(apiKey).GET('/design-sync/browser-session', { params: { query: { limit: 20 } } })), [apiKey, version]);
  const items = data?.items;
  return (
    <>
      <h3>Past sessions</h3>
      <ErrorBox error={error} />
      {items?.length === 0 ? <p className="empty">No session yet.</p> : null}
      {items?.length ? (
        <div className="table-scroll">
          <table aria-label="Browser sessions">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Status</th>
                <th scope="col">Stories</th>
                <th scope="col">Took</th>
                <th scope="col">Results</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} data-testid="past-session" aria-current={s.id === openId ? 'true' : undefined}>
                  <td>{new Date(s.created_at).toLocaleString()}</td>
                  <td>
                    <span className={`badge badge-${s.status === 'done' && s.stories.failed === 0 ? 'passed' : s.status === 'done' || s.status === 'failed' ? 'failed' : 'queued'}`}>{s.status}</span>
                  </td>
                  <td>{tally(s)}</td>
                  <td>{s.duration_ms !== null ? `${(s.duration_ms / 1000).toFixed(1)} s` : '–'}</td>
                  <td>
                    <button type="button" className="secondary" disabled={s.id === openId} onClick={() => onOpen(s.id)} aria-label={`Open session of ${new Date(s.created_at).toLocaleString()}`}>
                      Open
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
