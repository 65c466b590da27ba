/**
 * Icon collapse: a GROUP / FRAME / BOOLEAN_OPERATION whose visible descendants are all vector
 * shapes is drawn artwork, so it becomes one `icon` node. Rectangles only count as icon parts while
 * they carry auto names — a named rectangle ("Primary 500") is usually a swatch worth keeping — and no
 * shape with an image fill is a part (a photo inside a mask group stays a node with its image).
 */
import { type BoundMap, boundVariables, mergeBound } from './bound-vars';
import { isAutoName } from './names';
import { paintStrings } from './paints';
import { type RawNode, VECTOR_TYPES } from './raw-node';
import type { DefRegistry } from './styles';
import type { VariableIndex } from './variables';

const CONTAINERS: ReadonlySet<string> = new Set(['GROUP', 'FRAME', 'BOOLEAN_OPERATION']);

/** True when the node may be folded (container type) — the caller decides position rules. */
export function isIconCandidate(node: RawNode): boolean {
  return CONTAINERS.has(node.type) && node.children !== undefined && node.children.length > 0;
}

// A photo is content, not artwork: an image fill (a picture in a mask group) keeps its node.
function hasImage(node: RawNode): boolean {
  const fills = node.fills;
  if (!fills) return false;
  for (const f of fills) if (f.type === 'IMAGE' && f.visible !== false) return true;
  return false;
}

function isPart(node: RawNode): boolean {
  if (hasImage(node)) return false;
  if (node.type === 'RECTANGLE') return node.name === undefined || isAutoName(node.name);
  return VECTOR_TYPES.has(node.type);
}

// Counts vector parts under `n`; -1 as soon as a non-vector descendant shows up.
function vectorParts(n: RawNode): number {
  const children = n.children;
  if (!children) return 0;
  let parts = 0;
  for (const c of children) {
    if (c.visible === false) continue;
    if (hasImage(c)) return -1;
    if (c.type === 'BOOLEAN_OPERATION' || CONTAINERS.has(c.type)) {
      const inner = vectorParts(c);
      if (inner < 0) return -1;
      parts += inner + (c.type === 'BOOLEAN_OPERATION' ? 1 : 0);
    } else if (isPart(c)) parts++;
    else return -1;
  }
  return parts;
}

/** True when every visible descendant is a vector part and at least one part is visible. */
export function isAllVector(node: RawNode): boolean {
  return vectorParts(node) > 0;
}

export interface IconParts {
  parts: number;
  /** The paint list all filled parts share, or null when they differ / none is filled. */
  fill: string[] | null;
  stroke: string[] | null;
  bound: BoundMap | undefined;
}

interface Gather extends IconParts {
  // undefined = nothing seen yet, null = parts disagree.
  fillKey: string | null | undefined;
  strokeKey: string | null | undefined;
}

function gather(n: RawNode, acc: Gather, reg: DefRegistry, vars: VariableIndex | null): void {
  for (const c of n.children ?? []) {
    if (c.visible === false) continue;
    acc.parts++;
    const b = boundVariables(c, reg, vars);
    if (b) mergeBound((acc.bound ??= {}), b);
    const f = paintStrings(c.fills);
    if (f.length > 0 && acc.fillKey !== null) {
      const k = f.join('\n');
      if (acc.fillKey === undefined) {
        acc.fillKey = k;
        acc.fill = f;
      } else if (acc.fillKey !== k) {
        acc.fillKey = null;
        acc.fill = null;
      }
    }
    const s = paintStrings(c.strokes);
    if (s.length > 0 && acc.strokeKey !== null) {
      const k = s.join('\n');
      if (acc.strokeKey === undefined) {
        acc.strokeKey = k;
        acc.stroke = s;
      } else if (acc.strokeKey !== k) {
        acc.strokeKey = null;
        acc.stroke = null;
      }
    }
    gather(c, acc, reg, vars);
  }
}

/** Gathers what survives of an icon's parts: a shared fill/stroke and every variable binding. */
export function iconParts(node: RawNode, reg: DefRegistry, vars: VariableIndex | null): IconParts {
  const acc: Gather = { parts: 0, fill: null, stroke: null, bound: undefined, fillKey: undefined, strokeKey: undefined };
  gather(node, acc, reg, vars);
  return { parts: acc.parts, fill: acc.fill, stroke: acc.stroke, bound: acc.bound };
}
