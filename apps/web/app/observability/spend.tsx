// The project's LLM spend by UTC day (GET /metrics/spend): one bar per day, its models stacked in their colours, each
// day's text alternative its <title>; the same figures as a table, a row per day and model.
'use client';
import type { components } from '@cogo/api-client';
import { useState } from 'react';
import { calls, dollars, spendChart } from '../../lib/charts';
import { ErrorBox } from '../../lib/error-box';
import { clientFor } from '../../lib/session';
import { unwrap, useApi } from '../../lib/use-api';
import { Axis, AXIS_H, LABEL_W, short } from './bar-chart';

type Spend = components['schemas']['SpendByDay'];

export function SpendByDay({ apiKey, width, version }: { apiKey: string; width: number; version: number }) {
  const [days, setDays] = useState(7);
  const { data, error, loading } = useApi<Spend>(() => unwrap(clientFor(apiKey).GET('/metrics/spend', { params: { query: { days } } })), [apiKey, days, version]);
  const chart = data ? spendChart(data.days, width, dollars) : null;
  return (
    <section aria-labelledby="spend-h">
      <h2 id="spend-h">Spend by day and model</h2>
      <label htmlFor="spend-days">Days</label>
      <select id="spend-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
        <option value={7}>last 7 days</option>
        <option value={14}>last 14 days</option>
        <option value={31}>last 31 days</option>
      </select>
      <ErrorBox error={error} />
      {!data && loading ? <p className="muted">Loading…</p> : null}
      {data && chart ? (
        <>
          <p data-testid="spend-total">
            {dollars(data.total.cost_usd)} over {calls(data.total.calls)} since {data.days[0]?.day} (UTC days)
          </p>
          {chart.models.length === 0 ? <p className="empty">No model calls in these days.</p> : null}
          <div className="legend" aria-hidden="true">
            {chart.models.map((m) => (
              <span key={m.model}>
                <i style={{ background: m.colour }} />
                {m.model}
              </span>
            ))}
          </div>
          <div className="chart-box">
            <svg role="img" aria-label={`LLM spend per day over ${data.days.length} days, stacked by model`} data-testid="spend-day-chart" viewBox={`0 0 ${LABEL_W + chart.width + 8} ${chart.height + AXIS_H}`} className="chart">
              {chart.rows.map((r) => (
                <g key={r.label} transform={`translate(0,${r.y})`} data-testid="spend-day-bar">
                  <title>{r.alt}</title>
                  <text x={LABEL_W - 6} y={17} textAnchor="end" fontSize="12" fill="#1b1d21">
                    {short(r.label)}
                  </text>
                  {r.segments.map((s) => (
                    <rect key={s.model} x={LABEL_W + s.x} y={6} width={Math.max(1, s.w)} height={14} fill={s.colour} />
                  ))}
                </g>
              ))}
              <Axis chart={chart} fmt={dollars} />
            </svg>
          </div>
          {chart.models.length ? (
            <div className="table-scroll">
              <table aria-label="Spend by day and model">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Model</th>
                    <th scope="col">Calls</th>
                    <th scope="col">Tokens in / out</th>
                    <th scope="col">Cost</th>
                  </tr>
                </thead>
                <tbody>
                  {data.days.flatMap((d) =>
                    d.models.map((m) => (
                      <tr key={`${d.day} ${m.model}`} data-testid="spend-model-row">
                        <td>{d.day}</td>
                        <td>{m.model}</td>
                        <td>{m.calls}</td>
                        <td>
                          {m.tokens_in} / {m.tokens_out}
                        </td>
                        <td>{dollars(m.cost_usd)}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
