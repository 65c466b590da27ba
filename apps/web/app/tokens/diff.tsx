// Compare two stored versions of the file's tokens: the versions this project derived (GET
// /figma-compat/uui/variables/versions, newest first), and what changed between two of them (GET …/variables/diff).
'use client';
import { fetchArtifactJson } from '@cogo/api-client';
import { useEffect, useState } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { apiBase, clientFor } from '../../lib/session';
import { unwrap, useApi } from '../../lib/use-api';
import { diffRows, type DiffRow, type DiffValue } from '../../lib/tokens-diff';

type Version = { version: string; created_at: string; tokens: number | null };

function Value({ v }: { v: DiffValue | null }) {
  if (!v) return <span className="muted">–</span>;
  return (
    <>
      {v.swatch ? <span className="swatch" style={{ background: v.swatch }} aria-hidden="true" /> : null}
      <code>{v.text.length > 80 ? `${v.text.slice(0, 80)}…` : v.text}</code>
    </>
  );
}

const versionLabel = (v: Version) => `${v.version} · ${new Date(v.created_at).toLocaleString()}${v.tokens !== null ? ` · ${v.tokens} tokens` : ''}`;

function VersionSelect({ id, label, value, onChange, versions }: { id: string; label: string; value: string; onChange: (v: string) => void; versions: Version[] }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {versionLabel(v)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TokensDiff({ apiKey, fileKey, current }: { apiKey: string; fileKey: string; current: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<{ rows: DiffRow[]; summary: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // the list again whenever a derive stored (or answered) a version
  const list = useApi(() => unwrap(clientFor(apiKey).GET('/figma-compat/uui/variables/versions', { params: { query: { file_key: fileKey } } })), [apiKey, fileKey, current]);
  const versions: Version[] = list.data?.items ?? [];
  useEffect(() => {
    const items = list.data?.items ?? [];
    setResult(null);
    setTo(items[0]?.version ?? '');
    setFrom(items[1]?.version ?? items[0]?.version ?? '');
  }, [list.data]);

  const compare = async () => {
    setError(null);
    const { data, error: failed } = await clientFor(apiKey).GET('/figma-compat/uui/variables/diff', { params: { query: { file_key: fileKey, from, to } } });
    if (failed) return setError(failed);
    if (!data.artifact) return setResult(diffRows(data));
    // a diff over ARTIFACT_INLINE_MAX_BYTES: the answer points at the whole of it (fetched, its sha256 checked)
    setResult(diffRows((await fetchArtifactJson({ baseUrl: apiBase(), apiKey }, data.artifact)) as typeof data));
  };

  return (
    <section aria-labelledby="diff-h" className="tokens-diff">
      <h2 id="diff-h">Compare versions</h2>
      {versions.length < 2 ? <p className="empty">One version stored so far: derive again after the file changes (or from a plugin upload) to compare.</p> : null}
      {versions.length ? (
        <div className="diff-pick">
          <VersionSelect id="diff-from" label="From" value={from} onChange={setFrom} versions={versions} />
          <VersionSelect id="diff-to" label="To" value={to} onChange={setTo} versions={versions} />
          <button type="button" onClick={() => compare().catch(setError)} disabled={!from || !to}>
            Compare
          </button>
        </div>
      ) : null}
      <ErrorBox error={error ?? list.error} />
      {result ? <p data-testid="diff-summary">{result.summary}</p> : null}
      {result?.rows.length ? (
        <div className="table-scroll">
          <table aria-label="Token differences">
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Token</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={`${r.kind}:${r.path}:${r.mode ?? ''}`} data-testid="diff-row" data-kind={r.kind}>
                  <td>{r.kind}</td>
                  <td>
                    {r.path}
                    {r.mode ? <span className="muted"> ({r.mode})</span> : null}
                  </td>
                  <td>
                    <Value v={r.from} />
                  </td>
                  <td>
                    <Value v={r.to} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
