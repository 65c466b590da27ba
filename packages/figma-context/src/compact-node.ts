/**
 * One Figma node → one compact node: drops hidden subtrees, auto names and defaults, folds
 * vector-only containers into icons, and turns paints/effects/text/layout/variables into ids.
 * Rare branches (strokes, variant names, instance props) live in their own functions, so V8 compiles them
 * only for files that need them: the first call in a fresh isolate is mostly compilation.
 */
import { boundVariables } from './bound-vars';
import { type CompactNode, type ComponentRef, type Counts, type PropertyDef, TYPE_CODES } from './compact-types';
import { iconParts, isAllVector, isIconCandidate } from './icons';
import { applySizing, hasAutoLayout, layoutId } from './layout';
import { formatVariantName, isAutoName, parseVariantName } from './names';
import { effectStrings, paintStrings } from './paints';
import type { RawMeta, RawNode } from './raw-node';
import type { DefRegistry } from './styles';
import { textExtras } from './text-extras';
import { textRuns, textStyleId } from './text-style';
import type { VariableIndex } from './variables';

export interface WalkState {
  reg: DefRegistry;
  meta: RawMeta;
  vars: VariableIndex | null;
  /** Components first referenced in the current chunk. */
  components: Record<string, ComponentRef>;
  /** Component ids already shipped in any chunk of this stream. */
  seenComponents: Set<string>;
  counts: Counts;
}

const RAD_TO_DEG = 180 / Math.PI;

function r1(v: number): number {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? 0 : r;
}

function styleName(st: WalkState, node: RawNode, key: string, plural?: string): string | undefined {
  const styles = node.styles;
  if (!styles) return undefined;
  const id = styles[key] ?? (plural === undefined ? undefined : styles[plural]);
  return id === undefined ? undefined : st.meta.styles?.[id]?.name;
}

function componentRef(st: WalkState, id: string, fallbackName?: string): ComponentRef | undefined {
  const meta = st.meta.components?.[id];
  if (!meta && fallbackName === undefined) return undefined;
  const ref: ComponentRef = { name: meta?.name ?? fallbackName ?? '' };
  if (meta?.key) ref.key = meta.key;
  const setId = meta?.componentSetId;
  if (setId) {
    ref.setId = setId;
    const setName = st.meta.componentSets?.[setId]?.name;
    if (setName !== undefined) ref.set = setName;
  }
  if (meta?.remote) ref.remote = 1;
  if (!st.seenComponents.has(id)) {
    st.seenComponents.add(id);
    st.components[id] = ref;
  }
  return ref;
}

function propertyDefs(node: RawNode): Record<string, PropertyDef> | undefined {
  const defs = node.componentPropertyDefinitions;
  if (!defs) return undefined;
  const out: Record<string, PropertyDef> = {};
  let any = false;
  for (const name in defs) {
    const d = defs[name];
    if (!d) continue;
    const def: PropertyDef = { type: d.type ?? 'UNKNOWN' };
    if (typeof d.defaultValue === 'string' || typeof d.defaultValue === 'boolean') def.default = d.defaultValue;
    if (d.variantOptions && d.variantOptions.length > 0) def.options = d.variantOptions;
    out[name] = def;
    any = true;
  }
  return any ? out : undefined;
}

// Most nodes have no stroke: its details are compiled only when a file has one.
function strokeFields(out: CompactNode, node: RawNode, st: WalkState, strokes: string[]): void {
  out.s = st.reg.paint(strokes, styleName(st, node, 'stroke', 'strokes'));
  const iw = node.individualStrokeWeights;
  if (iw && !(iw.top === iw.right && iw.top === iw.bottom && iw.top === iw.left)) {
    out.sw = [r1(iw.top), r1(iw.right), r1(iw.bottom), r1(iw.left)];
  } else {
    const w = iw ? iw.top : node.strokeWeight;
    if (w !== undefined && w !== 1) out.sw = r1(w);
  }
  if (node.strokeAlign && node.strokeAlign !== 'INSIDE') out.sa = node.strokeAlign;
  if (node.strokeDashes && node.strokeDashes.length > 0) out.sd = node.strokeDashes;
}

