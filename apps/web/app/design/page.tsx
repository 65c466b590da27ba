// Design browser: a finished extraction's top-level frames and components (and their children); one of them drawn
// from its compact context, beside its JSON and its text form; search by name.
'use client';
import { toText, type CompactContext, type CompactNode } from '@cogo/figma-context';
import { useEffect, useMemo, useState } from 'react';
import { loadContext } from '../../lib/design-context';
import { nodeIndex } from '../../lib/draw';
import { ErrorBox } from '../../lib/error-box';
import { RequireKey } from '../../lib/require-key';
import { clientFor } from '../../lib/session';
import { unwrap, useApi } from '../../lib/use-api';
import { Drawing } from './drawing';

type Job = { id: string; type: string; status: string; created_at: string };

function Design({ apiKey }: { apiKey: string }) {
  const [picked, setJobId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const list = useApi(async () => (await unwrap(clientFor(apiKey).GET('/api/jobs', { params: { query: { type: 'figma-context', limit: 50 } } }))).items.filter((j) => j.status === 'done') as Job[], [apiKey]);
  const jobs = list.data;
  const jobId = picked ?? jobs?.[0]?.id ?? null;
  const context = useApi(() => (jobId ? loadContext(apiKey, jobId) : Promise.resolve(null)), [apiKey, jobId]);
  // while another job's context loads, the last one is not shown
  const ctx = context.loading ? null : context.data;
  const error = list.error ?? context.error;
  useEffect(() => setSelected(null), [jobId]);

  const index = useMemo(() => (ctx ? nodeIndex(ctx.nodes) : new Map<string, CompactNode>()), [ctx]);
  const node = selected ? index.get(selected) : undefined;
  const matches = (n: CompactNode) => !query || (n.n ?? '').toLowerCase().includes(query.toLowerCase()) || (ctx?.components[n.c ?? '']?.name ?? '').toLowerCase().includes(query.toLowerCase());

  return (
    <>
      <h1>Design browser</h1>
      <ErrorBox error={error} />
      {jobs?.length === 0 ? <p className="empty">No finished extraction yet: extract a design first.</p> : null}
      {jobs?.length ? (
        <>
          <label htmlFor="job">Extraction</label>
          <select id="job" value={jobId ?? ''} onChange={(e) => setJobId(e.target.value)}>
            {jobs.map((j) => (
              <option key={j.id} value={j.id}>
                {new Date(j.created_at).toLocaleString()} · {j.id.slice(0, 8)}
              </option>
            ))}
          </select>
          <label htmlFor="search">Search by name</label>
          <input id="search" type="text" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Button, Home…" />
        </>
      ) : null}
      {ctx ? (
        <div className="design">
          <nav aria-label="Frames and components" className="tree">
            <ul>
              {ctx.nodes.filter((n) => matches(n) || (n.ch ?? []).some(matches)).map((top) => (
                <li key={top.id}>
                  <NodeButton node={top} ctx={ctx} selected={selected} onSelect={setSelected} />
                  {top.ch?.length ? (
                    <ul>
                      {top.ch.filter((c) => c.t !== 'T' && matches(c)).map((c) => (
                        <li key={c.id}>
                          <NodeButton node={c} ctx={ctx} selected={selected} onSelect={setSelected} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </nav>
          {node ? (
            <section aria-label="Selected node" className="detail">
              <h2 data-testid="selected-name">{node.n ?? node.id}</h2>
              <Drawing ctx={ctx} node={node} width={420} />
              <h3>Text form</h3>
              <pre data-testid="node-text">{toText({ ...ctx, nodes: [node] })}</pre>
              <h3>JSON</h3>
              <pre>{JSON.stringify(node, null, 1).slice(0, 20_000)}</pre>
            </section>
          ) : (
            <p className="empty">Choose a frame or component to draw it.</p>
          )}
        </div>
      ) : jobId ? (
        <p className="muted">Loading the design…</p>
      ) : null}
    </>
  );
}

function NodeButton({ node, ctx, selected, onSelect }: { node: CompactNode; ctx: CompactContext; selected: string | null; onSelect: (id: string) => void }) {
  const name = node.n ?? ctx.components[node.c ?? '']?.name ?? node.id;
  return (
    <button type="button" className={node.id === selected ? '' : 'secondary'} aria-pressed={node.id === selected} onClick={() => onSelect(node.id)}>
      {name} <span className="muted">{node.t}</span>
    </button>
  );
}

export default function DesignPage() {
  return <RequireKey>{(key) => <Design apiKey={key} />}</RequireKey>;
}
