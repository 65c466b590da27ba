/**
 * Paints and effects as short CSS-like strings: `#fff`, `#0000001a`,
 * `linear-gradient(90deg, #5200ff 0%, #f000 100%)`, `image(<ref> fill)`, `drop(0,4,8,#0000001a)`.
 * Strings keep the dedup key and the rendering the same thing.
 */
import type { RawColor, RawEffect, RawPaint } from './raw-node';

// Filled as channel values show up: a file uses a few of the 256, so none is built at import.
const HEX: (string | undefined)[] = new Array(256);

function byte(v: number): string {
  const n = Math.round(v * 255);
  const i = n < 0 ? 0 : n > 255 ? 255 : n;
  // A missing channel (NaN) finds no entry, exactly as with a table built up front.
  return (HEX[i] ?? (i >= 0 ? (HEX[i] = i.toString(16).padStart(2, '0')) : undefined)) as string;
}

/** Formats an RGBA colour (0..1 channels) as the shortest hex form; `opacity` multiplies alpha. */
export function hex(color: RawColor, opacity = 1): string {
  const r = byte(color.r);
  const g = byte(color.g);
  const b = byte(color.b);
  const a = byte((color.a ?? 1) * opacity);
  const short = r[0] === r[1] && g[0] === g[1] && b[0] === b[1];
  if (a === 'ff') return short ? `#${r[0]}${g[0]}${b[0]}` : `#${r}${g}${b}`;
  return short && a[0] === a[1] ? `#${r[0]}${g[0]}${b[0]}${a[0]}` : `#${r}${g}${b}${a}`;
}

function num(v: number): number {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? 0 : r;
}

function stops(paint: RawPaint, opacity: number): string {
  return (paint.gradientStops ?? [])
    .map((s) => `${hex(s.color, opacity)} ${Math.round(s.position * 100)}%`)
    .join(', ');
}

function gradient(paint: RawPaint, opacity: number): string {
  const h = paint.gradientHandlePositions ?? [];
  const from = h[0];
  const to = h[1];
  switch (paint.type) {
    case 'GRADIENT_LINEAR': {
      // CSS angles start at "up" and turn clockwise; Figma handles are in the node's unit box.
      const deg = from && to ? (Math.round((Math.atan2(to.x - from.x, from.y - to.y) * 180) / Math.PI) + 360) % 360 : 180;
      return `linear-gradient(${deg}deg, ${stops(paint, opacity)})`;
    }
    case 'GRADIENT_RADIAL':
    case 'GRADIENT_DIAMOND': {
      const kind = paint.type === 'GRADIENT_RADIAL' ? 'radial' : 'diamond';
      const at = from && (Math.abs(from.x - 0.5) > 0.01 || Math.abs(from.y - 0.5) > 0.01)
        ? `at ${Math.round(from.x * 100)}% ${Math.round(from.y * 100)}%, `
        : '';
      return `${kind}-gradient(${at}${stops(paint, opacity)})`;
    }
    default:
      return `conic-gradient(${stops(paint, opacity)})`;
  }
}

/** One visible paint as a string; null for an invisible paint, or one without a type (a hand-made plugin export). */
export function paintString(paint: RawPaint): string | null {
  if (paint.visible === false || typeof paint.type !== 'string') return null;
  const opacity = paint.opacity ?? 1;
  let out: string;
  if (paint.type === 'SOLID') out = paint.color ? hex(paint.color, opacity) : '#000';
  else if (paint.type.startsWith('GRADIENT_')) out = gradient(paint, opacity);
  else if (paint.type === 'IMAGE') {
    const ref = paint.imageRef ?? paint.imageHash ?? '?';
    out = `image(${ref} ${(paint.scaleMode ?? 'FILL').toLowerCase()}${opacity < 1 ? ` ${num(opacity)}` : ''})`;
  } else out = paint.type.toLowerCase();
  const blend = paint.blendMode;
  if (blend && blend !== 'NORMAL' && blend !== 'PASS_THROUGH') out += ` ${blend.toLowerCase()}`;
  return out;
}

// Most nodes have no strokes/effects; sharing one frozen empty list avoids an allocation per node.
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** The visible paints of a list as strings (empty when none; the empty list is shared, do not mutate). */
export function paintStrings(paints: readonly RawPaint[] | undefined): string[] {
  if (!paints || paints.length === 0) return NONE;
  const out: string[] = [];
  for (const p of paints) {
    const s = paintString(p);
    if (s !== null) out.push(s);
  }
  return out;
}

/** One visible effect as a string; null for an invisible effect, or one without a type. */
export function effectString(effect: RawEffect): string | null {
  if (effect.visible === false || typeof effect.type !== 'string') return null;
  const r = num(effect.radius ?? 0);
  switch (effect.type) {
    case 'DROP_SHADOW':
    case 'INNER_SHADOW': {
      const kind = effect.type === 'DROP_SHADOW' ? 'drop' : 'inner';
      const o = effect.offset ?? { x: 0, y: 0 };
      const spread = effect.spread ? `,${num(effect.spread)}` : '';
      const color = effect.color ? hex(effect.color) : '#000';
      return `${kind}(${num(o.x)},${num(o.y)},${r}${spread},${color})`;
    }
    case 'LAYER_BLUR':
      return `blur(${r})`;
    case 'BACKGROUND_BLUR':
      return `bg-blur(${r})`;
    default:
      return effect.type.toLowerCase();
  }
}

/** The visible effects of a list as strings (empty when none; the empty list is shared, do not mutate). */
export function effectStrings(effects: readonly RawEffect[] | undefined): string[] {
  if (!effects || effects.length === 0) return NONE;
  const out: string[] = [];
  for (const e of effects) {
    const s = effectString(e);
    if (s !== null) out.push(s);
  }
  return out;
}
