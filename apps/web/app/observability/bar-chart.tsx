// An SVG bar chart from lib/charts.ts geometry: labels on the left, bars on a shared axis with ticks; each row's text
// alternative is its <title> and the chart's summary its aria-label. The page shows the same figures as a table.
'use client';
import type { Chart, LatencyBar, ValueBar } from '../../lib/charts';

export const LABEL_W = 220;
export const AXIS_H = 18;

export function Axis({ chart, fmt }: { chart: Chart<unknown>; fmt: (v: number) => string }) {
  return (
    <g transform={`translate(${LABEL_W},${chart.height})`} aria-hidden="true">
      {chart.ticks.map((t) => (
        <g key={t.x} transform={`translate(${t.x},0)`}>
          <line y1={-chart.height} y2={4} stroke="#d9dce3" />
          <text y={15} textAnchor={t.x === 0 ? 'start' : t.x === chart.width ? 'end' : 'middle'} fontSize="11" fill="#5b6170">
            {fmt(t.value)}
          </text>
        </g>
      ))}
    </g>
  );
}

export const short = (s: string) => (s.length > 30 ? `${s.slice(0, 29)}…` : s);

export function LatencyChart({ chart, label }: { chart: Chart<LatencyBar>; label: string }) {
  return (
    <div className="chart-box">
      <svg role="img" aria-label={label} data-testid="latency-chart" viewBox={`0 0 ${LABEL_W + chart.width + 8} ${chart.height + AXIS_H}`} className="chart">
        {chart.rows.map((r) => (
          <g key={r.label} transform={`translate(0,${r.y})`} data-testid="latency-bar">
            <title>{r.alt}</title>
            <text x={LABEL_W - 6} y={17} textAnchor="end" fontSize="12" fill="#1b1d21">
              {short(r.label)}
            </text>
            <rect x={LABEL_W} y={4} width={Math.max(1, r.p95)} height={18} fill={r.ok ? '#9db1f0' : '#f0a3ae'} />
            <rect x={LABEL_W} y={8} width={Math.max(1, r.p50)} height={10} fill="#2446c7" />
            <line x1={LABEL_W + r.target} x2={LABEL_W + r.target} y1={1} y2={25} stroke="#a3122a" strokeWidth={2} strokeDasharray="3 2" />
          </g>
        ))}
        <Axis chart={chart} fmt={(v) => `${v} ms`} />
      </svg>
    </div>
  );
}

export function ValueChart({ chart, label, fmt, testId }: { chart: Chart<ValueBar>; label: string; fmt: (v: number) => string; testId: string }) {
  return (
    <div className="chart-box">
      <svg role="img" aria-label={label} data-testid={testId} viewBox={`0 0 ${LABEL_W + chart.width + 8} ${chart.height + AXIS_H}`} className="chart">
        {chart.rows.map((r) => (
          <g key={r.label} transform={`translate(0,${r.y})`}>
            <title>{r.alt}</title>
            <text x={LABEL_W - 6} y={17} textAnchor="end" fontSize="12" fill="#1b1d21">
              {short(r.label)}
            </text>
            <rect x={LABEL_W} y={6} width={Math.max(1, r.w)} height={14} fill="#2446c7" />
          </g>
        ))}
        <Axis chart={chart} fmt={fmt} />
      </svg>
    </div>
  );
}
