// CoverageDashboard: per coded component its stories and tests, and the Figma variant options its stories cover, as
// bars with percentages (least covered first); the project's totals above.
'use client';
import { ErrorBox } from '../../lib/error-box';
import { clientFor } from '../../lib/session';
import { coverageSummary, pctText } from '../../lib/sync-coverage';
import { unwrap, useApi } from '../../lib/use-api';

function Bar({ pct, label }: { pct: number | null; label: string }) {
  return (
    <span className="bar" role="img" aria-label={`${label}: ${pctText(pct)}`}>
      <span className="bar-fill" style={{ width: `${pct ?? 0}%` }} />
    </span>
  );
}

export function CoverageDashboard({ apiKey, version }: { apiKey: string; version: number }) {
  const api = clientFor(apiKey);
  const state = useApi(async () => coverageSummary(await unwrap(api.GET('/design-sync/coverage'))), [apiKey, version]);
  const s = state.data;
  return (
    <section id="coverage" aria-labelledby="coverage-h" className="sync-card">
      <h2 id="coverage-h">Coverage</h2>
      <ErrorBox error={state.error} />
      {!s && state.loading ? <p className="muted">Loading…</p> : null}
      {s && s.components === 0 ? <p className="empty">No coded components yet: ingest your Storybook build above.</p> : null}
      {s && s.components > 0 ? (
        <>
          <dl className="coverage-totals" data-testid="coverage-totals">
            <dt>Components with stories</dt>
            <dd>
              <Bar pct={s.withStoriesPct} label="Components with stories" /> {pctText(s.withStoriesPct)} of {s.components}
            </dd>
            <dt>Components with tests</dt>
            <dd>
              <Bar pct={s.withTestsPct} label="Components with tests" /> {pctText(s.withTestsPct)}
            </dd>
            <dt>Figma variants covered</dt>
            <dd>
              <Bar pct={s.variantsPct} label="Figma variant options covered" /> {pctText(s.variantsPct)} ({s.variantsText})
            </dd>
          </dl>
          <div className="table-scroll">
            <table aria-label="Coverage per component">
              <thead>
                <tr>
                  <th scope="col">Component</th>
                  <th scope="col">Stories</th>
                  <th scope="col">Tests</th>
                  <th scope="col">Variant options covered</th>
                  <th scope="col">Not covered</th>
                </tr>
              </thead>
              <tbody>
                {s.rows.map((r) => (
                  <tr key={r.key} data-testid="coverage-row">
                    <th scope="row">
                      {r.name}
                      <div className="muted">{r.figma ? `Figma “${r.figma}”` : 'not mapped'}</div>
                    </th>
                    <td>{r.stories}</td>
                    <td>
                      {r.tests} <span className="muted">({pctText(r.testedPct)})</span>
                    </td>
                    <td>
                      <Bar pct={r.variants.pct} label={`${r.name} variant options covered`} /> {r.variants.covered}/{r.variants.total} ({pctText(r.variants.pct)})
                    </td>
                    <td className="muted">{r.variants.missing.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
