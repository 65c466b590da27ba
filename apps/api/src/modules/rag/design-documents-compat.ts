// The design knowledge index (issue 12) over what figma-compat stores (issue 13): a file's design tokens and a
// page's prototype flow, as RAG documents chat can find ("what is our primary colour in dark mode", "where does the
// Sign in button lead"). Pure and deterministic, as design-documents.ts: the same row renders the same documents.
//  - Tokens: the LATEST stored version of each file, one document per top-level group (a collection, or the styles), cut in
//    parts of TOKENS_PER_DOCUMENT tokens; each token on one line with its default value and its other modes.
//  - Flows: one document per `action_flows` row: its screens, every transition in words, the flows' starts, and
//    what is unreachable or a dead end.
import { diffTokens, type ActionFlow, type FlowEdge, type ResolverDocument } from '@cogo/figma-compat';
import type { RagIngestItem } from '@cogo/types';

export type CompatDocument = RagIngestItem & { source: 'token' | 'flow'; title: string; metadata: Record<string, unknown> };

/** A `public.token_versions` row, as the index reads it. */
export interface TokenVersionDoc {
  id: string;
  fileKey: string;
  version: string;
  resolver: Record<string, unknown>;
}

/** A `public.action_flows` row, as the index reads it. */
export interface ActionFlowDoc {
  id: string;
  fileKey: string;
  pageId: string;
  pageName: string;
  graph: Record<string, unknown>;
  /** The LLM's annotations (actionflow/refine with `refine`), already checked against the graph; null when none. */
  annotations?: Record<string, unknown> | null;
}

/** Tokens listed in one document; a larger group is cut in parts. */
export const TOKENS_PER_DOCUMENT = 300;
const MAX_TEXT = 50_000;
const MAX_LINE = 400;

const clip = (s: string, max = MAX_LINE) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const isRecord = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** The external id of a file's token document: stable across versions, so a new version updates it in place. */
export const tokenDocumentId = (fileKey: string, group: string, part: number) => `tokens:${fileKey}:${group}${part > 0 ? `:${part + 1}` : ''}`;

/** A DTCG value as people read it: a colour's hex, a dimension `16px`, an alias `{color.blue.500}`. */
export function tokenValueText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(tokenValueText).join(', ');
  if (isRecord(value)) {
    if (typeof value.hex === 'string') return value.alpha !== undefined && value.alpha !== 1 ? `${value.hex} at ${Math.round(Number(value.alpha) * 100)}%` : value.hex;
    if (typeof value.value === 'number' && typeof value.unit === 'string') return `${value.value}${value.unit}`;
    if (Array.isArray(value.components) && typeof value.colorSpace === 'string') return `${value.colorSpace}(${value.components.join(' ')})`;
    return Object.keys(value)
      .sort()
      .map((k) => `${k}: ${tokenValueText(value[k])}`)
      .join('; ');
  }
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** The documents of one file's tokens (its stored version): one per top-level group, in parts. */
export function tokenDocuments(row: TokenVersionDoc): CompatDocument[] {
  const resolver = row.resolver as unknown as ResolverDocument;
  const fileName = typeof resolver.name === 'string' ? resolver.name : row.fileKey;
  // every token of every mode, sorted by path then mode (the default first): the diff from nothing
  const entries = diffTokens({}, resolver).added;
  const byPath = new Map<string, { type: string; values: Array<{ mode: string | null; value: unknown }> }>();
  for (const e of entries) {
    const at = byPath.get(e.path) ?? { type: e.$type, values: [] };
    at.values.push({ mode: e.mode, value: e.$value });
    byPath.set(e.path, at);
  }
  const groups = new Map<string, string[]>();
  for (const [path, t] of byPath) {
    const group = path.split('.')[0]!;
    const defaults = t.values.filter((v) => v.mode === null).map((v) => tokenValueText(v.value));
    const modes = t.values.filter((v) => v.mode !== null).map((v) => `${v.mode}: ${tokenValueText(v.value)}`);
    const line = clip(`- ${path} (${t.type}): ${[defaults.join(', ') || '(no default)', ...modes].join('; ')}`);
    groups.set(group, [...(groups.get(group) ?? []), line]);
  }
  const docs: CompatDocument[] = [];
  for (const [group, lines] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const parts = Math.ceil(lines.length / TOKENS_PER_DOCUMENT);
    for (let part = 0; part < parts; part++) {
      const slice = lines.slice(part * TOKENS_PER_DOCUMENT, (part + 1) * TOKENS_PER_DOCUMENT);
      const suffix = parts > 1 ? ` (part ${part + 1} of ${parts})` : '';
      const text = [
        `Design tokens of the group "${group}" in the Figma file "${fileName}"${suffix}: ${lines.length} tokens (W3C DTCG 2025.10; modes after the default as "<collection>/<mode>: value").`,
        '',
        ...slice,
        '',
        `Figma: file ${row.fileKey}, version ${row.version}.`,
      ].join('\n');
      docs.push({
        id: tokenDocumentId(row.fileKey, group, part),
        source: 'token',
        title: clip(`Design tokens: ${group} (${fileName})${suffix}`, 1_000),
        text: clip(text, MAX_TEXT),
        metadata: { kind: 'tokens', figma_file_key: row.fileKey, figma_version: row.version, group, token_version_id: row.id },
      });
    }
  }
  return docs;
}

