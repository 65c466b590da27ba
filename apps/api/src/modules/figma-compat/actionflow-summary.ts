// What actionflow/refine shows the model of a screen graph: compact text, bounded in size — the screens (id, name,
// kind), every edge as `from --TRIGGER/ACTION--> to` (identical lines once, with a count), the flows, and the
// report. Ids are written as the graph holds them, because the answer must name them back exactly.
import type { ActionFlow, FlowEdge } from '@cogo/figma-compat';

/** Most characters of the summary (a large prototype is cut, and the cut said so). */
export const FLOW_SUMMARY_MAX_CHARS = 24_000;
const MAX_NAME = 80;
const MAX_LIST = 50;

const name = (s: string) => JSON.stringify(s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1)}…` : s);
const list = (ids: readonly string[]) => (ids.length === 0 ? 'none' : ids.length <= MAX_LIST ? ids.join(', ') : `${ids.slice(0, MAX_LIST).join(', ')} … (${ids.length - MAX_LIST} more)`);

/** Where an edge leads, in one word: a screen id, or back / close / url / self / missing. */
function target(e: FlowEdge): string {
  const d = e.destination;
  if (d.kind === 'screen') return d.screenId;
  return d.kind;
}

/** One edge as `from --TRIGGER/NAVIGATION-or-ACTION--> to`. */
export const edgeLine = (e: FlowEdge) => `${e.from} --${e.trigger.type}/${e.navigation ?? e.action}--> ${target(e)}`;

/** Adds lines to `out` while they fit in `budget` characters; says how many were left out. */
function fill(out: string[], lines: string[], budget: number, what: string): number {
  let used = 0;
  for (const [i, line] of lines.entries()) {
    if (used + line.length + 1 > budget) {
      const cut = `… (${lines.length - i} more ${what} cut)`;
      out.push(cut);
      return used + cut.length + 1;
    }
    out.push(line);
    used += line.length + 1;
  }
  return used;
}

/** The graph as the model reads it, at most FLOW_SUMMARY_MAX_CHARS characters. */
export function flowSummary(flow: ActionFlow): string {
  const out: string[] = [`Page ${name(flow.page.name)} (${flow.page.id})`];
  const report = flow.report;
  const tail = [
    'Flows (name: start screen → screens reachable from it):',
    ...flow.flows.slice(0, MAX_LIST).map((f) => `${name(f.name)}: ${f.startScreenId} → ${list(f.reachable)}`),
    ...(flow.flows.length > MAX_LIST ? [`… (${flow.flows.length - MAX_LIST} more flows cut)`] : []),
    `Report: entry ${report.entry}; unreachable: ${list(report.unreachable)}; dead ends: ${list(report.deadEnds)}; flow ends: ${list(report.flowEnds)}; links without a destination: ${report.missing.length}`,
  ];
  let budget = FLOW_SUMMARY_MAX_CHARS - out[0]!.length - tail.reduce((n, l) => n + l.length + 1, 0) - 200;
  out.push('Screens (id name kind):');
  const screens = flow.screens.map((s) => `${s.id} ${name(s.name)} ${s.kind}${s.overlay ? ' overlay' : ''}`);
  // screens first, at most two thirds of the room: the edges between them mean little without them
  budget -= fill(out, screens, Math.floor((budget * 2) / 3), 'screens');
  out.push('Edges (from --trigger/action--> to):');
  const counts = new Map<string, number>();
  for (const e of flow.edges) {
    const line = edgeLine(e);
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  fill(
    out,
    [...counts].map(([line, n]) => (n > 1 ? `${line} ×${n}` : line)),
    Math.max(0, budget),
    'edges',
  );
  const text = [...out, ...tail].join('\n');
  // the flows' lists are bounded by count, not size: a last cut keeps the promise
  return text.length <= FLOW_SUMMARY_MAX_CHARS ? text : `${text.slice(0, FLOW_SUMMARY_MAX_CHARS - 30)}\n… (summary cut)`;
}
