/**
 * Auto-layout of a frame (deduplicated as a layout def) and how a node sizes itself
 * (FILL / HUG / FIXED per axis).
 */
import type { LayoutDef, Sizing } from './compact-types';
import type { RawNode } from './raw-node';
import type { DefRegistry } from './styles';

const MODES: Readonly<Record<string, LayoutDef['mode']>> = { HORIZONTAL: 'row', VERTICAL: 'col', GRID: 'grid' };

function r1(v: number): number {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? 0 : r;
}

/** CSS shorthand for top/right/bottom/left padding, or undefined when all are 0. */
export function padding(t: number, r: number, b: number, l: number): number[] | undefined {
  if (t === 0 && r === 0 && b === 0 && l === 0) return undefined;
  if (l === r) {
    if (t === b) return t === r ? [t] : [t, r];
    return [t, r, b];
  }
  return [t, r, b, l];
}

/** True when the node lays its children out itself (children positions are derivable). */
export function hasAutoLayout(node: RawNode): boolean {
  const mode = node.layoutMode;
  return mode === 'HORIZONTAL' || mode === 'VERTICAL' || mode === 'GRID';
}

/** Builds the layout def of an auto-layout frame (defaults omitted), or null for none. */
export function layoutDef(node: RawNode): LayoutDef | null {
  const mode = node.layoutMode === undefined ? undefined : MODES[node.layoutMode];
  if (mode === undefined) return null;
  const def: LayoutDef = { mode };
  if (mode === 'grid') {
    if (node.gridRowCount) def.rows = node.gridRowCount;
    if (node.gridColumnCount) def.cols = node.gridColumnCount;
    if (node.gridRowGap) def.rowGap = r1(node.gridRowGap);
    if (node.gridColumnGap) def.colGap = r1(node.gridColumnGap);
  } else if (node.itemSpacing) def.gap = r1(node.itemSpacing);
  const pad = padding(
    r1(node.paddingTop ?? 0),
    r1(node.paddingRight ?? 0),
    r1(node.paddingBottom ?? 0),
    r1(node.paddingLeft ?? 0),
  );
  if (pad) def.pad = pad;
  const main = node.primaryAxisAlignItems;
  if (main && main !== 'MIN') def.main = main === 'SPACE_BETWEEN' ? 'between' : main.toLowerCase();
  const cross = node.counterAxisAlignItems;
  if (cross && cross !== 'MIN') def.cross = cross.toLowerCase();
  if (node.layoutWrap === 'WRAP') {
    def.wrap = 1;
    if (node.counterAxisSpacing) def.crossGap = r1(node.counterAxisSpacing);
    if (node.counterAxisAlignContent === 'SPACE_BETWEEN') def.content = 'between';
  }
  return def;
}

/** Registers the node's auto-layout and returns its layout id, or undefined when it has none. */
export function layoutId(reg: DefRegistry, node: RawNode): string | undefined {
  const mode = node.layoutMode;
  if (mode !== 'HORIZONTAL' && mode !== 'VERTICAL' && mode !== 'GRID') return undefined;
  // Keyed on the raw fields layoutDef reads, so the def object is only built for a new layout.
  const wrap = node.layoutWrap === 'WRAP';
  const key = `${mode}|${r1(node.itemSpacing ?? 0)}|${r1(node.paddingTop ?? 0)}|${r1(node.paddingRight ?? 0)}|${r1(
    node.paddingBottom ?? 0,
  )}|${r1(node.paddingLeft ?? 0)}|${node.primaryAxisAlignItems}|${node.counterAxisAlignItems}|${wrap ? `${node.counterAxisSpacing}|${node.counterAxisAlignContent}` : ''}${
    mode === 'GRID' ? `|${node.gridRowCount}|${node.gridColumnCount}|${node.gridRowGap}|${node.gridColumnGap}` : ''
  }`;
  return reg.layout(key, () => layoutDef(node) as LayoutDef);
}

function fromApi(v: string | undefined): Sizing | undefined | null {
  if (v === undefined) return null;
  return v === 'FILL' ? 'fill' : v === 'HUG' ? 'hug' : undefined;
}

/**
 * Sizing per axis. Newer responses say it (`layoutSizingHorizontal/Vertical`); older ones only
 * have the axis modes (`primaryAxisSizingMode: AUTO` = hug) and the child flags
 * (`layoutGrow: 1` = fill along the parent's axis, `layoutAlign: STRETCH` = fill across it).
 */
export function applySizing(target: { sx?: Sizing; sy?: Sizing }, node: RawNode, parent: RawNode | null): void {
  const h = fromApi(node.layoutSizingHorizontal);
  const v = fromApi(node.layoutSizingVertical);
  if (h !== null || v !== null) {
    if (h) target.sx = h;
    if (v) target.sy = v;
    return;
  }
  legacySizing(target, node, parent);
}

// Files saved before `layoutSizing*` existed: compiled only when such a file shows up.
function legacySizing(target: { sx?: Sizing; sy?: Sizing }, node: RawNode, parent: RawNode | null): void {
  let sx: Sizing | undefined;
  let sy: Sizing | undefined;
  const own = node.layoutMode;
  if (own === 'HORIZONTAL' || own === 'VERTICAL') {
    const primaryHug = node.primaryAxisSizingMode === 'AUTO';
    const counterHug = node.counterAxisSizingMode === 'AUTO';
    if (own === 'HORIZONTAL') {
      if (primaryHug) sx = 'hug';
      if (counterHug) sy = 'hug';
    } else {
      if (primaryHug) sy = 'hug';
      if (counterHug) sx = 'hug';
    }
  }
  const pm = parent?.layoutMode;
  if (pm === 'HORIZONTAL' || pm === 'VERTICAL') {
    if (node.layoutGrow === 1) {
      if (pm === 'HORIZONTAL') sx = 'fill';
      else sy = 'fill';
    }
    if (node.layoutAlign === 'STRETCH') {
      if (pm === 'HORIZONTAL') sy = 'fill';
      else sx = 'fill';
    }
  }
  if (sx) target.sx = sx;
  if (sy) target.sy = sy;
}
