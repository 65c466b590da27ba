// Flows, reachability and the findings of one page's graph. Definitions (also stated in report.assumptions):
// - navigation = a NODE NAVIGATE / SWAP / OVERLAY edge to another screen; every CONDITIONAL branch counts (a
//   static reading cannot know which branch a user takes);
// - a link = a NODE NAVIGATE / SWAP / OVERLAY edge that leaves its screen, whether its destination is on the graph
//   or missing (a missing destination is reported once, in report.missing, not again as a dead end);
// - entries = the page's flowStartingPoints; else its deprecated prototypeStartNodeID; else "roots" (screens with
//   an outgoing link and no incoming navigation; if every such screen sits in a cycle, the first in canvas order);
// - an exit = a link, BACK, CLOSE or URL; SCROLL_TO, CHANGE_TO, variable and media actions stay put;
// - a flow end = a reachable screen with no exit that options.flowEnds lists (id or name) or whose name matches
//   the flow-end pattern; a dead end = any other reachable screen with no exit.
// Only `frame` screens are reported: components, other nodes and off-page targets belong to the graph, not the
// report.
import type { FlowPage } from './input';
import type { FlowEdge, FlowEntry, FlowEntrySource, FlowReport, FlowScreen } from './types';

/** Names that mark a screen as the intended end of a flow (whole words, any case). */
export const DEFAULT_FLOW_END_PATTERN = /\b(success|successful|done|complete|completed|confirmation|confirmed|thanks|thank you|finished|the end|end)\b/i;

/** How flow ends are recognised. */
export interface FlowEndOptions {
  /** Screen ids or names that end a flow. */
  flowEnds?: readonly string[];
  /** Names matching this end a flow; null turns name matching off. Default DEFAULT_FLOW_END_PATTERN. */
  flowEndPattern?: RegExp | null;
}

const NAVIGATIONS = new Set(['NAVIGATE', 'SWAP', 'OVERLAY']);

/** True for a NODE NAVIGATE / SWAP / OVERLAY edge to a screen other than its own. */
export function isNavigation(e: FlowEdge): boolean {
  return e.action === 'NODE' && NAVIGATIONS.has(e.navigation ?? '') && e.destination.kind === 'screen' && e.destination.screenId !== e.from;
}

/** A navigation, or a NODE NAVIGATE / SWAP / OVERLAY whose destination is missing: the designer meant to leave. */
function isLink(e: FlowEdge): boolean {
  return isNavigation(e) || (e.action === 'NODE' && NAVIGATIONS.has(e.navigation ?? '') && e.destination.kind === 'missing');
}

function isExit(e: FlowEdge): boolean {
  const k = e.destination.kind;
  return isLink(e) || k === 'back' || k === 'close' || k === 'url';
}

/** Screen → the screens its navigation edges reach, in edge order, without repeats. */
function adjacency(edges: FlowEdge[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of edges) {
    if (!isNavigation(e) || e.destination.kind !== 'screen') continue;
    const list = out.get(e.from) ?? [];
    if (!list.includes(e.destination.screenId)) list.push(e.destination.screenId);
    out.set(e.from, list);
  }
  return out;
}

function reach(start: string, adj: Map<string, string[]>): string[] {
  const seen = new Set([start]);
  const order = [start];
  for (let i = 0; i < order.length; i++) {
    for (const next of adj.get(order[i]!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        order.push(next);
      }
    }
  }
  return order;
}

interface Entries {
  source: FlowEntrySource;
  starts: { name: string; screenId: string; source: FlowEntry['source'] }[];
  missingStarts: FlowReport['missingStarts'];
  assumptions: string[];
}