const NAVIGATION: Readonly<Record<string, string>> = { NAVIGATE: 'navigate to', SWAP: 'swap to', OVERLAY: 'open as an overlay', SCROLL_TO: 'scroll to', CHANGE_TO: 'change to' };

function edgeText(edge: FlowEdge, names: Map<string, string>): string {
  const screen = (id: string) => `"${names.get(id) ?? id}"`;
  const trigger = edge.trigger.type.toLowerCase().replace(/^on_/, 'on ').replace(/_/g, ' ');
  const d = edge.destination;
  const where =
    d.kind === 'screen'
      ? `${NAVIGATION[edge.navigation ?? 'NAVIGATE']} ${screen(d.screenId)}`
      : d.kind === 'back'
        ? 'go back'
        : d.kind === 'close'
          ? 'close the overlay'
          : d.kind === 'url'
            ? `open ${d.url}`
            : d.kind === 'self'
              ? edge.variable
                ? `set ${edge.variable.name ?? edge.variable.variableId ?? 'a variable'} to ${edge.variable.value}`
                : 'stay'
              : 'lead nowhere (missing destination)';
  const when = edge.branch?.length ? ` when ${edge.branch.map((b) => b.condition).join(' and ')}` : '';
  return clip(`- On ${screen(edge.from)}, ${trigger} "${edge.sourceName}": ${where}${when}`);
}

/** What an LLM wrote of the flow (screen purposes, flow summaries, suggestions) — not who or when, so it stays deterministic. */
function annotationLines(annotations: Record<string, unknown> | null | undefined, names: Map<string, string>): string[] {
  if (!isRecord(annotations)) return [];
  const list = (key: string) => (Array.isArray(annotations[key]) ? (annotations[key] as unknown[]).filter(isRecord) : []);
  const name = (id: unknown) => `"${names.get(String(id)) ?? String(id)}"`;
  const out: string[] = [];
  const screens = list('screens').map((a) => clip(`- ${name(a.id)}: ${String(a.purpose ?? '')}`));
  const flows = list('flows').map((a) => clip(`- "${String(a.name)}": ${String(a.summary ?? '')}`));
  const suggestions = list('suggestions').map((a) => clip(`- ${name(a.screen_id)} (${String(a.kind ?? 'other').replace(/_/g, ' ')}): ${String(a.text ?? '')}`));
  if (screens.length) out.push('', 'Screen purposes:', ...screens);
  if (flows.length) out.push('', 'Flow summaries:', ...flows);
  if (suggestions.length) out.push('', 'Suggestions:', ...suggestions);
  return out;
}

/** The document of one stored prototype flow. */
export function flowDocument(row: ActionFlowDoc): CompatDocument {
  const graph = row.graph as unknown as ActionFlow;
  const names = new Map(graph.screens.map((s) => [s.id, s.name]));
  const list = (ids: string[]) => ids.map((id) => `"${names.get(id) ?? id}"`).join(', ');
  const lines = [`Prototype flow of the Figma page "${row.pageName}": ${graph.screens.length} screens, ${graph.edges.length} interactions.`];
  if (graph.flows.length) lines.push(`Flows: ${graph.flows.map((f) => `"${f.name}" starts on "${names.get(f.startScreenId) ?? f.startScreenId}"`).join('; ')}.`);
  lines.push(`Screens: ${list(graph.screens.map((s) => s.id))}.`);
  if (graph.report.unreachable.length) lines.push(`Unreachable screens: ${list(graph.report.unreachable)}.`);
  if (graph.report.deadEnds.length) lines.push(`Dead ends: ${list(graph.report.deadEnds)}.`);
  lines.push('', 'Interactions:', ...graph.edges.map((e) => edgeText(e, names)), ...annotationLines(row.annotations, names), '', `Figma: file ${row.fileKey}, page ${row.pageId}.`);
  return {
    id: row.id,
    source: 'flow',
    title: clip(`Prototype flow: ${row.pageName}`, 1_000),
    text: clip(lines.join('\n'), MAX_TEXT),
    metadata: { kind: 'action_flow', figma_file_key: row.fileKey, figma_node_id: row.pageId, action_flow_id: row.id },
  };
}
