// A small auto-layout pass so the sample files carry believable geometry: hugging frames take their
// content's size, children of auto-layout frames are stacked with padding and itemSpacing (wrapping when
// layoutWrap is WRAP), and every node gets absolute boxes. Geometry objects are updated in place (the
// builders give every node, instance copies included, its own), which keeps 200k-node files cheap to lay out.
import type { Node, Rectangle } from '@figma/rest-api-spec';

interface LayoutFields {
  visible?: boolean;
  size?: { x: number; y: number };
  relativeTransform?: number[][];
  absoluteBoundingBox?: Rectangle | null;
  absoluteRenderBounds?: Rectangle | null;
  layoutMode?: 'NONE' | 'HORIZONTAL' | 'VERTICAL' | 'GRID';
  layoutPositioning?: 'AUTO' | 'ABSOLUTE';
  layoutWrap?: 'NO_WRAP' | 'WRAP';
  primaryAxisSizingMode?: 'FIXED' | 'AUTO';
  counterAxisSizingMode?: 'FIXED' | 'AUTO';
  paddingLeft?: number;
  paddingRight?: number;
  paddingTop?: number;
  paddingBottom?: number;
  itemSpacing?: number;
  counterAxisSpacing?: number;
  children?: Node[];
}

/** Sizes hugging auto-layout frames, then positions every node of `root` in absolute coordinates. */
export function applyLayout(root: Node): void {
  measure(root as LayoutFields);
  place(root as LayoutFields, 0, 0);
}

function isFlow(node: LayoutFields): boolean {
  return node.layoutMode === 'HORIZONTAL' || node.layoutMode === 'VERTICAL';
}

function flowChildren(node: LayoutFields): LayoutFields[] {
  return ((node.children ?? []) as LayoutFields[]).filter(
    (child) => child.visible !== false && child.layoutPositioning !== 'ABSOLUTE',
  );
}

function measure(node: LayoutFields): void {
  for (const child of (node.children ?? []) as LayoutFields[]) measure(child);
  if (!isFlow(node) || node.size === undefined || node.layoutWrap === 'WRAP') return;
  const horizontal = node.layoutMode === 'HORIZONTAL';
  const items = flowChildren(node);
  const main = items.reduce((sum, c) => sum + (horizontal ? (c.size?.x ?? 0) : (c.size?.y ?? 0)), 0);
  const cross = items.reduce((max, c) => Math.max(max, horizontal ? (c.size?.y ?? 0) : (c.size?.x ?? 0)), 0);
  const gaps = Math.max(0, items.length - 1) * (node.itemSpacing ?? 0);
  const padX = (node.paddingLeft ?? 0) + (node.paddingRight ?? 0);
  const padY = (node.paddingTop ?? 0) + (node.paddingBottom ?? 0);
  const hugMain = node.primaryAxisSizingMode === 'AUTO';
  const hugCross = node.counterAxisSizingMode === 'AUTO';
  if (horizontal) {
    if (hugMain) node.size.x = main + gaps + padX;
    if (hugCross) node.size.y = cross + padY;
  } else {
    if (hugCross) node.size.x = cross + padX;
    if (hugMain) node.size.y = main + gaps + padY;
  }
}

function place(node: LayoutFields, x: number, y: number): void {
  const width = node.size?.x ?? 0;
  const height = node.size?.y ?? 0;
  if (node.size !== undefined) {
    node.absoluteBoundingBox = setBox(node.absoluteBoundingBox, x, y, width, height);
    node.absoluteRenderBounds = node.visible === false ? null : setBox(node.absoluteRenderBounds, x, y, width, height);
  }
  const children = (node.children ?? []) as LayoutFields[];
  if (children.length === 0) return;
  const flow = isFlow(node);
  const horizontal = node.layoutMode === 'HORIZONTAL';
  let cursorMain = horizontal ? (node.paddingLeft ?? 0) : (node.paddingTop ?? 0);
  let cursorCross = horizontal ? (node.paddingTop ?? 0) : (node.paddingLeft ?? 0);
  let lineCross = 0;
  const mainLimit = horizontal ? width - (node.paddingRight ?? 0) : height - (node.paddingBottom ?? 0);
  for (const child of children) {
    let relX = child.relativeTransform?.[0]?.[2] ?? 0;
    let relY = child.relativeTransform?.[1]?.[2] ?? 0;
    if (flow && child.visible !== false && child.layoutPositioning !== 'ABSOLUTE') {
      const childMain = horizontal ? (child.size?.x ?? 0) : (child.size?.y ?? 0);
      const childCross = horizontal ? (child.size?.y ?? 0) : (child.size?.x ?? 0);
      const lineStart = horizontal ? (node.paddingLeft ?? 0) : (node.paddingTop ?? 0);
      if (node.layoutWrap === 'WRAP' && cursorMain > lineStart && cursorMain + childMain > mainLimit) {
        cursorMain = lineStart;
        cursorCross += lineCross + (node.counterAxisSpacing ?? node.itemSpacing ?? 0);
        lineCross = 0;
      }
      [relX, relY] = horizontal ? [cursorMain, cursorCross] : [cursorCross, cursorMain];
      cursorMain += childMain + (node.itemSpacing ?? 0);
      lineCross = Math.max(lineCross, childCross);
    }
    setTranslation(child, relX, relY);
    place(child, x + relX, y + relY);
  }
}

function setBox(box: Rectangle | null | undefined, x: number, y: number, width: number, height: number): Rectangle {
  if (box === null || box === undefined) return { x, y, width, height };
  box.x = x;
  box.y = y;
  box.width = width;
  box.height = height;
  return box;
}

function setTranslation(node: LayoutFields, x: number, y: number): void {
  const row0 = node.relativeTransform?.[0];
  const row1 = node.relativeTransform?.[1];
  if (row0 === undefined || row1 === undefined) {
    node.relativeTransform = [
      [1, 0, x],
      [0, 1, y],
    ];
    return;
  }
  row0[2] = x;
  row1[2] = y;
}