function paintsAndEffects(out: CompactNode, node: RawNode, st: WalkState): void {
  const fills = paintStrings(node.fills);
  if (fills.length > 0) out.f = st.reg.paint(fills, styleName(st, node, 'fill', 'fills'));
  const strokes = paintStrings(node.strokes);
  if (strokes.length > 0) strokeFields(out, node, st, strokes);
  const effects = effectStrings(node.effects);
  if (effects.length > 0) out.e = st.reg.effect(effects, styleName(st, node, 'effect', 'effects'));
  const radii = node.rectangleCornerRadii;
  if (radii && radii.length === 4 && !(radii[0] === radii[1] && radii[0] === radii[2] && radii[0] === radii[3])) {
    out.r = [r1(radii[0] ?? 0), r1(radii[1] ?? 0), r1(radii[2] ?? 0), r1(radii[3] ?? 0)];
  } else if (node.cornerRadius) out.r = r1(node.cornerRadius);
  else if (radii && radii.length === 4 && radii[0]) out.r = r1(radii[0]);
}

function geometry(out: CompactNode, node: RawNode, parent: RawNode | null): void {
  const box = node.absoluteBoundingBox;
  const size = node.size;
  if (size) out.wh = [r1(size.x), r1(size.y)];
  else if (box) out.wh = [r1(box.width), r1(box.height)];
  const placedByParent = parent !== null && hasAutoLayout(parent);
  const absolute = node.layoutPositioning === 'ABSOLUTE';
  if (placedByParent && absolute) out.abs = 1;
  if (box && parent !== null && (!placedByParent || absolute)) {
    const pb = parent.absoluteBoundingBox;
    const x = r1(box.x - (pb ? pb.x : 0));
    const y = r1(box.y - (pb ? pb.y : 0));
    if (x !== 0 || y !== 0) out.xy = [x, y];
  }
  if (node.rotation) {
    const deg = Math.round(node.rotation * RAD_TO_DEG);
    if (deg !== 0) out.rot = deg;
  }
  if (node.opacity !== undefined && node.opacity < 1) out.o = Math.round(node.opacity * 100) / 100;
  if (typeof node.minWidth === 'number') out.minW = r1(node.minWidth);
  if (typeof node.maxWidth === 'number') out.maxW = r1(node.maxWidth);
  if (typeof node.minHeight === 'number') out.minH = r1(node.minHeight);
  if (typeof node.maxHeight === 'number') out.maxH = r1(node.maxHeight);
}

// Figma names a text layer after its characters, with line breaks and runs of spaces flattened.
function sameText(name: string, characters: string): boolean {
  if (name === characters) return true;
  return name.replace(/\s+/g, '') === characters.replace(/\s+/g, '');
}

// A variant's name is its props (`Size=Large, State=Hover`): kept only when it does not read back from them.
function variantName(out: CompactNode, name: string): void {
  const vp = parseVariantName(name);
  if (vp) {
    out.vp = vp;
    if (formatVariantName(vp) === name) return;
  }
  out.n = name;
}

function keepName(out: CompactNode, node: RawNode, parent: RawNode | null, ref: ComponentRef | undefined): void {
  const name = node.name;
  if (name === undefined || name === '') return;
  const type = node.type;
  const unit = parent === null || parent.type === 'CANVAS' || parent.type === 'SECTION';
  if (type === 'COMPONENT' && parent?.type === 'COMPONENT_SET') {
    variantName(out, name);
    return;
  }
  if (type === 'CANVAS' || type === 'COMPONENT' || type === 'COMPONENT_SET' || unit) {
    out.n = name;
    return;
  }
  if (type === 'TEXT' && node.characters !== undefined && sameText(name, node.characters)) return;
  if (type === 'INSTANCE' && ref && (name === ref.name || name === ref.set)) return;
  if (!isAutoName(name)) out.n = name;
}

function instanceProps(out: CompactNode, props: NonNullable<RawNode['componentProperties']>): void {
  const values: Record<string, string | boolean> = {};
  let any = false;
  for (const k in props) {
    const v = props[k]?.value;
    if (typeof v === 'string' || typeof v === 'boolean') {
      values[k] = v;
      any = true;
    }
  }
  if (any) out.props = values;
}

