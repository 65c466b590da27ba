// Shapes of the W3C Design Tokens Format, Color and Resolver modules, 2025.10
// (https://www.designtokens.org/TR/2025.10/format/, …/color/, …/resolver/): what deriveTokens writes and what
// toCss, toTailwindTheme and diffTokens read. Only what this package produces is typed precisely; anything a
// document may legally hold beyond that is `unknown`.

/** The token types of the Format module (§8 types, §9 composite types). */
export type DtcgType =
  | 'color'
  | 'dimension'
  | 'fontFamily'
  | 'fontWeight'
  | 'duration'
  | 'cubicBezier'
  | 'number'
  | 'strokeStyle'
  | 'border'
  | 'transition'
  | 'shadow'
  | 'gradient'
  | 'typography';

/** Color module: a colour space, its components, alpha (default 1) and an optional 6-digit hex fallback. */
export interface DtcgColor {
  colorSpace: 'srgb' | 'srgb-linear' | 'hsl' | 'hwb' | 'lab' | 'lch' | 'oklab' | 'oklch' | 'display-p3' | 'a98-rgb' | 'prophoto-rgb' | 'rec2020' | 'xyz-d65' | 'xyz-d50';
  components: Array<number | 'none'>;
  alpha?: number;
  hex?: string;
}

/** A distance: `px` (idealised pixel) or `rem`. */
export interface DtcgDimension {
  value: number;
  unit: 'px' | 'rem';
}

export interface DtcgDuration {
  value: number;
  unit: 'ms' | 's';
}

/** A curly-brace reference to a whole token: `{group.token}`. */
export type DtcgReference = `{${string}}`;

export interface DtcgShadow {
  color: DtcgColor | DtcgReference;
  offsetX: DtcgDimension | DtcgReference;
  offsetY: DtcgDimension | DtcgReference;
  blur: DtcgDimension | DtcgReference;
  spread: DtcgDimension | DtcgReference;
  inset?: boolean;
}

export interface DtcgGradientStop {
  color: DtcgColor | DtcgReference;
  position: number | DtcgReference;
}

export interface DtcgTypography {
  fontFamily: string | string[] | DtcgReference;
  fontSize: DtcgDimension | DtcgReference;
  fontWeight: number | string | DtcgReference;
  letterSpacing: DtcgDimension | DtcgReference;
  lineHeight: number | DtcgReference;
}

export type DtcgValue =
  | DtcgColor
  | DtcgDimension
  | DtcgDuration
  | DtcgReference
  | DtcgShadow
  | Array<DtcgShadow | DtcgReference>
  | DtcgGradientStop[]
  | DtcgTypography
  | string
  | string[]
  | number
  | Record<string, unknown>;

/** A token: an object with `$value`. */
export interface DtcgToken {
  $value: DtcgValue;
  $type?: DtcgType;
  $description?: string;
  $deprecated?: boolean | string;
  $extensions?: Record<string, unknown>;
}

/** A group: any object without `$value`; its own keys start with `$`, children do not. */
export interface DtcgGroup {
  $type?: DtcgType;
  $description?: string;
  $deprecated?: boolean | string;
  $extensions?: Record<string, unknown>;
  $root?: DtcgToken;
  [child: string]: DtcgGroup | DtcgToken | DtcgType | string | boolean | Record<string, unknown> | undefined;
}

/** A tokens document is a root group. */
export type DtcgDocument = DtcgGroup;

/** Resolver module: a same-document or file reference. */
export interface ResolverRef {
  $ref: string;
}

export interface ResolverSet {
  description?: string;
  sources: Array<ResolverRef | DtcgDocument>;
  $extensions?: Record<string, unknown>;
}

export interface ResolverModifier {
  description?: string;
  contexts: Record<string, Array<ResolverRef | DtcgDocument>>;
  default?: string;
  $extensions?: Record<string, unknown>;
}

export interface ResolverDocument {
  $schema?: string;
  name?: string;
  version: '2025.10';
  description?: string;
  sets?: Record<string, ResolverSet>;
  modifiers?: Record<string, ResolverModifier>;
  resolutionOrder: ResolverRef[];
}
