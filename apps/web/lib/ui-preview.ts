// A generated page (cogo_ui_json: page → sections → blocks → components) as a tree of boxes to draw: CSS from each
// node's layout (flex direction, gap, padding, alignment, grid columns, fill/hug sizes) and its style (an allow-list
// of properties; `{token.path}` references resolved from the token values given, else left out and named), the text
// each node shows, and a label for what it is (section type, component reference). Pure: the Chat page draws it; its
// unit test checks a known page. UI JSON has no absolute positions, so the browser lays the boxes out as a renderer would.
import type { CogoUiJson } from '@cogo/api-client';

type Layout = NonNullable<CogoUiJson['page']['layout']>;
type Style = Record<string, string | number>;
type Section = CogoUiJson['page']['sections'][number];
type Block = Section['blocks'][number];
type Component = Block['components'][number];

export type PreviewLevel = 'page' | 'section' | 'block' | 'component';

export interface PreviewNode {
  id: string;
  level: PreviewLevel;
  type: string;
  /** What a person reads as the node's name: its name, or its component's. */
  label: string;
  /** The text the node shows (text, a button's label, an input's placeholder…). */
  text: string | null;
  css: Record<string, string>;
  /** Token paths referenced but not resolved (no value given). */
  tokens: string[];
  children: PreviewNode[];
}

const STYLE_ALLOWED = new Set([
  'background', 'backgroundColor', 'color', 'border', 'borderColor', 'borderWidth', 'borderStyle', 'borderRadius', 'boxShadow',
  'fontSize', 'fontWeight', 'fontStyle', 'lineHeight', 'letterSpacing', 'textAlign', 'textTransform', 'textDecoration',
  'padding', 'margin', 'gap', 'width', 'height', 'minWidth', 'minHeight', 'maxWidth', 'maxHeight', 'opacity',
]);
const UNITLESS = new Set(['fontWeight', 'opacity', 'lineHeight']);
const TOKEN = /^\{([^{}]+)\}$/;
// nothing that loads from the network or escapes the declaration
const UNSAFE = /url\s*\(|expression|image-set|[;{}<>\\]/i;
const ALIGN: Record<string, string> = { start: 'flex-start', center: 'center', end: 'flex-end', stretch: 'stretch', between: 'space-between' };

const px = (v: number | string) => (typeof v === 'number' ? `${v}px` : v);

function layoutCss(layout: Layout | undefined, resolve: (v: string | number, prop: string) => string | null): Record<string, string> {
  const css: Record<string, string> = {};
  if (!layout) return css;
  if (layout.columns !== undefined) {
    css.display = 'grid';
    css.gridTemplateColumns = `repeat(${layout.columns}, minmax(0, 1fr))`;
  } else if (layout.direction) {
    css.display = 'flex';
    css.flexDirection = layout.direction;
    css.flexWrap = 'wrap';
  }
  for (const key of ['gap', 'padding'] as const) {
    const v = layout[key];
    const r = v === undefined ? null : resolve(v, key);
    if (r !== null) css[key] = r;
  }
  if (layout.align) css.alignItems = ALIGN[layout.align]!;
  if (layout.justify) css.justifyContent = ALIGN[layout.justify]!;
  for (const key of ['width', 'height'] as const) {
    const v = layout[key];
    if (v === 'fill') css[key === 'width' ? 'width' : 'height'] = '100%';
    else if (typeof v === 'number') css[key] = `${v}px`;
  }
  return css;
}

/** What a component shows as text, by its type and props. */
export function textOf(c: Pick<Component, 'type' | 'text' | 'props'>): string | null {
  if (c.text !== undefined) return c.text;
  const p = c.props ?? {};
  for (const key of ['label', 'title', 'text', 'placeholder', 'alt', 'value']) {
    const v = p[key];
    if (typeof v === 'string' && v.length) return v;
  }
  return null;
}

/** The page as a tree of preview nodes; `tokens` maps a token path (`color.brand.primary`) to a CSS value. */
export function previewOf(doc: CogoUiJson, tokens: Record<string, string> = {}): PreviewNode {
  const build = (
    level: PreviewLevel,
    n: { id: string; type: string; name?: string | undefined; layout?: Layout | undefined; style?: Style | undefined },
    text: string | null,
    label: string,
    children: PreviewNode[],
  ): PreviewNode => {
    const missing = new Set<string>();
    const resolve = (v: string | number, prop: string): string | null => {
      if (typeof v === 'number') return UNITLESS.has(prop) ? String(v) : px(v);
      const m = TOKEN.exec(v.trim());
      if (m) {
        const value = tokens[m[1]!];
        if (value === undefined || UNSAFE.test(value)) {
          missing.add(m[1]!);
          return null;
        }
        return value;
      }
      return UNSAFE.test(v) ? null : v;
    };
    const css = layoutCss(n.layout, resolve);
    for (const [prop, v] of Object.entries(n.style ?? {})) {
      if (!STYLE_ALLOWED.has(prop)) continue;
      const r = resolve(v, prop);
      if (r !== null) css[prop] = r;
    }
    return { id: n.id, level, type: n.type, label, text, css, tokens: [...missing], children };
  };
  const component = (c: Component): PreviewNode =>
    build('component', c, textOf(c), c.component?.name ?? c.name ?? c.type, (c.children ?? []).map(component));
  const block = (b: Block): PreviewNode => build('block', b, null, b.name ?? b.type, b.components.map(component));
  const section = (s: Section): PreviewNode => build('section', s, null, `${s.name} (${s.type})`, s.blocks.map(block));
  const { page } = doc;
  return build('page', { id: page.id, type: 'page', layout: page.layout, style: page.style }, null, page.name, page.sections.map(section));
}

/** Every node of a preview tree, depth first. */
export function flatten(node: PreviewNode): PreviewNode[] {
  return [node, ...node.children.flatMap(flatten)];
}