function componentFields(out: CompactNode, node: RawNode, st: WalkState): ComponentRef | undefined {
  let ref: ComponentRef | undefined;
  if (node.type === 'INSTANCE' && node.componentId) {
    out.c = node.componentId;
    ref = componentRef(st, node.componentId);
    if (node.componentProperties) instanceProps(out, node.componentProperties);
  } else if (node.type === 'COMPONENT') {
    componentRef(st, node.id, node.name ?? '');
  }
  if (node.type === 'COMPONENT' || node.type === 'COMPONENT_SET') {
    const defs = propertyDefs(node);
    if (defs) out.propDefs = defs;
  }
  if (node.componentPropertyReferences) {
    for (const _ in node.componentPropertyReferences) {
      out.refs = node.componentPropertyReferences;
      break;
    }
  }
  return ref;
}

function count(counts: Counts, node: RawNode, parent: RawNode | null): void {
  switch (node.type) {
    case 'CANVAS':
      counts.pages++;
      break;
    case 'FRAME':
      if (parent === null || parent.type === 'CANVAS' || parent.type === 'SECTION') counts.frames++;
      break;
    case 'COMPONENT':
    case 'COMPONENT_SET':
      counts.components++;
      break;
    case 'INSTANCE':
      counts.instances++;
      break;
    case 'TEXT':
      counts.texts++;
      break;
  }
}

function foldIcon(out: CompactNode, node: RawNode, st: WalkState): void {
  out.t = 'icon';
  const parts = iconParts(node, st.reg, st.vars);
  // The container's own paint wins; otherwise the colour its parts share is the icon's colour.
  if (parts.fill && out.f === undefined) out.f = st.reg.paint(parts.fill);
  if (parts.stroke && out.s === undefined) out.s = st.reg.paint(parts.stroke);
  if (parts.bound) {
    const own = out.bv ?? {};
    for (const k in parts.bound) if (own[k] === undefined) own[k] = parts.bound[k] as string | string[];
    out.bv = own;
  }
  st.counts.icons++;
  st.counts.folded += parts.parts;
}

/** Compacts a node and its subtree; null when the node is hidden. `parent` null marks a root. */
export function compactNode(node: RawNode, parent: RawNode | null, st: WalkState): CompactNode | null {
  if (node.visible === false) {
    st.counts.hidden++;
    return null;
  }
  const type = node.type;
  const out: CompactNode = { id: node.id, t: TYPE_CODES[type] ?? type };
  count(st.counts, node, parent);
  st.counts.nodes++;
  const ref = componentFields(out, node, st);
  keepName(out, node, parent, ref);
  if (type !== 'CANVAS') {
    geometry(out, node, parent);
    applySizing(out, node, parent);
    const l = layoutId(st.reg, node);
    if (l !== undefined) out.l = l;
    paintsAndEffects(out, node, st);
    if (node.isMask) out.mask = 1;
  }
  if (type === 'TEXT') {
    if (node.characters !== undefined) out.tx = node.characters;
    if (node.style) {
      out.ts = textStyleId(st.reg, node.style, styleName(st, node, 'text'));
      const runs = textRuns(st.reg, node, node.style);
      if (runs) out.runs = runs;
    }
    textExtras(out, node);
  }
  const bv = boundVariables(node, st.reg, st.vars);
  if (bv) out.bv = bv;
  const children = node.children;
  if (!children || children.length === 0) return out;
  // Top-level units are never folded: they are what a plan fetches and what the product stores,
  // and a unit must compact the same whether it arrives in a whole file or as a chunk root.
  const unit = parent === null || parent.type === 'CANVAS' || parent.type === 'SECTION';
  if (!unit && isIconCandidate(node) && isAllVector(node)) {
    foldIcon(out, node, st);
    return out;
  }
  const ch: CompactNode[] = [];
  for (const child of children) {
    const c = compactNode(child, node, st);
    if (c) ch.push(c);
  }
  if (ch.length > 0) out.ch = ch;
  return out;
}
