// Bar chart geometry for the Observability page: per-route latency (p50 and p95 bars on one scale, with each route's
// SLO target marked) and error rates, spend per provider, and spend by day stacked by model. Pure: the page draws the SVG from it and its unit test
// checks the numbers; every chart also has a table of the same figures.
import { plural } from './words';

/** The smallest 1, 2 or 5 × 10ⁿ at or above `v` (an axis end that reads well); 1 for nothing. */
export function niceMax(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v - 1e-12) return m * p;
  return 10 * p;
}

export interface LatencyInput {
  route: string;
  method: string;
  count: number;
  p50_ms: number;
  p95_ms: number;
  error_rate: number;
  slo: { p95_target_ms: number; error_rate_target: number; p95_ok: boolean; error_rate_ok: boolean };
}

export interface LatencyBar {
  label: string;
  y: number;
  p50: number;
  p95: number;
  /** x of the SLO target (the chart's width when the target is past the axis end). */
  target: number;
  ok: boolean;
  /** Text alternative of the row. */
  alt: string;
}

export interface Chart<T> {
  rows: T[];
  /** The axis' end in the data's unit. */
  max: number;
  width: number;
  height: number;
  ticks: { x: number; value: number }[];
}

const ROW = 28;
const ticksOf = (max: number, width: number) => [0, 0.25, 0.5, 0.75, 1].map((f) => ({ x: Math.round(f * width), value: +(f * max).toPrecision(3) }));

/** Routes slowest p95 first; bars scaled to `width` px against the larger of the slowest p95 and the targets shown. */
export function latencyChart(routes: LatencyInput[], width: number): Chart<LatencyBar> {
  const sorted = [...routes].sort((a, b) => b.p95_ms - a.p95_ms || a.route.localeCompare(b.route));
  const max = niceMax(Math.max(0, ...sorted.map((r) => r.p95_ms), ...sorted.map((r) => Math.min(r.slo.p95_target_ms, 2 * Math.max(1, r.p95_ms)))));
  const x = (ms: number) => Math.min(width, Math.round((ms / max) * width));
  const rows = sorted.map((r, i) => ({
    label: `${r.method} ${r.route}`,
    y: i * ROW,
    p50: x(r.p50_ms),
    p95: x(r.p95_ms),
    target: x(r.slo.p95_target_ms),
    ok: r.slo.p95_ok,
    alt: `${r.method} ${r.route}: p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms (target ${r.slo.p95_target_ms} ms, ${r.slo.p95_ok ? 'met' : 'missed'}) over ${r.count} requests`,
  }));
  return { rows, max, width, height: rows.length * ROW, ticks: ticksOf(max, width) };
}

export interface ValueBar {
  label: string;
  y: number;
  w: number;
  value: number;
  alt: string;
}

/** One bar per labelled value, largest first, on a 1-2-5 axis; `unit` formats the text alternative. */
export function valueChart(items: { label: string; value: number }[], width: number, unit: (v: number) => string): Chart<ValueBar> {
  const sorted = [...items].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const max = niceMax(Math.max(0, ...sorted.map((i) => i.value)));
  const rows = sorted.map((i, n) => ({ label: i.label, y: n * ROW, w: Math.round((Math.max(0, i.value) / max) * width), value: i.value, alt: `${i.label}: ${unit(i.value)}` }));
  return { rows, max, width, height: rows.length * ROW, ticks: ticksOf(max, width) };
}

export interface SpendDayInput {
  day: string;
  calls: number;
  cost_usd: number;
  models: { model: string; calls: number; cost_usd: number }[];
}

export interface StackSegment {
  model: string;
  x: number;
  w: number;
  colour: string;
}

export interface StackBar {
  label: string;
  y: number;
  segments: StackSegment[];
  alt: string;
}

/** Colours told apart on white; a model keeps its colour on every day of the chart. */
export const PALETTE = ['#2446c7', '#d46b08', '#1a7f52', '#a3122a', '#7b3fb8', '#0f7386', '#8a6d00', '#5b6170'];

/**
 * One bar per day in the given order, its models stacked costliest first, segments abutting (each ends where the
 * running total ends on the axis). Models are coloured by their cost over the whole range, costliest first.
 */
export function spendChart(days: SpendDayInput[], width: number, unit: (v: number) => string): Chart<StackBar> & { models: { model: string; colour: string; cost: number }[] } {
  const totals = new Map<string, number>();
  for (const d of days) for (const m of d.models) totals.set(m.model, (totals.get(m.model) ?? 0) + m.cost_usd);
  const models = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([model, cost], i) => ({ model, cost, colour: PALETTE[i % PALETTE.length]! }));
  const colour = new Map(models.map((m) => [m.model, m.colour]));
  const max = niceMax(Math.max(0, ...days.map((d) => d.cost_usd)));
  const x = (v: number) => Math.round((Math.max(0, v) / max) * width);
  const rows = days.map((d, i) => {
    const stack = [...d.models].sort((a, b) => b.cost_usd - a.cost_usd || a.model.localeCompare(b.model));
    let sum = 0;
    const segments = stack.map((m) => {
      const start = x(sum);
      sum += m.cost_usd;
      return { model: m.model, x: start, w: x(sum) - start, colour: colour.get(m.model)! };
    });
    const parts = stack.map((m) => `${m.model} ${unit(m.cost_usd)} (${calls(m.calls)})`).join(', ');
    return { label: d.day, y: i * ROW, segments, alt: `${d.day}: ${unit(d.cost_usd)} over ${calls(d.calls)}${parts ? ` — ${parts}` : ''}` };
  });
  return { rows, max, width, height: rows.length * ROW, ticks: ticksOf(max, width), models };
}

/** `1 call`, `3 calls`. */
export const calls = (n: number) => plural(n, 'call');
export const percent = (v: number) => `${(v * 100).toFixed(v > 0 && v < 0.01 ? 2 : 1)} %`;
export const dollars = (v: number) => `$${v.toFixed(v > 0 && v < 0.01 ? 4 : 2)}`;
