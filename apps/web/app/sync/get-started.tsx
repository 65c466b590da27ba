// Get started on a fresh project: connect the Storybook build (its URL stored as the `storybook` credential, checked
// by reading its index.json) and ingest it — index.json, Storybook 10's components manifest, and docgen.json and code-connect.json beside it — in one
// click; then suggest mappings to the stored Figma components and confirm or reject each.
'use client';
import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../../lib/error-box';
import { clientFor } from '../../lib/session';
import type { ComponentMapping, StorybookIngest } from '../../lib/sync-types';
import { unwrap, useApi } from '../../lib/use-api';
import { plural } from '../../lib/words';

interface Props {
  apiKey: string;
  version: number;
  onChange: () => void;
}

const ingestText = (r: StorybookIngest) =>
  `Ingested ${plural(r.components.inserted + r.components.updated + r.components.unchanged, 'component')} (${r.components.inserted} new, ${r.components.updated} updated, ${r.components.unchanged} unchanged), ${plural(r.stories, 'story', 'stories')}, ${plural(r.mappings.inserted + r.mappings.updated + r.mappings.unchanged, 'Code Connect mapping')} — read ${r.documents.join(', ')}`;

export function GetStarted({ apiKey, version, onChange }: Props) {
  const api = clientFor(apiKey);
  const state = useApi(async () => {
    const [registry, creds, suggested, confirmed] = await Promise.all([
      unwrap(api.GET('/design-sync/registry', { params: { query: { limit: 100 } } })),
      unwrap(api.GET('/design-sync/credentials')),
      unwrap(api.GET('/design-sync/mappings', { params: { query: { status: 'suggested', limit: 100 } } })),
      unwrap(api.GET('/design-sync/mappings', { params: { query: { status: 'confirmed', limit: 500 } } })),
    ]);
    return { components: registry.items.length, more: registry.nextCursor !== null, storybook: creds.credentials.find((c) => c.kind === 'storybook') ?? null, suggested: suggested.items, confirmed: confirmed.items.length };
  }, [apiKey, version]);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<{ text: string; warnings: string[] } | null>(null);

  const run = async (work: () => Promise<{ text: string; warnings?: string[] } | null>) => {
    setBusy(true);
    setError(null);
    try {
      const done = await work();
      if (done) setNote({ text: done.text, warnings: done.warnings ?? [] });
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const ingest = async () => {
    const r = await unwrap(api.POST('/design-sync/registry/storybook', { body: { prune: false } }));
    return { text: ingestText(r), warnings: r.warnings.map((w) => `${w.path}: ${w.message}`) };
  };
  const connect = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await unwrap(api.POST('/design-sync/credentials', { body: { kind: 'storybook', value: url.trim() } }));
      setUrl('');
      return ingest();
    });
  };
  const suggest = () =>
    run(async () => {
      const r = await unwrap(api.POST('/design-sync/mappings/suggest', { body: { min_confidence: 0.6 } }));
      const c = r.counts;
      return { text: `${plural(c.suggested, 'new suggestion')} (${c.code_components} coded and ${c.figma_components} Figma components; ${c.already_mapped} already mapped, ${c.rejected} rejected before)` };
    });
  const decide = (m: ComponentMapping, status: 'confirmed' | 'rejected') =>
    run(async () => {
      await unwrap(api.PATCH('/design-sync/mappings/{id}', { params: { path: { id: m.id } }, body: { status } }));
      return { text: `${m.code_component.name} ↔ Figma “${m.figma.name ?? m.figma.node_id}” ${status}` };
    });

  const d = state.data;
  return (
    <section id="start" aria-labelledby="start-h" className="sync-card">
      <h2 id="start-h">Get started</h2>
      <ErrorBox error={state.error} />
      {d ? (
        <ol className="sync-steps">
          <li>
            <h3>Ingest your Storybook build</h3>
            <p data-testid="registry-status">
              {d.components === 0 ? 'No coded components yet.' : `${d.components}${d.more ? '+' : ''} coded components in the registry.`}{' '}
              {d.storybook ? `Storybook connected (URL ending …${d.storybook.last4 ?? '?'}).` : 'No Storybook connected.'}
            </p>
            {d.storybook ? (
              <button type="button" disabled={busy} onClick={() => void run(ingest)}>
                Ingest from Storybook
              </button>
            ) : null}
            <form onSubmit={connect} aria-label="Connect a Storybook build">
              <label htmlFor="sb-url">{d.storybook ? 'Another Storybook URL' : 'Storybook URL'}</label>
              <input id="sb-url" type="url" required placeholder="http://127.0.0.1:6006 (./cogo dev prints it)" value={url} onChange={(e) => setUrl(e.target.value)} />
              <p className="muted">Read server-side: its index.json, its Storybook 10 components manifest (props), and docgen.json (props) and code-connect.json when published beside it.</p>
              <button type="submit" disabled={busy || !url.trim()}>
                Connect and ingest
              </button>
            </form>
          </li>
          <li>
            <h3>Map coded components to Figma components</h3>
            <p data-testid="mapping-status">
              {plural(d.confirmed, 'confirmed mapping')}, {d.suggested.length} waiting for you.
            </p>
            <button type="button" disabled={busy || d.components === 0} onClick={() => void suggest()}>
              Suggest mappings
            </button>
            {d.suggested.length ? (
              <table aria-label="Suggested mappings">
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Figma</th>
                    <th scope="col">Confidence</th>
                    <th scope="col">Decide</th>
                  </tr>
                </thead>
                <tbody>
                  {d.suggested.map((m) => (
                    <tr key={m.id} data-testid="suggestion">
                      <td>{m.code_component.name}</td>
                      <td>{m.figma.name ?? m.figma.node_id}</td>
                      <td>{m.confidence === null ? '—' : `${Math.round(m.confidence * 100)} %`}</td>
                      <td>
                        <button type="button" disabled={busy} onClick={() => void decide(m, 'confirmed')} aria-label={`Confirm ${m.code_component.name}`}>
                          Confirm
                        </button>
                        <button type="button" className="secondary" disabled={busy} onClick={() => void decide(m, 'rejected')} aria-label={`Reject ${m.code_component.name}`}>
                          Reject
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        </ol>
      ) : state.loading ? (
        <p className="muted">Loading…</p>
      ) : null}
      <ErrorBox error={error} />
      {note ? (
        <div role="status" className="sync-note" data-testid="start-note">
          {note.text}
          {note.warnings.length ? (
            <ul>
              {note.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
