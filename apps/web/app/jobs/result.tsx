// A finished job's result on the Jobs page: read inline, or from the artifact a result over ARTIFACT_INLINE_MAX_BYTES
// was kept in (aiJobResult: fetched with the key, its sha256 checked); a rename as old → new rows.
'use client';
import { aiJobResult, type AiJob } from '@cogo/api-client';
import { ErrorBox } from '../../lib/error-box';
import { jobResultView } from '../../lib/job-result';
import { apiBase } from '../../lib/session';
import { useApi } from '../../lib/use-api';

export function JobResult({ apiKey, job }: { apiKey: string; job: AiJob }) {
  const { data, error, loading } = useApi(async () => {
    const result = await aiJobResult({ baseUrl: apiBase(), apiKey }, job);
    return result ? jobResultView(job.type, result, job.result_artifact !== null) : null;
  }, [apiKey, job.id]);

  return (
    <section aria-labelledby="job-result-h" className="job-result detail">
      <h2 id="job-result-h">
        {job.type} <span className="muted">{job.id.slice(0, 8)}</span>
      </h2>
      <ErrorBox error={error} />
      {loading ? <p className="muted">Loading…</p> : null}
      {!loading && !error && data === null ? <p className="empty">This job has no result.</p> : null}
      {data ? <p data-testid="job-result-summary">{data.summary}</p> : null}
      {data?.renames.length ? (
        <div className="table-scroll">
          <table aria-label="Renamed layers">
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col">Old name</th>
                <th scope="col">New name</th>
              </tr>
            </thead>
            <tbody>
              {data.renames.map((r) => (
                <tr key={r.id} data-testid="rename-result-row">
                  <td className="muted">{r.id}</td>
                  <td>{r.from}</td>
                  <td>{r.to}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data?.json ? <pre>{data.json}</pre> : null}
    </section>
  );
}
