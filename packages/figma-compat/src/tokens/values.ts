// Figma values → DTCG values (Format §8, Color module §4). Figma colours are sRGB floats 0–1 with alpha; a FLOAT
// carries no unit, so its DTCG type comes from the variable's scopes (where Figma lets it be bound), then from
// its name, else `number` — and the token records which (`typeFrom`).
import type { DtcgColor, DtcgType } from './dtcg-types';

export interface FigmaRgba {
  r: number;
  g: number;
  b: number;
  a?: number;
}

const clamp01 = (n: number) => (n < 0 ? 0 : n > 1 ? 1 : n);

const byte = (n: number) => Math.round(clamp01(n) * 255);

// the 256 two-digit hex strings, made once: a colour token needs three
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex2 = (n: number) => HEX[byte(n)]!;

/** Whether a value is a Figma colour (`{ r, g, b, a? }`). */
export function isRgba(v: unknown): v is FigmaRgba {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return typeof c.r === 'number' && typeof c.g === 'number' && typeof c.b === 'number';
}

/** An sRGB colour object with its 6-digit hex fallback; `opacity` multiplies alpha (a paint's opacity). */
export function toColor(c: FigmaRgba, opacity = 1): DtcgColor {
  const alpha = clamp01((typeof c.a === 'number' ? c.a : 1) * opacity);
  return { colorSpace: 'srgb', components: [clamp01(c.r), clamp01(c.g), clamp01(c.b)], alpha, hex: `#${hex2(c.r)}${hex2(c.g)}${hex2(c.b)}` };
}

/** Where a FLOAT or STRING variable's DTCG type came from. */
export type TypeSource = 'scopes' | 'name' | 'default' | 'alias';

// Figma scopes whose bound property is a length in pixels.
const PX_SCOPES = new Set(['CORNER_RADIUS', 'WIDTH_HEIGHT', 'GAP', 'STROKE_FLOAT', 'EFFECT_FLOAT', 'FONT_SIZE', 'LINE_HEIGHT', 'LETTER_SPACING', 'PARAGRAPH_SPACING', 'PARAGRAPH_INDENT']);

const DIMENSION_NAME = /(^|[^a-z])(space|spacing|spacer|gap|gutter|padding|margin|inset|offset|radius|radii|rounded|corner|size|sizing|width|height|border|stroke|blur|spread|line-?height|leading|letter-?spacing|tracking|indent)s?([^a-z]|$)/;
const WEIGHT_NAME = /(^|[^a-z])(font-?)?weight([^a-z]|$)/;
const DURATION_NAME = /(^|[^a-z])(duration|delay)s?([^a-z]|$)/;
const FAMILY_NAME = /(^|[^a-z])(font-?)?famil(y|ies)([^a-z]|$)|(^|[^a-z])(typeface|fonts?)$/;

const hint = (name: string) => name.toLowerCase().replaceAll('/', ' ');

/** The DTCG type of a FLOAT variable: dimension (px), fontWeight, duration (ms) or number. */
export function floatType(scopes: string[], name: string): { type: DtcgType; from: TypeSource } {
  const specific = scopes.filter((s) => s !== 'ALL_SCOPES');
  if (specific.length) {
    if (specific.every((s) => PX_SCOPES.has(s))) return { type: 'dimension', from: 'scopes' };
    if (specific.every((s) => s === 'FONT_WEIGHT')) return { type: 'fontWeight', from: 'scopes' };
    return { type: 'number', from: 'scopes' };
  }
  const n = hint(name);
  if (WEIGHT_NAME.test(n)) return { type: 'fontWeight', from: 'name' };
  if (DURATION_NAME.test(n)) return { type: 'duration', from: 'name' };
  if (DIMENSION_NAME.test(n)) return { type: 'dimension', from: 'name' };
  return { type: 'number', from: 'default' };
}

/** The DTCG type a STRING variable may take (fontFamily, fontWeight), or null: then it stays a Figma extension. */
export function stringType(scopes: string[], name: string): { type: 'fontFamily' | 'fontWeight'; from: TypeSource } | null {
  if (scopes.includes('FONT_FAMILY')) return { type: 'fontFamily', from: 'scopes' };
  if (scopes.includes('FONT_STYLE') || scopes.includes('FONT_WEIGHT')) return { type: 'fontWeight', from: 'scopes' };
  const specific = scopes.filter((s) => s !== 'ALL_SCOPES');
  if (specific.length) return null;
  const n = hint(name);
  if (FAMILY_NAME.test(n)) return { type: 'fontFamily', from: 'name' };
  if (WEIGHT_NAME.test(n)) return { type: 'fontWeight', from: 'name' };
  return null;
}

// Format §8.4: the named weights; Figma style names ("SemiBold", "Extra Light") map onto them.
const WEIGHT_NAMES = new Set(['thin', 'hairline', 'extra-light', 'ultra-light', 'light', 'normal', 'regular', 'book', 'medium', 'semi-bold', 'demi-bold', 'bold', 'extra-bold', 'ultra-bold', 'black', 'heavy', 'extra-black', 'ultra-black']);

/** A font style name as a DTCG fontWeight keyword ("SemiBold" → "semi-bold"), or null. */
export function weightKeyword(style: string): string | null {
  const k = style
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return WEIGHT_NAMES.has(k) ? k : null;
}

/** A number as the DTCG value of a FLOAT token of `type`, or null when it does not fit (fontWeight outside 1–1000). */
export function floatValue(type: DtcgType, n: number): unknown {
  switch (type) {
    case 'dimension':
      return { value: n, unit: 'px' };
    case 'duration':
      return { value: n, unit: 'ms' };
    case 'fontWeight':
      return n >= 1 && n <= 1000 ? n : null;
    default:
      return n;
  }
}

/** A string as the DTCG value of a STRING token of `type`, or null when it does not fit. */
export function stringValue(type: DtcgType, s: string): unknown {
  if (type === 'fontFamily') return s.startsWith('{') && s.endsWith('}') ? null : s;
  if (type === 'fontWeight') return weightKeyword(s) ?? (/^\d+$/.test(s.trim()) && +s >= 1 && +s <= 1000 ? +s : null);
  return null;
}

/** The zero of a type: what an unresolvable alias falls back to when no mode of the variable has a value. */
export function placeholder(type: DtcgType): unknown {
  switch (type) {
    case 'color':
      return { colorSpace: 'srgb', components: [0, 0, 0], alpha: 0, hex: '#000000' };
    case 'dimension':
      return { value: 0, unit: 'px' };
    case 'duration':
      return { value: 0, unit: 'ms' };
    case 'fontWeight':
      return 400;
    case 'fontFamily':
      return 'sans-serif';
    default:
      return 0;
  }
}
