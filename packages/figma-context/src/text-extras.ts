/**
 * What a text says beyond characters and style: hyperlinks (whole text or per run) and list lines
 * (`lineTypes` bullets / numbering, `lineIndentations`), which a reader needs to rebuild the markup.
 */
import type { CompactNode } from './compact-types';
import type { RawNode, RawTypeStyle } from './raw-node';

const LINE_CODES: Readonly<Record<string, string>> = { ORDERED: 'o', UNORDERED: 'u' };

function linkOf(style: RawTypeStyle | undefined): string | undefined {
  const h = style?.hyperlink;
  if (!h) return undefined;
  if (h.type === 'NODE' || (h.url === undefined && h.nodeID !== undefined)) return h.nodeID === undefined ? undefined : `node:${h.nodeID}`;
  return h.url;
}

function links(node: RawNode): [number, number, string][] | undefined {
  const len = node.characters?.length ?? 0;
  const base = linkOf(node.style);
  const overrides = node.characterStyleOverrides;
  const table = node.styleOverrideTable;
  if (!overrides || overrides.length === 0 || !table) return base === undefined ? undefined : [[0, len, base]];
  const out: [number, number, string][] = [];
  let start = 0;
  // Characters past the end of `characterStyleOverrides` use the base style (Figma trims trailing zeros).
  while (start < len) {
    const id = start < overrides.length ? (overrides[start] ?? 0) : 0;
    let end = start + 1;
    while (end < len && (end < overrides.length ? (overrides[end] ?? 0) : 0) === id) end++;
    const o = id === 0 ? undefined : table[String(id)];
    const url = o && 'hyperlink' in o ? linkOf(o) : base;
    if (url !== undefined) {
      const last = out[out.length - 1];
      if (last && last[1] === start && last[2] === url) last[1] = end;
      else out.push([start, end, url]);
    }
    start = end;
  }
  return out.length > 0 ? out : undefined;
}

/** Adds a TEXT node's hyperlinks and list lines to its compact form. */
export function textExtras(out: CompactNode, node: RawNode): void {
  const l = links(node);
  if (l) out.links = l;
  const types = node.lineTypes;
  if (types && types.length > 0) {
    let lines = '';
    let any = false;
    for (const t of types) {
      const c = LINE_CODES[t];
      if (c !== undefined) any = true;
      lines += c ?? '-';
    }
    if (any) out.lines = lines;
  }
  const ind = node.lineIndentations;
  if (ind && ind.some((i) => i !== 0)) out.indent = ind;
}
