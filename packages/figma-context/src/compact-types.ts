/**
 * The compact context format (plain JSON, no schema library). Keys are short because this is sent
 * for every node; each is documented here, and `toText` renders the same data as indented lines.
 */

/**
 * Node type codes. Types not listed keep their Figma name (e.g. `STICKY`, `TABLE`).
 * `icon` is a GROUP/FRAME/BOOLEAN_OPERATION whose visible descendants are all vector shapes.
 */
export const TYPE_CODES: Readonly<Record<string, string>> = {
  CANVAS: 'page',
  FRAME: 'F',
  GROUP: 'G',
  SECTION: 'S',
  COMPONENT: 'C',
  COMPONENT_SET: 'CS',
  INSTANCE: 'I',
  TEXT: 'T',
  RECTANGLE: 'R',
  ELLIPSE: 'E',
  VECTOR: 'V',
  LINE: 'L',
  STAR: 'ST',
  REGULAR_POLYGON: 'P',
  BOOLEAN_OPERATION: 'B',
};

export type Sizing = 'fill' | 'hug';

/** A text run `[start, end, textStyleId, fillPaintId?]` (UTF-16 offsets, end exclusive). */
export type TextRun = [number, number, string] | [number, number, string, string];

export interface PropertyDef {
  type: string;
  default?: string | boolean;
  options?: string[];
}

export interface CompactNode {
  id: string;
  /** Type code, see TYPE_CODES. */
  t: string;
  /** Layer name; omitted when auto-generated (`Frame 12`) or derivable (text = its characters, instance = component name, variant = `vp`). */
  n?: string;
  /** [width, height], rounded to 0.1. */
  wh?: [number, number];
  /** [x, y] relative to the parent's box; omitted when 0,0 or placed by the parent's auto-layout. */
  xy?: [number, number];
  /** Horizontal / vertical sizing when not FIXED (text: `sz=x,y`, `sz=x` when both are x, else `sx=` / `sy=`). */
  sx?: Sizing;
  sy?: Sizing;
  /** 1 when absolutely positioned inside an auto-layout parent. */
  abs?: 1;
  /** Rotation in degrees. */
  rot?: number;
  /** Opacity when ≠ 1. */
  o?: number;
  /** Auto-layout: id of a `defs.layouts` entry. */
  l?: string;
  /** Fills: id of a `defs.paints` entry. */
  f?: string;
  /** Strokes: id of a `defs.paints` entry; `sw` weight (or [top,right,bottom,left]) when ≠ 1, `sa` align when not INSIDE, `sd` dashes. */
  s?: string;
  sw?: number | [number, number, number, number];
  sa?: string;
  sd?: number[];
  /** Effects: id of a `defs.effects` entry. */
  e?: string;
  /** Corner radius, or [topLeft, topRight, bottomRight, bottomLeft]. */
  r?: number | [number, number, number, number];
  /** 1 when the layer is a mask. */
  mask?: 1;
  minW?: number;
  maxW?: number;
  minH?: number;
  maxH?: number;
  /** Text characters, text style (`defs.text` id) and style runs for mixed text. */
  tx?: string;
  ts?: string;
  runs?: TextRun[];
  /** Hyperlinks `[start, end, url]` over the characters (UTF-16, end exclusive); a link to a node is `node:<id>`. */
  links?: [number, number, string][];
  /** List lines, one character per line of the text: `o` numbered, `u` bulleted, `-` plain; omitted when no line is a list. */
  lines?: string;
  /** Indentation level per line, when any line is indented. */
  indent?: number[];
  /** Instance: main component id (see `components`); `props` its component property values. */
  c?: string;
  props?: Record<string, string | boolean>;
  /** Variant props of a COMPONENT inside a COMPONENT_SET (parsed from its name). */
  vp?: Record<string, string>;
  /** Component property definitions of a COMPONENT / COMPONENT_SET. */
  propDefs?: Record<string, PropertyDef>;
  /** componentPropertyReferences: which node field is driven by which component property. */
  refs?: Record<string, string>;
  /** Bound variables: field → `defs.vars` id(s). Icons carry the union of their parts' bindings. */
  bv?: Record<string, string | string[]>;
  ch?: CompactNode[];
}

