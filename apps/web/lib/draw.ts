// A node of a compact context as boxes to draw: positions (from `xy`, or laid out by the parent's auto-layout: direction,
// padding, gap, main/cross alignment, wrapping), sizes (`wh`), fills and strokes from the deduplicated paints, radii, text with
// its style, and a label for instances (component name and property values) and variants. Pure: the design browser
// draws the boxes; its unit test checks them on a known design.
import type { CompactContext, CompactNode, LayoutDef, TextStyleDef } from '@cogo/figma-context';

export interface Box {
  id: string;
  /** Type code of the node (F, T, I, C, R, icon …). */
  type: string;
  name: string | null;
  /** Relative to the drawn root's top-left corner. */
  x: number;
  y: number;
  w: number;
  h: number;
  depth: number;
  /** A CSS background (colour or gradient) from the node's fill, when drawable. */
  fill: string | null;
  stroke: string | null;
  strokeWidth: number;
  /** CSS border-radius. */
  radius: string | null;
  opacity: number;
  text: string | null;
  font: { family: string | null; size: number; weight: number; lineHeight: number | null; align: string | null; italic: boolean } | null;
  /** A text's colour (its fill). */
  color: string | null;
  /** Instance: component name and props; a variant: its variant values. */
  label: string | null;
}

const CSS_PAINT = /^(#[0-9a-f]{3,8}|(linear|radial|conic)-gradient\(.*\)|rgba?\(.*\))$/i;

/** The first drawable value of a paint entry (images and the like are not drawn). */
function paint(ctx: CompactContext, id: string | undefined): string | null {
  if (!id) return null;
  const def = ctx.defs.paints[id];
  const value = def?.v.find((v) => CSS_PAINT.test(v.trim()));
  return value?.trim() ?? null;
}

/** CSS shorthand padding (1–4 values) as [top, right, bottom, left]. */
export function padding(pad: number[] | undefined): [number, number, number, number] {
  const [a = 0, b = a, c = a, d = b] = pad ?? [];
  return [a, b, c, d];
}

function radius(r: CompactNode['r']): string | null {
  if (r === undefined) return null;
  return Array.isArray(r) ? r.map((v) => `${v}px`).join(' ') : `${r}px`;
}

function font(ctx: CompactContext, id: string | undefined): Box['font'] {
  const t: TextStyleDef | undefined = id ? ctx.defs.text[id] : undefined;
  return { family: t?.font ?? null, size: t?.size ?? 14, weight: t?.weight ?? 400, lineHeight: t?.lh ?? null, align: t?.align ?? null, italic: t?.italic === 1 };
}

function label(ctx: CompactContext, n: CompactNode): string | null {
  if (n.t === 'I' && n.c) {
    // a variant's own name is its variant values: the set names the component
    const ref = ctx.components[n.c];
    const name = ref?.set ?? ref?.name ?? n.c;
    const props = Object.entries(n.props ?? {}).map(([k, v]) => `${k.replace(/#[\d:]+$/, '')}=${String(v)}`);
    return props.length ? `${name} · ${props.join(', ')}` : name;
  }
  if (n.vp) return Object.entries(n.vp).map(([k, v]) => `${k}=${v}`).join(', ');
  return null;
}

const size = (n: CompactNode): [number, number] => n.wh ?? [0, 0];

/** Where each auto-laid-out child goes inside its parent (relative to the parent), by index; others keep `xy`. */
function autoPositions(layout: LayoutDef, parent: [number, number], children: CompactNode[]): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  const [top, right, bottom, left] = padding(layout.pad);
  const row = layout.mode === 'row';
  const flow = children.map((c, i) => ({ c, i })).filter(({ c }) => c.abs !== 1);
  const inner = row ? parent[0] - left - right : parent[1] - top - bottom;
  const across = row ? parent[1] - top - bottom : parent[0] - left - right;
  const gap = layout.gap ?? 0;
  const total = flow.reduce((s, { c }) => s + (row ? size(c)[0] : size(c)[1]), 0) + gap * Math.max(0, flow.length - 1);
  let cursor = 0;
  let spacing = gap;
  if (layout.main === 'center') cursor = (inner - total) / 2;
  else if (layout.main === 'max') cursor = inner - total;
  else if (layout.main === 'between' && flow.length > 1) spacing = (inner - (total - gap * (flow.length - 1))) / (flow.length - 1);
  // wrapping: lines of what fits the main axis, the next line after the tallest of this one and the cross gap
  let line = 0;
  let lineSpan = 0;
  for (const { c, i } of flow) {
    const [w, h] = size(c);
    const along = row ? w : h;
    const span = row ? h : w;
    if (layout.wrap === 1 && cursor > 0 && cursor + along > inner + 0.05) {
      line += lineSpan + (layout.crossGap ?? gap);
      cursor = 0;
      lineSpan = 0;
    }
    const offset = layout.wrap === 1 ? line : layout.cross === 'center' ? (across - span) / 2 : layout.cross === 'max' ? across - span : 0;
    out.set(i, row ? [left + cursor, top + offset] : [left + offset, top + cursor]);
    cursor += along + spacing;
    lineSpan = Math.max(lineSpan, span);
  }
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** The boxes of `root` and its subtree, depth first (parents before children), the root at 0,0. */
export function boxesOf(ctx: CompactContext, root: CompactNode): Box[] {
  const boxes: Box[] = [];
  const walk = (n: CompactNode, x: number, y: number, depth: number) => {
    const [w, h] = size(n);
    const text = n.t === 'T' ? (n.tx ?? n.n ?? '') : null;
    boxes.push({
      id: n.id,
      type: n.t,
      name: n.n ?? null,
      x: round(x),
      y: round(y),
      w,
      h,
      depth,
      fill: n.t === 'T' ? null : paint(ctx, n.f),
      stroke: paint(ctx, n.s),
      strokeWidth: typeof n.sw === 'number' ? n.sw : Array.isArray(n.sw) ? Math.max(...n.sw) : 1,
      radius: radius(n.r),
      opacity: n.o ?? 1,
      text,
      font: n.t === 'T' ? font(ctx, n.ts) : null,
      color: n.t === 'T' ? paint(ctx, n.f) : null,
      label: label(ctx, n),
    });
    const children = n.ch ?? [];
    const layout = n.l ? ctx.defs.layouts[n.l] : undefined;
    const auto = layout && layout.mode !== 'grid' ? autoPositions(layout, [w, h], children) : new Map<number, [number, number]>();
    children.forEach((c, i) => {
      const [cx, cy] = auto.get(i) ?? c.xy ?? [0, 0];
      walk(c, x + cx, y + cy, depth + 1);
    });
  };
  walk(root, 0, 0, 0);
  return boxes;
}

/** Every node by id (the design browser finds the one to draw). */
export function nodeIndex(nodes: CompactNode[]): Map<string, CompactNode> {
  const index = new Map<string, CompactNode>();
  const walk = (n: CompactNode) => {
    index.set(n.id, n);
    n.ch?.forEach(walk);
  };
  nodes.forEach(walk);
  return index;
}
