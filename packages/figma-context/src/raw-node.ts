/**
 * The loose shape we actually walk. Real Figma responses routinely omit fields the spec marks as
 * required (old files, depth-limited trees, hand-edited fixtures), so the walker reads every field
 * as optional and checks it; the spec types are only the API surface.
 */
export interface RawColor {
  r: number;
  g: number;
  b: number;
  a?: number;
}

export interface RawPaint {
  type: string;
  visible?: boolean;
  opacity?: number;
  color?: RawColor;
  blendMode?: string;
  gradientHandlePositions?: { x: number; y: number }[];
  gradientStops?: { position: number; color: RawColor }[];
  scaleMode?: string;
  imageRef?: string;
  imageHash?: string;
  boundVariables?: Record<string, unknown>;
}

export interface RawEffect {
  type: string;
  visible?: boolean;
  color?: RawColor;
  offset?: { x: number; y: number };
  radius?: number;
  spread?: number;
  blendMode?: string;
}

export interface RawTypeStyle {
  fontFamily?: string;
  fontWeight?: number;
  fontSize?: number;
  italic?: boolean;
  textCase?: string;
  textDecoration?: string;
  textAlignHorizontal?: string;
  textAlignVertical?: string;
  letterSpacing?: number;
  lineHeightPx?: number;
  lineHeightUnit?: string;
  paragraphSpacing?: number;
  fills?: RawPaint[];
  hyperlink?: { type?: string; url?: string; nodeID?: string };
}

export interface RawBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RawComponentProperty {
  type?: string;
  value?: unknown;
  boundVariables?: Record<string, unknown>;
}

export interface RawPropertyDefinition {
  type?: string;
  defaultValue?: unknown;
  variantOptions?: string[];
}

export interface RawNode {
  id: string;
  type: string;
  name?: string;
  visible?: boolean;
  children?: RawNode[];
  absoluteBoundingBox?: RawBox | null;
  size?: { x: number; y: number } | null;
  rotation?: number;
  opacity?: number;
  isMask?: boolean;
  fills?: RawPaint[];
  strokes?: RawPaint[];
  strokeWeight?: number;
  individualStrokeWeights?: { top: number; right: number; bottom: number; left: number };
  strokeAlign?: string;
  strokeDashes?: number[];
  effects?: RawEffect[];
  cornerRadius?: number;
  rectangleCornerRadii?: number[];
  styles?: Record<string, string>;
  layoutMode?: string;
  layoutWrap?: string;
  itemSpacing?: number;
  counterAxisSpacing?: number;
  counterAxisAlignContent?: string;
  paddingLeft?: number;
  paddingRight?: number;
  paddingTop?: number;
  paddingBottom?: number;
  primaryAxisAlignItems?: string;
  counterAxisAlignItems?: string;
  primaryAxisSizingMode?: string;
  counterAxisSizingMode?: string;
  gridRowCount?: number;
  gridColumnCount?: number;
  gridRowGap?: number;
  gridColumnGap?: number;
  layoutSizingHorizontal?: string;
  layoutSizingVertical?: string;
  layoutAlign?: string;
  layoutGrow?: number;
  layoutPositioning?: string;
  minWidth?: number | null;
  maxWidth?: number | null;
  minHeight?: number | null;
  maxHeight?: number | null;
  characters?: string;
  style?: RawTypeStyle;
  characterStyleOverrides?: number[];
  lineTypes?: string[];
  lineIndentations?: number[];
  styleOverrideTable?: Record<string, RawTypeStyle>;
  componentId?: string;
  componentProperties?: Record<string, RawComponentProperty>;
  componentPropertyDefinitions?: Record<string, RawPropertyDefinition>;
  componentPropertyReferences?: Record<string, string>;
  boundVariables?: Record<string, unknown>;
}

/** Per-response metadata maps (`components`, `componentSets`, `styles`) as the API returns them. */
export interface RawMeta {
  components?: Record<string, { key?: string; name?: string; componentSetId?: string; remote?: boolean }>;
  componentSets?: Record<string, { key?: string; name?: string }>;
  styles?: Record<string, { name?: string; styleType?: string }>;
}

/** Types drawn as pure geometry: a container holding only these is an icon. */
export const VECTOR_TYPES: ReadonlySet<string> = new Set([
  'VECTOR',
  'BOOLEAN_OPERATION',
  'STAR',
  'LINE',
  'ELLIPSE',
  'REGULAR_POLYGON',
  'RECTANGLE',
]);

/** Top-level node types that count as a frame-like unit of a page. */
export const FRAME_UNIT_TYPES: ReadonlySet<string> = new Set(['FRAME', 'SECTION', 'COMPONENT', 'COMPONENT_SET']);

/** Node types that do not render anything (a slice is an export region). */
export const NON_RENDERABLE_TYPES: ReadonlySet<string> = new Set(['SLICE', 'DOCUMENT', 'CANVAS']);

/** True when a value looks like a node: an object with string `id` and `type`. */
export function isRawNode(value: unknown): value is RawNode {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { id?: unknown; type?: unknown };
  return typeof v.id === 'string' && typeof v.type === 'string';
}