/** A deduplicated paint list; `name` is the Figma style name when the node uses a named style. */
export interface PaintDef {
  v: string[];
  name?: string;
}

export interface EffectDef {
  v: string[];
  name?: string;
}

export interface TextStyleDef {
  font?: string;
  weight?: number;
  size?: number;
  /** Line height in px (omitted = auto). */
  lh?: number;
  /** Letter spacing in px. */
  ls?: number;
  align?: string;
  valign?: string;
  italic?: 1;
  case?: string;
  deco?: string;
  /** Paragraph spacing in px. */
  ps?: number;
  name?: string;
}

export interface LayoutDef {
  mode: 'row' | 'col' | 'grid';
  gap?: number;
  /** Padding in CSS shorthand order (1–4 values). */
  pad?: number[];
  main?: string;
  cross?: string;
  wrap?: 1;
  crossGap?: number;
  content?: string;
  rows?: number;
  cols?: number;
  rowGap?: number;
  colGap?: number;
}

export interface VarDef {
  id: string;
  name?: string;
  type?: string;
  /** Value in the collection's default mode (colours as hex, aliases as `→name`). */
  value?: string | number | boolean;
  coll?: string;
}

/** Dictionaries referenced by short ids: paints `p…`, effects `e…`, text `t…`, layouts `l…`, variables `v…`. */
export interface Defs {
  paints: Record<string, PaintDef>;
  effects: Record<string, EffectDef>;
  text: Record<string, TextStyleDef>;
  layouts: Record<string, LayoutDef>;
  vars: Record<string, VarDef>;
}

export interface ComponentRef {
  name: string;
  key?: string;
  /** Component set name and id, for variants. */
  set?: string;
  setId?: string;
  remote?: 1;
}

export interface Counts {
  pages: number;
  /** Frames directly on a page or in a top-level section, and FRAME roots of nodes responses. */
  frames: number;
  /** COMPONENT and COMPONENT_SET nodes. */
  components: number;
  instances: number;
  texts: number;
  icons: number;
  /** Compact nodes emitted. */
  nodes: number;
  /** Visible vector parts folded into icons. */
  folded: number;
  /** Hidden subtrees dropped (counted once per hidden root). */
  hidden: number;
}

export interface CompactContext {
  v: 1;
  name?: string;
  nodes: CompactNode[];
  defs: Defs;
  components: Record<string, ComponentRef>;
  counts: Counts;
  /** Requested ids the nodes response answered with null. */
  missing?: string[];
}

/** One chunk's output: its nodes plus only the defs and components first seen in this chunk. */
export interface ChunkOutput extends CompactContext {
  index: number;
  /**
   * A later part of a chunk split by splitOutput: its `nodes` are appended, in order, to the children of
   * the node with this id, sent in an earlier part of the same chunk (absent: the chunk's top level).
   */
  under?: string;
}

/** Variable binding sets shared by several nodes of a rendering (`defs.binds`, referenced by `bs`). */
export type BoundSetMap = Record<string, Record<string, string | string[]>>;

/**
 * A node as written by a deduplicating rendering (see dedupe.ts): a compact node, a use of a template
 * (`use` + `ids`/`ov`, no `t`), or either with its binding set shared (`bs` instead of `bv`).
 */
export interface WireNode extends Omit<CompactNode, 't' | 'ch'> {
  t?: string;
  ch?: WireNode[];
  /** Template id (`defs.tpl`): this node is a copy of it with this id. */
  use?: string;
  /** The copy's descendant ids in pre-order, when they do not follow from the template's. */
  ids?: string[];
  /** Varying fields that differ from the template, by descendant pre-order index (null = absent). */
  ov?: Record<string, Record<string, unknown>>;
  /** Binding set id (`defs.binds`), standing for `bv`. */
  bs?: string;
}
