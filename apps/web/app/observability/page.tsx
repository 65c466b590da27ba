// Observability: the project's routes over a window (GET /metrics/overview) — p50/p95 latency against each route's
// SLO and error rates, as charts and as a table — and its LLM providers (GET /metrics/providers): health, latency and
// today's spend; and its LLM spend by day and model (GET /metrics/spend). A job's trace opens from the Jobs page as a
// waterfall.
'use client';
import type { components } from '@cogo/api-client';
import { useEffect, useState } from 'react';
import { dollars, latencyChart, percent, valueChart } from '../../lib/charts';
import { ErrorBox } from '../../lib/error-box';
import { RequireKey } from '../../lib/require-key';
import { clientFor } from '../../lib/session';
import { unwrap, useApi } from '../../lib/use-api';
import { LatencyChart, ValueChart } from './bar-chart';
import './observability.css';
import { Providers } from './providers';
import { SpendByDay } from './spend';

type Window = '5m' | '1h' | '24h';
type RouteStat = { route: string; method: string; count: number; error_rate: number; client_error_rate: number; p50_ms: number; p95_ms: number; slo: { p95_target_ms: number; error_rate_target: number; p95_ok: boolean; error_rate_ok: boolean } };
type Overview = { window: string; since: string; routes: RouteStat[]; gate: 'pass' | 'fail' };
type Health = { since: string; items: components['schemas']['ProviderHealth'][] };

const WIDTH = 480;

function Observability({ apiKey }: { apiKey: string }) {
  const [win, setWin] = useState<Window>('1h');
  // one load for both panels; every 10 s and on Refresh again, and the spend section with them (its `version`)
  const [version, setVersion] = useState(0);
  const { data, error, loading, reload } = useApi<{ overview: Overview; health: Health }>(async () => {
    const client = clientFor(apiKey);
    const [overview, health] = await Promise.all([unwrap(client.GET('/metrics/overview', { params: { query: { window: win } } })), unwrap(client.GET('/metrics/providers'))]);
    setVersion((v) => v + 1);
    return { overview: overview as Overview, health };
  }, [apiKey, win]);
  useEffect(() => {
    const timer = setInterval(reload, 10_000);
    return () => clearInterval(timer);
  }, [reload]);
  const overview = data?.overview ?? null;
  const health = data?.health ?? null;

  const routes = overview?.routes ?? [];
  return (
    <>
      <h1>Observability</h1>
      <label htmlFor="obs-window">Window</label>
      <select id="obs-window" value={win} onChange={(e) => setWin(e.target.value as Window)}>
        <option value="5m">last 5 minutes</option>
        <option value="1h">last hour</option>
        <option value="24h">last 24 hours</option>
      </select>{' '}
      <button type="button" className="secondary" onClick={reload}>
        Refresh
      </button>
      <ErrorBox error={error} />
      {overview === null && loading ? <p className="muted">Loading…</p> : null}
      {overview ? (
        <section aria-labelledby="routes-h">
          <h2 id="routes-h">Routes</h2>
          <p data-testid="slo-gate">
            SLO gate: <span className={`gate-${overview.gate}`}>{overview.gate}</span> · {routes.length} routes since {new Date(overview.since).toLocaleTimeString()}
          </p>
          {routes.length === 0 ? <p className="empty">No requests in this window yet.</p> : null}
          {routes.length ? (
            <>
              <div className="legend" aria-hidden="true">
                <span><i style={{ background: '#2446c7' }} />p50</span>
                <span><i style={{ background: '#9db1f0' }} />p95 (met)</span>
                <span><i style={{ background: '#f0a3ae' }} />p95 (missed)</span>
                <span><i style={{ background: '#a3122a' }} />p95 target</span>
              </div>
              <LatencyChart chart={latencyChart(routes, WIDTH)} label={`p50 and p95 latency of ${routes.length} routes against their SLO targets`} />
              <h3>Error rates (5xx)</h3>
              <ValueChart chart={valueChart(routes.map((r) => ({ label: `${r.method} ${r.route}`, value: r.error_rate })), WIDTH, percent)} label="Share of 5xx answers per route" fmt={percent} testId="error-chart" />
              <div className="table-scroll">
                <table aria-label="Routes">
                  <thead>
                    <tr>
                      <th scope="col">Route</th>
                      <th scope="col">Requests</th>
                      <th scope="col">p50 / p95 ms</th>
                      <th scope="col">5xx · 4xx</th>
                      <th scope="col">SLO</th>
                    </tr>
                  </thead>
                  <tbody>
                    {routes.map((r) => (
                      <tr key={`${r.method} ${r.route}`} data-testid="route-row">
                        <td>
                          {r.method} {r.route}
                        </td>
                        <td>{r.count}</td>
                        <td>
                          {r.p50_ms} / {r.p95_ms}
                        </td>
                        <td>
                          {percent(r.error_rate)} · {percent(r.client_error_rate)}
                        </td>
                        <td>{r.slo.p95_ok && r.slo.error_rate_ok ? 'met' : 'missed'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
      {health ? <Providers health={health} width={WIDTH} fmt={dollars} /> : null}
      {version ? <SpendByDay apiKey={apiKey} width={WIDTH} version={version} /> : null}
    </>
  );
}

export default function ObservabilityPage() {
  return <RequireKey>{(key) => <Observability apiKey={key} />}</RequireKey>;
}
