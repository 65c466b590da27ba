// cogo_ui_json ⇄ uui_json (issue 14): the renderer form is one node kind — page, section, then `stack`/`grid` blocks
// and the components — with layout folded into flex/grid style and token references as CSS custom properties. Each
// node's `meta` keeps what the style cannot say (kind, type, name, component, layout, source, which style values
// were tokens, which own style keys the layout also sets, which fields were present but empty), so uuiToCogo is the
// exact inverse of cogoToUui.
import type { CogoUiJson, UiBlock, UiComponentNode, UiLayout, UiSection, UuiJson, UuiMeta, UuiNode } from '@cogo/types';
import { UI_JSON_VERSION } from '@cogo/types';
import { layoutStyle, tokenRefOf, TokenVars, type StyleValue } from './layout-style';

type Style = Record<string, StyleValue>;
type Empty = NonNullable<UuiMeta['empty']>[number];

/** The renderer form of a cogo_ui_json document (see the file comment for what `meta` keeps). */
export function cogoToUui(doc: CogoUiJson): UuiJson {
  const vars = new TokenVars();
  const { page } = doc;
  const root = node(vars, { id: page.id, type: 'page', kind: 'page', cogoType: 'page', name: page.name, layout: page.layout, style: page.style });
  root.meta.source = structuredClone(page.source);
  root.children = page.sections.map((s) => section(vars, s));
  return { schema: 'uui_json', version: UI_JSON_VERSION, root, tokens: vars.byName };
}

function section(vars: TokenVars, s: UiSection): UuiNode {
  const n = node(vars, { id: s.id, type: 'section', kind: 'section', cogoType: s.type, name: s.name, layout: s.layout, style: s.style });
  n.children = s.blocks.map((b) => block(vars, b));
  return n;
}

function block(vars: TokenVars, b: UiBlock): UuiNode {
  const type = b.layout?.columns !== undefined || b.type === 'grid' ? 'grid' : 'stack';
  const n = node(vars, { id: b.id, type, kind: 'block', cogoType: b.type, name: b.name, layout: b.layout, style: b.style });
  n.children = b.components.map((c) => component(vars, c));
  return n;
}

function component(vars: TokenVars, c: UiComponentNode): UuiNode {
  const n = node(vars, { id: c.id, type: c.type, kind: 'component', cogoType: c.type, name: c.name, layout: c.layout, style: c.style });
  if (c.component) n.meta.component = { ...c.component };
  if (c.text !== undefined) n.text = c.text;
  if (c.props) n.props = { ...c.props };
  if (c.actions) n.on = c.actions.map((a) => ({ ...a }));
  if (c.children) n.children = c.children.map((child) => component(vars, child));
  const empty: Empty[] = [];
  if (c.props && Object.keys(c.props).length === 0) empty.push('props');
  if (c.style && Object.keys(c.style).length === 0) empty.push('style');
  if (c.children && c.children.length === 0) empty.push('children');
  if (empty.length) n.meta.empty = empty;
  return n;
}

interface NodeInput {
  id: string;
  type: string;
  kind: UuiMeta['kind'];
  cogoType: string;
  name: string | undefined;
  layout: UiLayout | undefined;
  style: Style | undefined;
}

/** A node with its style: the layout's, then the node's own over it; token references as `var(--…)`. */
function node(vars: TokenVars, i: NodeInput): UuiNode {
  const meta: UuiMeta = { kind: i.kind, type: i.cogoType };
  if (i.name !== undefined) meta.name = i.name;
  if (i.layout) meta.layout = { ...i.layout };
  const style: Style = {};
  const tokens: Record<string, string> = {};
  const derived = layoutStyle(i.layout);
  const own = i.style ?? {};
  for (const [k, v] of Object.entries(derived)) if (!Object.hasOwn(own, k)) put(vars, style, tokens, k, v);
  for (const [k, v] of Object.entries(own)) put(vars, style, tokens, k, v);
  if (Object.keys(tokens).length) meta.tokens = tokens;
  const overlap = Object.keys(own).filter((k) => Object.hasOwn(derived, k));
  if (overlap.length) meta.own_style = overlap;
  if (i.kind !== 'component' && i.style && Object.keys(i.style).length === 0) meta.empty = ['style'];
  return { id: i.id, type: i.type, props: {}, style, meta, children: [] };
}

function put(vars: TokenVars, style: Style, tokens: Record<string, string>, key: string, value: StyleValue): void {
  const path = tokenRefOf(value);
  if (path === undefined) style[key] = value;
  else {
    style[key] = vars.varOf(path);
    tokens[key] = path;
  }
}

/**
 * The cogo_ui_json a uui_json came from: the exact inverse of cogoToUui (it reads `meta`, not the renderer types).
 * Expects a UuiJsonSchema-valid document; validate one a client sent before converting it.
 */
export function uuiToCogo(doc: UuiJson): CogoUiJson {
  const root = doc.root;
  const page: CogoUiJson['page'] = {
    id: root.id,
    name: root.meta.name ?? root.id,
    source: root.meta.source ? structuredClone(root.meta.source) : { kind: 'generated', generator: 'llm' },
    sections: root.children.map(backSection),
  };
  fill(page, root);
  return { schema: 'cogo_ui_json', version: UI_JSON_VERSION, page };
}

function backSection(n: UuiNode): UiSection {
  const s: UiSection = { id: n.id, type: n.meta.type, name: n.meta.name ?? '', blocks: n.children.map(backBlock) };
  fill(s, n);
  return s;
}

function backBlock(n: UuiNode): UiBlock {
  const b: UiBlock = { id: n.id, type: n.meta.type, components: n.children.map(backComponent) };
  if (n.meta.name !== undefined) b.name = n.meta.name;
  fill(b, n);
  return b;
}

function backComponent(n: UuiNode): UiComponentNode {
  const c: UiComponentNode = { id: n.id, type: n.meta.type };
  const empty = n.meta.empty ?? [];
  if (n.meta.name !== undefined) c.name = n.meta.name;
  if (n.meta.component) c.component = { ...n.meta.component };
  if (n.text !== undefined) c.text = n.text;
  if (Object.keys(n.props).length || empty.includes('props')) c.props = { ...n.props };
  fill(c, n);
  if (n.on) c.actions = n.on.map((a) => ({ ...a }));
  if (n.children.length || empty.includes('children')) c.children = n.children.map(backComponent);
  return c;
}

/** Layout from meta; own style = the style minus what the layout set (unless meta says the node set it too). */
function fill(target: { layout?: UiLayout | undefined; style?: Style | undefined }, n: UuiNode): void {
  if (n.meta.layout) target.layout = { ...n.meta.layout };
  const derived = layoutStyle(n.meta.layout);
  const ownKeys = new Set(n.meta.own_style ?? []);
  const style: Style = {};
  for (const [k, v] of Object.entries(n.style)) {
    if (Object.hasOwn(derived, k) && !ownKeys.has(k)) continue;
    const path = n.meta.tokens?.[k];
    style[k] = path !== undefined ? `{${path}}` : v;
  }
  if (Object.keys(style).length || n.meta.empty?.includes('style')) target.style = style;
}
