// A DTCG document as rows to show: each token's path, type, a CSS colour for swatches and its value as text. Pure:
// the tokens page lists them by collection (the document's top-level groups).

export interface TokenRow {
  path: string;
  type: string;
  /** A CSS colour for a swatch (colour tokens), else null. */
  swatch: string | null;
  value: string;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A DTCG colour value as CSS: its hex, or sRGB components as rgb(), or a reference as is. */
export function cssColor(value: unknown): string | null {
  if (typeof value === 'string') return /^#[0-9a-f]{3,8}$/i.test(value) ? value : null;
  if (!isObj(value)) return null;
  if (typeof value.hex === 'string' && value.alpha === undefined) return value.hex;
  const c = value.components;
  if (value.colorSpace === 'srgb' && Array.isArray(c) && c.every((n) => typeof n === 'number')) {
    const [r, g, b] = (c as number[]).map((n) => Math.round(Math.min(1, Math.max(0, n)) * 255));
    return `rgb(${r} ${g} ${b} / ${typeof value.alpha === 'number' ? value.alpha : 1})`;
  }
  return typeof value.hex === 'string' ? value.hex : null;
}

/** A value as a person reads it: colours as hex (and alpha), dimensions as `8px`, composites (typography, shadow,
 * border, transition, gradient, cubic Bézier, font lists) in a CSS-like short form, references as written; else JSON. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 4 && v.every((n) => typeof n === 'number')) return `cubic-bezier(${v.join(', ')})`;
    if (v.length > 0 && v.every((x) => typeof x === 'string')) return v.join(', ');
    if (v.length > 0 && v.every((x) => isObj(x) && ('offsetX' in x || 'position' in x))) return v.map(valueText).join(', ');
    return JSON.stringify(v);
  }
  if (!isObj(v)) return JSON.stringify(v);
  const has = (...keys: string[]) => keys.every((k) => k in v);
  if (has('colorSpace', 'components')) {
    const alpha = typeof v.alpha === 'number' && v.alpha !== 1 ? ` / ${v.alpha}` : '';
    return typeof v.hex === 'string' ? `${v.hex}${alpha}` : (cssColor(v) ?? JSON.stringify(v));
  }
  if (typeof v.value === 'number' && typeof v.unit === 'string' && Object.keys(v).length === 2) return `${v.value}${v.unit}`;
  const t = (k: string) => valueText(v[k]);
  if (has('fontFamily', 'fontSize')) {
    const extra = [...('lineHeight' in v ? [`line height ${t('lineHeight')}`] : []), ...('letterSpacing' in v ? [`letter spacing ${t('letterSpacing')}`] : [])];
    return [`${t('fontFamily')} ${t('fontSize')}${'fontWeight' in v ? ` / ${t('fontWeight')}` : ''}`, ...extra].join(', ');
  }
  if (has('color', 'offsetX', 'offsetY')) return `${v.inset === true ? 'inset ' : ''}${['offsetX', 'offsetY', 'blur', 'spread'].filter((k) => k in v).map(t).join(' ')} ${t('color')}`;
  if (has('color', 'width', 'style')) return `${t('width')} ${t('style')} ${t('color')}`;
  if (has('duration', 'timingFunction')) return `${t('duration')} ${t('timingFunction')}${'delay' in v ? ` ${t('delay')}` : ''}`;
  if (has('color', 'position') && typeof v.position === 'number') return `${t('color')} ${Math.round(v.position * 1000) / 10}%`;
  return JSON.stringify(v);
}

const REFERENCE = /^\{([^{}]+)\}$/;

/** The tokens of a document, grouped by its top-level group, in document order; a group's `$type` applies below it.
 * A reference to a token of the same document shows where its chain ends (`{a.b} → #ff0066`, with that swatch). */
export function tokenRows(doc: Json): Map<string, TokenRow[]> {
  const tokens = new Map<string, { type: string; value: unknown }>();
  const walk = (node: Json, path: string[], inherited: string | null) => {
    const type = typeof node.$type === 'string' ? node.$type : inherited;
    if ('$value' in node) {
      tokens.set(path.join('.'), { type: type ?? '', value: node.$value });
      return;
    }
    for (const [key, child] of Object.entries(node)) if ((!key.startsWith('$') || key === '$root') && isObj(child)) walk(child, [...path, key], type);
  };
  walk(doc, [], null);
  /** Where a reference's chain ends (at most 16 hops): undefined when a link names nothing here or the chain loops. */
  const target = (value: unknown): unknown => {
    let at = value;
    for (let hop = 0; hop < 16; hop++) {
      const ref = typeof at === 'string' ? REFERENCE.exec(at) : null;
      if (!ref) return at;
      const next = tokens.get(ref[1]!);
      if (!next) return undefined;
      at = next.value;
    }
    return undefined;
  };
  const out = new Map<string, TokenRow[]>();
  for (const [path, { type, value }] of tokens) {
    const group = path.split('.')[0]!;
    const end = typeof value === 'string' && REFERENCE.test(value) ? target(value) : value;
    const text = end === value || end === undefined ? valueText(value) : `${value} → ${valueText(end)}`;
    const rows = out.get(group) ?? [];
    rows.push({ path, type, swatch: type === 'color' && end !== undefined ? cssColor(end) : null, value: text });
    out.set(group, rows);
  }
  return out;
}
