// Jobs: the project's jobs of every kind (GET /api/jobs), newest first, refreshed every 5 s while the page is open;
// a finished AI job's result shown below the table on demand (result.tsx).
'use client';
import type { AiJob } from '@cogo/api-client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { RequireKey } from '../../lib/require-key';
import { clientFor } from '../../lib/session';
import { unwrap, useApi } from '../../lib/use-api';
import { JobResult } from './result';

function Jobs({ apiKey }: { apiKey: string }) {
  const { data, error, reload } = useApi(() => unwrap(clientFor(apiKey).GET('/api/jobs', { params: { query: { limit: 50 } } })), [apiKey]);
  useEffect(() => {
    const timer = setInterval(reload, 5_000);
    return () => clearInterval(timer);
  }, [reload]);
  const jobs: AiJob[] | null = data ? data.items : null;
  const [shown, setShown] = useState<string | null>(null);
  const open = jobs?.find((j) => j.id === shown) ?? null;

  return (
    <>
      <h1>Jobs</h1>
      <ErrorBox error={error} />
      {jobs === null ? <p className="muted">Loading…</p> : null}
      {jobs?.length === 0 ? <p className="empty">No jobs yet: extract a design or rename layers from the plugin.</p> : null}
      {jobs?.length ? (
        <div className="table-scroll">
          <table aria-label="Jobs">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Finished</th>
                <th scope="col">Trace</th>
                <th scope="col">Id</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id} data-testid="job-row">
                  <td>{j.type}</td>
                  <td title={j.error ? `${j.error.code}: ${j.error.message}` : undefined}>{j.status}</td>
                  <td>{new Date(j.started_at ?? j.created_at).toLocaleString()}</td>
                  <td>{j.completed_at ? new Date(j.completed_at).toLocaleString() : '–'}</td>
                  <td>{j.trace_id ? <Link href={`/trace/?id=${encodeURIComponent(j.trace_id)}`}>trace</Link> : '–'}</td>
                  <td className="muted">{j.id.slice(0, 8)}</td>
                  <td>
                    {j.result || j.result_artifact ? (
                      <button type="button" className="secondary" aria-pressed={shown === j.id} onClick={() => setShown(shown === j.id ? null : j.id)}>
                        {shown === j.id ? 'Hide' : 'Show'}
                      </button>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {open ? <JobResult key={open.id} apiKey={apiKey} job={open} /> : null}
    </>
  );
}

export default function JobsPage() {
  return <RequireKey>{(key) => <Jobs apiKey={key} />}</RequireKey>;
}