function entries(page: FlowPage, screens: FlowScreen[], edges: FlowEdge[], screenOf: (nodeId: string) => string | null): Entries {
  const onPage = (id: string | null) => (id !== null && screens.some((s) => s.id === id && s.kind !== 'offPage') ? id : null);
  const missingStarts: FlowReport['missingStarts'] = [];
  const assumptions: string[] = [];
  if (page.flowStartingPoints.length) {
    const starts: Entries['starts'] = [];
    for (const p of page.flowStartingPoints) {
      const screenId = onPage(screenOf(p.nodeId));
      if (screenId) starts.push({ name: p.name, screenId, source: 'flowStartingPoints' });
      else missingStarts.push({ name: p.name, nodeId: p.nodeId });
    }
    if (starts.length) {
      assumptions.push(`flows start at the page's ${starts.length} flowStartingPoints`);
      return { source: 'flowStartingPoints', starts, missingStarts, assumptions };
    }
    assumptions.push('no flowStartingPoint names a screen of this page: starts are assumed as below');
  }
  const legacyStart = page.prototypeStartNodeID ? onPage(screenOf(page.prototypeStartNodeID)) : null;
  if (legacyStart) {
    assumptions.push('no flowStartingPoints: the flow starts at the page\'s prototypeStartNodeID (deprecated by Figma)');
    return { source: 'prototypeStartNodeID', starts: [{ name: 'Prototype start', screenId: legacyStart, source: 'prototypeStartNodeID' }], missingStarts, assumptions };
  }
  const links = edges.filter(isLink);
  if (links.length === 0) {
    assumptions.push('no starting point and no link on this page: nothing is reachable, so every screen is reported unreachable');
    return { source: 'none', starts: [], missingStarts, assumptions };
  }
  const incoming = new Set(links.map((e) => (e.destination.kind === 'screen' ? e.destination.screenId : '')));
  const outgoing = new Set(links.map((e) => e.from));
  const candidates = screens.filter((s) => s.kind !== 'offPage' && outgoing.has(s.id));
  const roots = candidates.filter((s) => !incoming.has(s.id));
  const chosen = roots.length ? roots : candidates.slice(0, 1);
  assumptions.push(
    roots.length
      ? 'no starting point in the file: every screen with an outgoing link and no incoming navigation is assumed to start a flow'
      : 'no starting point in the file and every linking screen is in a cycle: the first of them in canvas order is assumed to start the flow',
  );
  return { source: 'roots', starts: chosen.map((s) => ({ name: s.name, screenId: s.id, source: 'roots' })), missingStarts, assumptions };
}

/** The flows and the report of one page's graph; `screenOf` maps any node id of the input to its screen id. */
export function analyse(
  page: FlowPage,
  screens: FlowScreen[],
  edges: FlowEdge[],
  screenOf: (nodeId: string) => string | null,
  options: FlowEndOptions,
): { flows: FlowEntry[]; report: FlowReport } {
  const found = entries(page, screens, edges, screenOf);
  const adj = adjacency(edges);
  const flows: FlowEntry[] = found.starts.map((s) => ({ name: s.name, startScreenId: s.screenId, source: s.source, reachable: reach(s.screenId, adj) }));
  const reachable = new Set(flows.flatMap((f) => f.reachable));
  const withExit = new Set(edges.filter(isExit).map((e) => e.from));
  const pattern = options.flowEndPattern === undefined ? DEFAULT_FLOW_END_PATTERN : options.flowEndPattern;
  const listed = new Set(options.flowEnds ?? []);
  const isEnd = (s: FlowScreen) => listed.has(s.id) || listed.has(s.name) || (pattern !== null && s.name.search(pattern) >= 0);
  const frames = screens.filter((s) => s.kind === 'frame');
  const stuck = frames.filter((s) => reachable.has(s.id) && !withExit.has(s.id));
  const missing: FlowReport['missing'] = [];
  for (const e of edges) {
    if (e.destination.kind === 'missing') {
      missing.push({ edgeId: e.id, sourceNodeId: e.sourceNodeId, destinationId: e.destination.nodeId, reason: e.destination.reason });
    }
  }
  const assumptions = [
    ...found.assumptions,
    'reachability follows NODE NAVIGATE, SWAP and OVERLAY edges, through every branch of a CONDITIONAL',
    'a link is a NODE NAVIGATE, SWAP or OVERLAY that leaves its screen, its destination found or reported missing',
    `a dead end is a reachable screen with no exit (a link, BACK, CLOSE or URL) that is not a flow end; a flow end is a screen listed in flowEnds${pattern ? ` or whose name matches ${String(pattern)}` : ''}`,
    'top-level components, other nodes and screens on other pages are drawn but never reported unreachable or dead ends',
  ];
  return {
    flows,
    report: {
      entry: found.source,
      assumptions,
      unreachable: frames.filter((s) => !reachable.has(s.id)).map((s) => s.id),
      deadEnds: stuck.filter((s) => !isEnd(s)).map((s) => s.id),
      flowEnds: stuck.filter(isEnd).map((s) => s.id),
      missing,
      missingStarts: found.missingStarts,
    },
  };
}
