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

/** A value as a person reads it: a colour's hex (and alpha), a dimension as `8px`, anything else as JSON. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isObj(v) && typeof v.hex === 'string' && Array.isArray(v.components)) return typeof v.alpha === 'number' && v.alpha !== 1 ? `${v.hex} / ${v.alpha}` : v.hex;
  if (isObj(v) && typeof v.value === 'number' && typeof v.unit === 'string' && Object.keys(v).length === 2) return `${v.value}${v.unit}`;
  return JSON.stringify(v);
}

/** The tokens of a document, grouped by its top-level group, in document order; a group's `$type` applies below it. */
export function tokenRows(doc: Json): Map<string, TokenRow[]> {
  const out = new Map<string, TokenRow[]>();
  const walk = (node: Json, path: string[], inherited: string | null) => {
    const type = typeof node.$type === 'string' ? node.$type : inherited;
    if ('$value' in node) {
      const group = path[0] ?? '';
      const rows = out.get(group) ?? [];
      rows.push({ path: path.join('.'), type: type ?? '', swatch: type === 'color' ? cssColor(node.$value) : null, value: valueText(node.$value) });
      out.set(group, rows);
      return;
    }
    for (const [key, child] of Object.entries(node)) if (!key.startsWith('$') && isObj(child)) walk(child, [...path, key], type);
  };
  walk(doc, [], null);
  return out;
}
