// DTCG values as CSS text (CSS Color 4, Fonts 4, Backgrounds 3). A reference becomes `var(--name)` so that
// switching a mode (re-declaring the target) reaches every alias; null means "no CSS for this".
import type { TokenEntry } from './flatten';

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Resolves `{path}` to a CSS custom property name, or undefined when the target has none. */
export type NameOf = (path: string) => string | undefined;

const REF = /^\{([^{}]+)\}$/;
const round = (n: number, digits = 4) => String(Math.round(n * 10 ** digits) / 10 ** digits);
const WEIGHTS: Record<string, number> = { thin: 100, hairline: 100, 'extra-light': 200, 'ultra-light': 200, light: 300, normal: 400, regular: 400, book: 400, medium: 500, 'semi-bold': 600, 'demi-bold': 600, bold: 700, 'extra-bold': 800, 'ultra-bold': 800, black: 900, heavy: 900, 'extra-black': 950, 'ultra-black': 950 };
const GENERIC_FAMILIES = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong']);

/** A CSS string literal. */
export function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

function color(v: unknown): string | null {
  if (!isObj(v) || !Array.isArray(v.components)) return null;
  const alpha = typeof v.alpha === 'number' ? v.alpha : 1;
  const c = v.components.map((n) => (typeof n === 'number' ? n : 'none'));
  const a = alpha === 1 ? '' : ` / ${round(alpha)}`;
  switch (v.colorSpace) {
    case 'srgb': {
      if (c.every((n) => typeof n === 'number')) {
        const bytes = (c as number[]).map((n) => Math.round(Math.min(1, Math.max(0, n)) * 255));
        if (alpha === 1) return `#${bytes.map((b) => b.toString(16).padStart(2, '0')).join('')}`;
        return `rgb(${bytes.join(' ')}${a})`;
      }
      return `color(srgb ${c.map((n) => (typeof n === 'number' ? round(n) : n)).join(' ')}${a})`;
    }
    case 'hsl':
    case 'hwb':
      return `${String(v.colorSpace)}(${c.map((n, i) => (typeof n === 'number' ? (i === 0 ? round(n) : `${round(n)}%`) : n)).join(' ')}${a})`;
    case 'lab':
    case 'lch':
    case 'oklab':
    case 'oklch':
      return `${String(v.colorSpace)}(${c.map((n) => (typeof n === 'number' ? round(n) : n)).join(' ')}${a})`;
    default:
      return `color(${String(v.colorSpace)} ${c.map((n) => (typeof n === 'number' ? round(n) : n)).join(' ')}${a})`;
  }
}

function dimension(v: unknown): string | null {
  return isObj(v) && typeof v.value === 'number' && typeof v.unit === 'string' ? (v.value === 0 ? '0' : `${round(v.value)}${v.unit}`) : null;
}

function family(v: unknown): string | null {
  const one = (s: unknown) => (typeof s !== 'string' ? null : GENERIC_FAMILIES.has(s) ? s : cssString(s));
  if (Array.isArray(v)) {
    const parts = v.map(one);
    return parts.every((p) => p !== null) ? parts.join(', ') : null;
  }
  return one(v);
}

function weight(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && WEIGHTS[v] !== undefined ? String(WEIGHTS[v]) : null;
}

/** A Figma gradient's CSS function and direction, from its `$extensions["com.figma"]` (type and handles). */
function gradientShape(figma: Loose | undefined): { fn: string; lead: string } {
  const kind = figma?.gradientType;
  if (kind === 'GRADIENT_RADIAL' || kind === 'GRADIENT_DIAMOND') return { fn: 'radial-gradient', lead: '' };
  if (kind === 'GRADIENT_ANGULAR') return { fn: 'conic-gradient', lead: '' };
  const h = Array.isArray(figma?.gradientHandlePositions) ? (figma.gradientHandlePositions as Array<{ x?: number; y?: number }>) : [];
  if (h.length < 2 || typeof h[0]?.x !== 'number' || typeof h[1]?.x !== 'number') return { fn: 'linear-gradient', lead: '' };
  // Figma's handles run from the start to the end of the gradient, y downwards; CSS angles start upwards, clockwise
  const deg = (Math.atan2(h[1].x - h[0].x, -((h[1].y ?? 0) - (h[0].y ?? 0))) * 180) / Math.PI;
  return { fn: 'linear-gradient', lead: `${round((deg + 360) % 360, 2)}deg, ` };
}

