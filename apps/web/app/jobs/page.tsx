// Jobs: the project's jobs of every kind (GET /api/jobs), newest first, refreshed every 5 s while the page is open.
'use client';
import Link from 'next/link';
import { useEffect } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { RequireKey } from '../../lib/require-key';
import { clientFor } from '../../lib/session';
import { unwrap, useApi } from '../../lib/use-api';

type Job = { id: string; type: string; status: string; created_at: string; completed_at: string | null; trace_id: string | null; error: { code: string; message: string } | null };

function Jobs({ apiKey }: { apiKey: string }) {
  const { data, error, reload } = useApi(() => unwrap(clientFor(apiKey).GET('/api/jobs', { params: { query: { limit: 50 } } })), [apiKey]);
  useEffect(() => {
    const timer = setInterval(reload, 5_000);
    return () => clearInterval(timer);
  }, [reload]);
  const jobs = data ? (data.items as Job[]) : null;

  return (
    <>
      <h1>Jobs</h1>
      <ErrorBox error={error} />
      {jobs === null ? <p className="muted">Loading…</p> : null}
      {jobs?.length === 0 ? <p className="empty">No jobs yet: extract a design or rename layers from the plugin.</p> : null}
      {jobs?.length ? (
        <table aria-label="Jobs">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Finished</th>
              <th scope="col">Trace</th>
              <th scope="col">Id</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id} data-testid="job-row">
                <td>{j.type}</td>
                <td title={j.error ? `${j.error.code}: ${j.error.message}` : undefined}>{j.status}</td>
                <td>{new Date(j.created_at).toLocaleString()}</td>
                <td>{j.completed_at ? new Date(j.completed_at).toLocaleString() : '–'}</td>
                <td>{j.trace_id ? <Link href={`/trace/?id=${encodeURIComponent(j.trace_id)}`}>trace</Link> : '–'}</td>
                <td className="muted">{j.id.slice(0, 8)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export default function JobsPage() {
  return <RequireKey>{(key) => <Jobs apiKey={key} />}</RequireKey>;
}
