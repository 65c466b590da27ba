// A file's styles with their values, so that a file without variables still yields tokens. Figma keeps a style's
// values on nodes, not in the `styles` map (which holds only names and types), so values come from:
//  - a GET /v1/files/:key or /nodes response (or a plugin export normalised the same way): the first node that
//    uses the style (`node.styles = { fill | fills | stroke | strokes | text | effect | grid: <style id> }`);
//  - GET /v1/files/:key/styles (published styles, with `node_id`) with GET /v1/files/:key/nodes?ids=<those ids>:
//    the style's own node.
import { TokensInputError } from '../errors';
import { looseList } from './variables';

export type StyleType = 'FILL' | 'TEXT' | 'EFFECT' | 'GRID';

export interface FigmaStyle {
  id: string;
  key?: string;
  name: string;
  type: StyleType;
  description: string;
  remote: boolean;
  /** The node the values were read from; absent when no node in the sources uses the style. */
  nodeId?: string;
  /** Paint[] (FILL), TypeStyle (TEXT), Effect[] (EFFECT) or LayoutGrid[] (GRID); absent with nodeId. */
  value?: unknown;
}

type Loose = Record<string, unknown>;
type Node = Loose & { id?: unknown; children?: unknown; styles?: unknown };

const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPES = new Set<string>(['FILL', 'TEXT', 'EFFECT', 'GRID']);

// which node property holds a style's value, by the key naming it in `node.styles`
const PROPERTY_OF_KEY: Record<string, { type: StyleType; property: string }> = {
  fill: { type: 'FILL', property: 'fills' },
  fills: { type: 'FILL', property: 'fills' },
  stroke: { type: 'FILL', property: 'strokes' },
  strokes: { type: 'FILL', property: 'strokes' },
  text: { type: 'TEXT', property: 'style' },
  effect: { type: 'EFFECT', property: 'effects' },
  effects: { type: 'EFFECT', property: 'effects' },
  grid: { type: 'GRID', property: 'layoutGrids' },
  grids: { type: 'GRID', property: 'layoutGrids' },
};
const PROPERTY_OF_TYPE: Record<StyleType, string> = { FILL: 'fills', TEXT: 'style', EFFECT: 'effects', GRID: 'layoutGrids' };

function fail(message: string, path: string): never {
  throw new TokensInputError('TOKENS_MALFORMED_STYLES', message, path);
}

/** Every node of the trees, iteratively (files nest deeply). */
function* walk(roots: Node[]): Generator<Node> {
  const stack = [...roots].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    const children = looseList(n.children).filter(isObj) as Node[];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The `styles` map and node trees of a files / nodes response (or a normalised plugin export). */
function fileParts(file: unknown): { styles: Record<string, unknown>; roots: Node[] } {
  if (!isObj(file)) fail('file: expected a Figma file, nodes response or plugin export (an object)', 'file');
  const styles: Record<string, unknown> = {};
  const roots: Node[] = [];
  if (isObj(file.document)) {
    roots.push(file.document as Node);
    if (isObj(file.styles)) Object.assign(styles, file.styles);
  } else if (isObj(file.nodes)) {
    for (const entry of Object.values(file.nodes)) {
      if (!isObj(entry)) continue;
      if (isObj(entry.document)) roots.push(entry.document as Node);
      if (isObj(entry.styles)) Object.assign(styles, entry.styles);
    }
  } else {
    fail('file: no `document` or `nodes` found (expected a GET /v1/files/:key or /nodes response)', 'file');
  }
  return { styles, roots };
}

function entryOf(id: string, raw: unknown, at: string): FigmaStyle {
  if (!isObj(raw)) fail(`${at}: expected a style object`, at);
  const type = raw.styleType ?? raw.style_type;
  if (typeof type !== 'string' || !TYPES.has(type)) fail(`style ${id}: \`styleType\` must be FILL, TEXT, EFFECT or GRID`, `${at}.styleType`);
  if (typeof raw.name !== 'string') fail(`style ${id}: missing \`name\``, `${at}.name`);
  const style: FigmaStyle = { id, name: raw.name, type: type as StyleType, description: typeof raw.description === 'string' ? raw.description : '', remote: raw.remote === true };
  if (typeof raw.key === 'string' && raw.key) style.key = raw.key;
  return style;
}

/** Reads styles and their values from the sources given. */
export function readStyles(file: unknown, publishedStyles: unknown, styleNodes: unknown): FigmaStyle[] {
  const out = new Map<string, FigmaStyle>();
  if (file !== undefined && file !== null) {
    const { styles, roots } = fileParts(file);
    for (const [id, raw] of Object.entries(styles)) out.set(id, entryOf(id, raw, `file.styles["${id}"]`));
    if (out.size) {
      for (const node of walk(roots)) {
        if (!isObj(node.styles)) continue;
        for (const [k, styleId] of Object.entries(node.styles)) {
          const style = typeof styleId === 'string' ? out.get(styleId) : undefined;
          const where = PROPERTY_OF_KEY[k];
          if (!style || style.nodeId !== undefined || !where || where.type !== style.type) continue;
          const value = node[where.property];
          if (value === undefined) continue;
          style.nodeId = typeof node.id === 'string' ? node.id : '';
          style.value = value;
        }
      }
    }
  }
  if (publishedStyles !== undefined && publishedStyles !== null) {
    if (!isObj(publishedStyles)) fail('publishedStyles: expected a GET /v1/files/:key/styles response', 'publishedStyles');
    const meta = isObj(publishedStyles.meta) ? publishedStyles.meta : publishedStyles;
    const nodes = isObj(styleNodes) && isObj(styleNodes.nodes) ? styleNodes.nodes : {};
    looseList(meta.styles).forEach((raw, i) => {
      const at = `publishedStyles.styles[${i}]`;
      if (!isObj(raw) || typeof raw.node_id !== 'string') fail(`${at}: missing \`node_id\``, `${at}.node_id`);
      const nodeId = raw.node_id;
      const byKey = typeof raw.key === 'string' ? [...out.values()].find((s) => s.key === raw.key) : undefined;
      const style = out.get(nodeId) ?? byKey ?? entryOf(nodeId, raw, at);
      out.set(style.id, style);
      if (style.value !== undefined) return;
      const doc = (nodes as Record<string, unknown>)[nodeId];
      const node = isObj(doc) && isObj(doc.document) ? doc.document : undefined;
      const value = node?.[PROPERTY_OF_TYPE[style.type]];
      if (value !== undefined) {
        style.nodeId = nodeId;
        style.value = value;
      }
    });
  }
  return [...out.values()];
}
