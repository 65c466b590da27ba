// Builders for typed Figma nodes with every field the spec requires filled with Figma's usual defaults.
// Geometry is given relative to the parent (x, y, w, h); applyLayout() later computes absolute boxes.
import type {
  CanvasNode,
  ComponentNode,
  ComponentSetNode,
  DocumentNode,
  EllipseNode,
  FrameNode,
  GroupNode,
  InstanceNode,
  Rectangle,
  RectangleNode,
  SubcanvasNode,
  TextNode,
  Vector,
  VectorNode,
} from '@figma/rest-api-spec';
import { rgba } from './paints';

interface Geometry {
  id: string;
  name: string;
  w: number;
  h: number;
  x?: number;
  y?: number;
}

type Extra<T> = Partial<Omit<T, 'type' | 'id' | 'name' | 'children'>>;
type WithChildren = { children?: SubcanvasNode[] };

/** Sequential node ids on one "page prefix", like Figma's "12:34". */
export function idSequence(prefix: number | string, start = 1): () => string {
  let next = start;
  return () => `${prefix}:${next++}`;
}

function layer({ id, name, w, h, x = 0, y = 0 }: Geometry) {
  const box = { x, y, width: w, height: h };
  return {
    id,
    name,
    scrollBehavior: 'SCROLLS' as const,
    blendMode: 'PASS_THROUGH' as const,
    absoluteBoundingBox: box,
    absoluteRenderBounds: { ...box },
    constraints: { vertical: 'TOP' as const, horizontal: 'LEFT' as const },
    relativeTransform: [
      [1, 0, x],
      [0, 1, y],
    ],
    size: { x: w, y: h },
    effects: [],
    interactions: [],
  };
}

function container(g: Geometry) {
  return { ...layer(g), clipsContent: false, fills: [], strokes: [], strokeWeight: 1, strokeAlign: 'INSIDE' as const };
}

/** A FRAME; pass layoutMode and friends in `extra` for auto-layout. */
export function frame(g: Geometry & WithChildren & Extra<FrameNode>): FrameNode {
  const { id, name, w, h, x, y, children = [], ...extra } = g;
  return { type: 'FRAME', ...container({ id, name, w, h, x, y }), clipsContent: true, ...extra, children };
}

/** A GROUP (no fills or layout of its own). */
export function group(g: Geometry & WithChildren & Extra<GroupNode>): GroupNode {
  const { id, name, w, h, x, y, children = [], ...extra } = g;
  return { type: 'GROUP', ...container({ id, name, w, h, x, y }), ...extra, children };
}

/** A COMPONENT (main component). */
export function component(g: Geometry & WithChildren & Extra<ComponentNode>): ComponentNode {
  const { id, name, w, h, x, y, children = [], ...extra } = g;
  return { type: 'COMPONENT', ...container({ id, name, w, h, x, y }), clipsContent: false, ...extra, children };
}

/** A COMPONENT_SET holding variant COMPONENTs. */
export function componentSet(
  g: Geometry & { children: ComponentNode[] } & Extra<ComponentSetNode>,
): ComponentSetNode {
  const { id, name, w, h, x, y, children, ...extra } = g;
  const dashed = { strokes: [{ type: 'SOLID' as const, blendMode: 'NORMAL' as const, color: rgba('#9747ff') }] };
  return {
    type: 'COMPONENT_SET',
    ...container({ id, name, w, h, x, y }),
    ...dashed,
    strokeDashes: [10, 5],
    cornerRadius: 5,
    ...extra,
    children,
  };
}

/** A RECTANGLE. */
export function rectangle(g: Geometry & Extra<RectangleNode>): RectangleNode {
  const { id, name, w, h, x, y, ...extra } = g;
  return { type: 'RECTANGLE', ...layer({ id, name, w, h, x, y }), blendMode: 'NORMAL', fills: [], ...extra };
}

/** An ELLIPSE (full circle unless arcData says otherwise). */
export function ellipse(g: Geometry & Extra<EllipseNode>): EllipseNode {
  const { id, name, w, h, x, y, ...extra } = g;
  const arcData = { startingAngle: 0, endingAngle: 6.2831854820251465, innerRadius: 0 };
  return { type: 'ELLIPSE', ...layer({ id, name, w, h, x, y }), blendMode: 'NORMAL', fills: [], arcData, ...extra };
}

