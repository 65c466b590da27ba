// DiffPreview: one mapping's Figma side against its code side — props, variant values, defaults, types, tokens —
// from its drift (GET /design-sync/drift?mapping_id=) and the props the mapping pairs (shown as unchanged context).
'use client';
import { ErrorBox } from '../../lib/error-box';
import { clientFor } from '../../lib/session';
import { diffRows, diffSummary, type DiffChange } from '../../lib/sync-diff';
import { unwrap, useApi } from '../../lib/use-api';

const CHANGE_TEXT: Record<DiffChange, string> = { 'only-figma': 'only in Figma', 'only-code': 'only in code', differs: 'differs', same: 'same' };

export function DiffPreview({ apiKey, version, mappingId }: { apiKey: string; version: number; mappingId: string | null }) {
  const api = clientFor(apiKey);
  const state = useApi(async () => {
    if (!mappingId) return null;
    const [drift, mappings] = await Promise.all([
      unwrap(api.GET('/design-sync/drift', { params: { query: { mapping_id: mappingId } } })),
      unwrap(api.GET('/design-sync/mappings', { params: { query: { status: 'confirmed', limit: 500 } } })),
    ]);
    const m = drift.mappings[0];
    const mapping = mappings.items.find((x) => x.id === mappingId);
    return m ? { m, rows: diffRows(m.items, mapping?.props ?? {}) } : null;
  }, [apiKey, version, mappingId]);

  const d = state.data;
  return (
    <section id="diff" aria-labelledby="diff-h" className="sync-card">
      <h2 id="diff-h">Diff preview</h2>
      <ErrorBox error={state.error} />
      {!mappingId ? <p className="empty">Pick “Preview diff” on a drifted mapping above to see its Figma and code sides.</p> : null}
      {mappingId && state.loading && !d ? <p className="muted">Loading…</p> : null}
      {mappingId && !state.loading && !d && !state.error ? <p className="empty">That mapping is no longer confirmed.</p> : null}
      {d ? (
        <>
          <p data-testid="diff-summary">
            <strong>{d.m.code_component.key}</strong> against Figma “{d.m.figma.name ?? 'removed'}” ({d.m.figma.file_key} {d.m.figma.node_id}): {diffSummary(d.rows)}
          </p>
          {[...d.rows.entries()].map(([section, rows]) => (
            <table key={section} className="diff" aria-label={`${section} of ${d.m.code_component.name}`}>
              <caption>{section}</caption>
              <thead>
                <tr>
                  <th scope="col">Property</th>
                  <th scope="col">Figma</th>
                  <th scope="col">Code</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.subject}-${r.change}`} className={`diff-${r.change}`} data-testid="diff-row" title={r.message || undefined}>
                    <th scope="row">{r.subject}</th>
                    <td className="diff-figma">{r.figma}</td>
                    <td className="diff-code">{r.code}</td>
                    <td>{CHANGE_TEXT[r.change]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </>
      ) : null}
    </section>
  );
}