/** The CSS text of a value of `type`, with references through `nameOf`; `figma` is the token's Figma extension. */
export function cssValue(type: string, value: unknown, nameOf: NameOf, figma?: Loose): string | null {
  if (typeof value === 'string') {
    const ref = REF.exec(value);
    if (ref) {
      const name = nameOf(ref[1]!);
      return name ? `var(${name})` : null;
    }
  }
  const sub = (t: string, v: unknown) => cssValue(t, v, nameOf);
  switch (type) {
    case 'color':
      return color(value);
    case 'dimension':
    case 'duration':
      return dimension(value);
    case 'number': {
      if (typeof value !== 'number') return null;
      // Figma opacity variables hold percentages: 40 means 40 %, which CSS would read as 1 (clamped)
      const scopes = Array.isArray(figma?.scopes) ? (figma.scopes as string[]) : [];
      return scopes.length > 0 && scopes.every((s) => s === 'OPACITY') ? `${round(value, 4)}%` : round(value, 6);
    }
    case 'fontFamily':
      return family(value);
    case 'fontWeight':
      return weight(value);
    case 'cubicBezier':
      return Array.isArray(value) && value.length === 4 ? `cubic-bezier(${value.map((n) => round(Number(n))).join(', ')})` : null;
    case 'strokeStyle':
      return typeof value === 'string' ? value : 'solid';
    case 'shadow': {
      const list = Array.isArray(value) ? value : [value];
      const parts = list.map((s) => {
        if (typeof s === 'string') return sub('shadow', s);
        if (!isObj(s)) return null;
        const bits = [sub('dimension', s.offsetX), sub('dimension', s.offsetY), sub('dimension', s.blur), sub('dimension', s.spread), sub('color', s.color)];
        if (bits.some((b) => b === null)) return null;
        return `${s.inset === true ? 'inset ' : ''}${bits.join(' ')}`;
      });
      return parts.every((p) => p !== null) ? parts.join(', ') : null;
    }
    case 'gradient': {
      if (!Array.isArray(value)) return null;
      const stops = value.map((s) => (isObj(s) ? `${sub('color', s.color) ?? 'transparent'} ${typeof s.position === 'number' ? `${round(s.position * 100, 2)}%` : (sub('number', s.position) ?? '')}`.trim() : null));
      const shape = gradientShape(figma);
      return stops.every((s) => s !== null) ? `${shape.fn}(${shape.lead}${stops.join(', ')})` : null;
    }
    case 'border': {
      if (!isObj(value)) return null;
      const bits = [sub('dimension', value.width), sub('strokeStyle', value.style), sub('color', value.color)];
      return bits.every((b) => b !== null) ? bits.join(' ') : null;
    }
    case 'transition': {
      if (!isObj(value)) return null;
      const bits = [sub('duration', value.duration), sub('cubicBezier', value.timingFunction), sub('duration', value.delay)];
      return bits.every((b) => b !== null) ? bits.join(' ') : null;
    }
    case 'typography': {
      if (!isObj(value)) return null;
      const bits = [sub('fontWeight', value.fontWeight), sub('dimension', value.fontSize), sub('number', value.lineHeight), sub('fontFamily', value.fontFamily)];
      if (bits.some((b) => b === null)) return null;
      return `${bits[0]} ${bits[1]}/${bits[2]} ${bits[3]}`;
    }
    case 'com.figma.string':
      return typeof value === 'string' ? cssString(value) : null;
    case 'com.figma.boolean':
      return typeof value === 'boolean' ? String(value) : null;
    default:
      return null;
  }
}

/** Extra declarations a token needs beside its own (typography: letter spacing, which `font` cannot carry). */
export function cssCompanions(entry: TokenEntry, nameOf: NameOf): Array<[suffix: string, value: string]> {
  if (entry.type !== 'typography' || !isObj(entry.value)) return [];
  const ls = cssValue('dimension', entry.value.letterSpacing, nameOf);
  return ls ? [['letter-spacing', ls]] : [];
}
