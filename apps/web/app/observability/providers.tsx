// The project's LLM providers: status, error rate, p50/p95 and today's calls and spend (GET /metrics/providers), with
// today's spend as a chart.
'use client';
import type { components } from '@cogo/api-client';
import { percent, valueChart } from '../../lib/charts';
import { ValueChart } from './bar-chart';

type Health = { since: string; items: components['schemas']['ProviderHealth'][] };

export function Providers({ health, width, fmt }: { health: Health; width: number; fmt: (v: number) => string }) {
  const total = health.items.reduce((s, p) => s + p.spend_today_usd, 0);
  return (
    <section aria-labelledby="providers-h">
      <h2 id="providers-h">LLM providers</h2>
      {health.items.length === 0 ? <p className="empty">No provider configured.</p> : null}
      {health.items.length ? (
        <>
          <p data-testid="spend-today">
            Spend today: {fmt(total)} over {health.items.reduce((s, p) => s + p.calls_today, 0)} calls
          </p>
          <ValueChart chart={valueChart(health.items.map((p) => ({ label: p.provider, value: p.spend_today_usd })), width, fmt)} label="Spend today per provider" fmt={fmt} testId="spend-chart" />
          <div className="table-scroll">
            <table aria-label="Providers">
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col">Status</th>
                  <th scope="col">Errors</th>
                  <th scope="col">p50 / p95 ms</th>
                  <th scope="col">Today</th>
                </tr>
              </thead>
              <tbody>
                {health.items.map((p) => (
                  <tr key={`${p.scope}:${p.provider}`} data-testid="provider-row">
                    <td>
                      {p.provider} <span className="muted">{p.scope}</span>
                    </td>
                    <td className={`status-${p.status}`} title={p.last_error ?? undefined}>
                      {p.status}
                      {p.consecutive_failures ? ` (${p.consecutive_failures} failing)` : ''}
                    </td>
                    <td>{percent(p.error_rate)}</td>
                    <td>
                      {p.p50_ms ?? '–'} / {p.p95_ms ?? '–'}
                    </td>
                    <td>
                      {p.calls_today} calls · {fmt(p.spend_today_usd)}
                    </td>
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
