/**
 * `boundVariables` → field → short variable ids. Nested bindings are flattened to readable fields
 * (`rectangleCornerRadii` → `radius.tl` …, `size.x` → `width`), then uniform sides fold into one field.
 */
import type { RawNode } from './raw-node';
import type { DefRegistry } from './styles';
import type { VariableIndex } from './variables';

export type BoundMap = Record<string, string | string[]>;

const RENAME: Readonly<Record<string, string>> = {
  'size.x': 'width',
  'size.y': 'height',
  'rectangleCornerRadii.RECTANGLE_TOP_LEFT_CORNER_RADIUS': 'radius.tl',
  'rectangleCornerRadii.RECTANGLE_TOP_RIGHT_CORNER_RADIUS': 'radius.tr',
  'rectangleCornerRadii.RECTANGLE_BOTTOM_RIGHT_CORNER_RADIUS': 'radius.br',
  'rectangleCornerRadii.RECTANGLE_BOTTOM_LEFT_CORNER_RADIUS': 'radius.bl',
};

function aliasId(v: unknown): string | null {
  if (v === null || typeof v !== 'object') return null;
  const a = v as { type?: unknown; id?: unknown };
  return a.type === 'VARIABLE_ALIAS' && typeof a.id === 'string' ? a.id : null;
}

function add(out: BoundMap, field: string, ref: string): void {
  const prev = out[field];
  if (prev === undefined) out[field] = ref;
  else if (typeof prev === 'string') {
    if (prev !== ref) out[field] = [prev, ref];
  } else if (!prev.includes(ref)) prev.push(ref);
}

interface Ctx {
  out: BoundMap;
  reg: DefRegistry;
  vars: VariableIndex | null;
}

function walk(value: unknown, field: string, ctx: Ctx): void {
  const id = aliasId(value);
  if (id !== null) {
    add(ctx.out, RENAME[field] ?? field, ctx.reg.variable(id, ctx.vars));
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) walk(item, field, ctx);
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const k in obj) walk(obj[k], `${field}.${k}`, ctx);
  }
}

// Replaces `keys` (all bound to one variable) by `to`; true when folded.
function fold(out: BoundMap, keys: readonly string[], to: string): boolean {
  const first = out[keys[0] as string];
  if (typeof first !== 'string') return false;
  for (const k of keys) if (out[k] !== first) return false;
  for (const k of keys) delete out[k];
  out[to] = first;
  return true;
}

const CORNERS = ['radius.tl', 'radius.tr', 'radius.br', 'radius.bl'] as const;
const STROKES = ['strokeTopWeight', 'strokeRightWeight', 'strokeBottomWeight', 'strokeLeftWeight'] as const;
const PAD = ['paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft'] as const;

/**
 * Uniform sides are one binding: four corners → `radius`, four stroke weights → `strokeWeights`, four
 * paddings → `pad` (else left+right → `padX`, top+bottom → `padY`), width = height → `size`.
 */
function foldSides(out: BoundMap): void {
  if (out['radius.tl'] !== undefined) fold(out, CORNERS, 'radius');
  if (out.strokeTopWeight !== undefined) fold(out, STROKES, 'strokeWeights');
  if (out.paddingTop !== undefined || out.paddingLeft !== undefined) {
    if (!fold(out, PAD, 'pad')) {
      if (out.paddingLeft !== undefined && out.paddingTop !== undefined) {
        // Only as a pair of pairs, so a reader never has to merge padX with a lone paddingTop.
        if (out.paddingLeft === out.paddingRight && out.paddingTop === out.paddingBottom) {
          fold(out, ['paddingLeft', 'paddingRight'], 'padX');
          fold(out, ['paddingTop', 'paddingBottom'], 'padY');
        }
      }
    }
  }
  if (out.width !== undefined) fold(out, ['width', 'height'], 'size');
}

/** Collects a node's variable bindings (node fields and component property values), or undefined. */
export function boundVariables(node: RawNode, reg: DefRegistry, vars: VariableIndex | null): BoundMap | undefined {
  const bound = node.boundVariables;
  const props = node.componentProperties;
  if (!bound && !props) return undefined;
  const out: BoundMap = {};
  const ctx: Ctx = { out, reg, vars };
  if (bound) {
    for (const k in bound) walk(bound[k], k, ctx);
    foldSides(out);
  }
  if (props) {
    for (const name in props) {
      const b = props[name]?.boundVariables;
      if (b) walk(b.value, `prop:${name}`, ctx);
    }
  }
  for (const _ in out) return out;
  return undefined;
}

/** Adds every binding of `from` into `into` (used to keep an icon's parts' bindings). */
export function mergeBound(into: BoundMap, from: BoundMap): void {
  for (const field in from) {
    const v = from[field] as string | string[];
    if (typeof v === 'string') add(into, field, v);
    else for (const r of v) add(into, field, r);
  }
}
