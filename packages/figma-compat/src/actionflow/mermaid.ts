// ActionFlow → Mermaid `flowchart` text. Ids are derived from Figma ids (`1:23` → `s_1_23`), so two versions of a
// page diff line by line; every label is a quoted string with Mermaid entity codes (`#quot;`, `#35;`…) for the
// characters that would end it or be read as HTML, so no screen name can break or inject into the chart.
import { isNavigation } from './analyse';
import type { ActionFlow, FlowEdge, FlowScreen, FlowTrigger } from './types';

/** Options of toMermaid. */
export interface MermaidOptions {
  /** Chart direction; default LR. */
  direction?: 'LR' | 'RL' | 'TB' | 'TD' | 'BT';
  /** Draw only edges that move the user (navigation, BACK, CLOSE, URL, missing); default false: every edge. */
  navigationOnly?: boolean;
}

const ENTITIES: Record<string, string> = { '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '`': '#96;', '|': '#124;' };

/** Text made safe inside a Mermaid double-quoted label: one line, entity codes for `#"<>&`|`. */
export function mermaidLabel(text: string): string {
  return `"${text.replace(/\s+/g, ' ').trim().replace(/[#"<>&`|]/g, (c) => ENTITIES[c]!)}"`;
}

const words = (s: string) => s.toLowerCase().replace(/_/g, ' ');

function triggerLabel(t: FlowTrigger): string {
  switch (t.type) {
    case 'AFTER_TIMEOUT':
      return `after ${t.timeoutMs ?? 0}ms`;
    case 'ON_KEY_DOWN':
      return `key ${(t.keyCodes ?? []).join('+')}`;
    case 'ON_MEDIA_HIT':
      return `media at ${t.mediaHitTime ?? 0}s`;
    default:
      return t.delayMs ? `${words(t.type)} (${t.delayMs}ms)` : words(t.type);
  }
}

function actionLabel(e: FlowEdge): string {
  switch (e.action) {
    case 'NODE':
      return words(e.navigation ?? 'node');
    case 'URL':
      return 'open URL';
    case 'SET_VARIABLE':
      return `set ${e.variable?.name ?? e.variable?.variableId ?? '?'} = ${e.variable?.value ?? '?'}`;
    case 'SET_VARIABLE_MODE':
      return `set mode ${e.variableMode?.modeId ?? '?'}`;
    case 'UPDATE_MEDIA_RUNTIME':
      return `media ${words(e.media?.action ?? '?')}`;
    case 'UNKNOWN':
      return words(e.rawAction ?? 'unknown');
    default:
      return words(e.action);
  }
}

function edgeLabel(e: FlowEdge): string {
  const parts = [e.sourceName, triggerLabel(e.trigger)];
  for (const b of e.branch ?? []) parts.push(b.condition === 'else' ? 'else' : `if ${b.condition}`);
  parts.push(actionLabel(e));
  return parts.join(' · ');
}

function arrow(e: FlowEdge): string {
  if (e.navigation === 'OVERLAY') return '-.->';
  if (e.navigation === 'SWAP') return '==>';
  return e.destination.kind === 'self' || e.navigation === 'SCROLL_TO' || e.navigation === 'CHANGE_TO' ? '-.->' : '-->';
}

function shape(s: FlowScreen, label: string): string {
  if (s.kind === 'offPage') return `[/${label}/]`;
  if (s.kind === 'component') return `[[${label}]]`;
  return s.overlay ? `(${label})` : `[${label}]`;
}

/** Assigns `prefix + sanitised key` ids, suffixing `_2`, `_3`… in first-come order when two keys sanitise alike. */
function idMaker(prefix: string) {
  const byKey = new Map<string, string>();
  const used = new Set<string>();
  return (key: string): string => {
    const known = byKey.get(key);
    if (known) return known;
    const stem = `${prefix}${key.replace(/[^A-Za-z0-9]/g, '_')}`;
    let id = stem;
    for (let n = 2; used.has(id); n++) id = `${stem}_${n}`;
    used.add(id);
    byKey.set(key, id);
    return id;
  };
}

/** Mermaid `flowchart` text of an ActionFlow: screens, flow starts, every edge, and classes for the findings. */
export function toMermaid(flow: ActionFlow, options: MermaidOptions = {}): string {
  const lines = [`flowchart ${options.direction ?? 'LR'}`];
  const screenId = idMaker('s_');
  for (const s of flow.screens) lines.push(`  ${screenId(s.id)}${shape(s, mermaidLabel(s.name))}`);
  flow.flows.forEach((f, i) => {
    lines.push(`  f${i}([${mermaidLabel(`▶ ${f.name}`)}])`, `  f${i} --> ${screenId(f.startScreenId)}`);
  });
  const extra = idMaker('x_');
  const declared = new Set<string>();
  const missingIds: string[] = [];
  const target = (e: FlowEdge): string => {
    const d = e.destination;
    const declare = (id: string, node: string) => {
      if (!declared.has(id)) lines.push(`  ${node}`);
      declared.add(id);
      return id;
    };
    switch (d.kind) {
      case 'screen':
        return screenId(d.screenId);
      case 'self':
        return screenId(e.from);
      case 'back':
        return declare('nav_back', `nav_back((${mermaidLabel('Back')}))`);
      case 'close':
        return declare('nav_close', `nav_close((${mermaidLabel('Close overlay')}))`);
      case 'url': {
        const id = extra(`url ${d.url}`);
        return declare(id, `${id}{{${mermaidLabel(d.url || '(empty URL)')}}}`);
      }
      case 'missing': {
        const id = extra(`missing ${d.nodeId ?? `none ${e.id}`}`);
        if (!declared.has(id)) missingIds.push(id);
        return declare(id, `${id}[${mermaidLabel(d.nodeId ? `Missing ${d.nodeId}` : 'No destination')}]`);
      }
    }
  };
  for (const e of flow.edges) {
    const moves = isNavigation(e) || ['back', 'close', 'url', 'missing'].includes(e.destination.kind);
    if (options.navigationOnly && !moves) continue;
    const to = target(e);
    lines.push(`  ${screenId(e.from)} ${arrow(e)}|${mermaidLabel(edgeLabel(e))}| ${to}`);
  }
  const classes: [string, string, string[]][] = [
    ['unreachable', 'fill:#eeeeee,color:#777777,stroke-dasharray:4 3', flow.report.unreachable.map(screenId)],
    ['deadEnd', 'stroke:#cc0000,stroke-width:3px', flow.report.deadEnds.map(screenId)],
    ['flowEnd', 'stroke:#008800,stroke-width:3px', flow.report.flowEnds.map(screenId)],
    ['missing', 'fill:#ffdddd,stroke:#cc0000', missingIds],
  ];
  for (const [name, style, ids] of classes) {
    if (ids.length === 0) continue;
    lines.push(`  classDef ${name} ${style}`, `  class ${ids.join(',')} ${name}`);
  }
  return `${lines.join('\n')}\n`;
}
