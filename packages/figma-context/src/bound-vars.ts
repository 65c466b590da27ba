/**
 * `boundVariables` → field → short variable ids. Nested bindings are flattened to readable fields
 * (`rectangleCornerRadii` → `radius` when all four corners share one variable, `size.x` → `width`).
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

function mergeCorners(out: BoundMap): void {
  const tl = out['radius.tl'];
  if (tl === undefined || typeof tl !== 'string') return;
  if (out['radius.tr'] === tl && out['radius.br'] === tl && out['radius.bl'] === tl) {
    delete out['radius.tl'];
    delete out['radius.tr'];
    delete out['radius.br'];
    delete out['radius.bl'];
    out.radius = tl;
  }
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
    mergeCorners(out);
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