/** A VECTOR (an icon stroke or shape). */
export function vector(g: Geometry & Extra<VectorNode>): VectorNode {
  const { id, name, w, h, x, y, ...extra } = g;
  return { type: 'VECTOR', ...layer({ id, name, w, h, x, y }), blendMode: 'NORMAL', fills: [], ...extra };
}

/** A TEXT node; `style` is required because text without one does not exist in Figma. */
export function text(g: Geometry & Extra<TextNode> & Pick<TextNode, 'characters' | 'style'>): TextNode {
  const { id, name, w, h, x, y, ...extra } = g;
  return {
    type: 'TEXT',
    ...layer({ id, name, w, h, x, y }),
    blendMode: 'PASS_THROUGH',
    fills: [],
    characterStyleOverrides: [],
    styleOverrideTable: {},
    lineTypes: ['NONE'],
    lineIndentations: [0],
    ...extra,
  };
}

interface InstanceInit {
  /** Default: the main component's name. */
  name?: string;
  w?: number;
  h?: number;
  /** New characters for TEXT layers, by layer name. */
  texts?: Record<string, string>;
}

/**
 * An INSTANCE of `main`: its children are copies of the main component's children with Figma's instance ids
 * ("I<instance id>;<main child id>"); `texts` overrides characters by child name and records the override.
 */
export function instance(
  main: ComponentNode,
  g: Omit<Geometry, 'w' | 'h' | 'name'> & InstanceInit & Extra<InstanceNode>,
): InstanceNode {
  const { id, name = main.name, w = main.size?.x ?? 0, h = main.size?.y ?? 0, x, y, texts = {}, ...extra } = g;
  const overrides: InstanceNode['overrides'] = [];
  const copy = (node: SubcanvasNode): SubcanvasNode => {
    // Fresh geometry objects: layout updates them in place and must not move the main component's layers.
    const copied = { ...node, id: `I${id};${node.id}`, ...copyGeometry(node) } as SubcanvasNode;
    if (copied.type === 'TEXT' && texts[node.name] !== undefined) {
      copied.characters = texts[node.name] ?? copied.characters;
      overrides.push({ id: copied.id, overriddenFields: ['characters'] });
    }
    if ('children' in copied) (copied as { children: SubcanvasNode[] }).children = copied.children.map(copy);
    return copied;
  };
  // The instance looks like its main component (fills, layout, effects) but is not one.
  const { id: _id, name: _name, type: _type, children, componentPropertyDefinitions: _defs, ...look } = main;
  return {
    ...look,
    ...layer({ id, name, w, h, x, y }),
    type: 'INSTANCE',
    componentId: main.id,
    overrides,
    ...extra,
    children: children.map(copy),
  };
}

function copyGeometry(node: SubcanvasNode) {
  const geometry = node as {
    absoluteBoundingBox?: Rectangle | null;
    absoluteRenderBounds?: Rectangle | null;
    relativeTransform?: number[][];
    size?: Vector;
  };
  return {
    absoluteBoundingBox: geometry.absoluteBoundingBox ? { ...geometry.absoluteBoundingBox } : null,
    absoluteRenderBounds: geometry.absoluteRenderBounds ? { ...geometry.absoluteRenderBounds } : null,
    ...(geometry.relativeTransform ? { relativeTransform: geometry.relativeTransform.map((row) => [...row]) } : {}),
    ...(geometry.size ? { size: { ...geometry.size } } : {}),
  };
}

/** A page (CANVAS). */
export function canvas(id: string, name: string, children: SubcanvasNode[], background = '#f5f5f5'): CanvasNode {
  return {
    id,
    name,
    type: 'CANVAS',
    scrollBehavior: 'SCROLLS',
    backgroundColor: rgba(background),
    prototypeStartNodeID: null,
    flowStartingPoints: [],
    prototypeDevice: { type: 'NONE', rotation: 'NONE' },
    children,
  };
}

/** The DOCUMENT root (always id 0:0). */
export function documentNode(pages: CanvasNode[]): DocumentNode {
  return { id: '0:0', name: 'Document', type: 'DOCUMENT', scrollBehavior: 'SCROLLS', children: pages };
}
