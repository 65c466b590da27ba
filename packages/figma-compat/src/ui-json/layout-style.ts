// A UI layout as renderer style (flexbox, or CSS grid when it has columns), and token references as CSS custom
// properties: `{color.brand.primary}` → `var(--color-brand-primary)`.
import { TOKEN_REF_PATTERN, type UiLayout } from '@cogo/types';

export type StyleValue = string | number;

const ALIGN: Record<NonNullable<UiLayout['align']>, string> = { start: 'flex-start', center: 'center', end: 'flex-end', stretch: 'stretch' };
const JUSTIFY: Record<NonNullable<UiLayout['justify']>, string> = { start: 'flex-start', center: 'center', end: 'flex-end', between: 'space-between' };
const SIZE = (v: 'fill' | 'hug' | number): StyleValue => (v === 'fill' ? '100%' : v === 'hug' ? 'fit-content' : v);

/** The style a layout stands for (raw values: a token reference stays `{path}` for the caller to map). */
export function layoutStyle(layout: UiLayout | undefined): Record<string, StyleValue> {
  const out: Record<string, StyleValue> = {};
  if (!layout) return out;
  if (layout.columns !== undefined) {
    out.display = 'grid';
    out.gridTemplateColumns = `repeat(${layout.columns}, minmax(0, 1fr))`;
  } else if (layout.direction !== undefined || layout.gap !== undefined || layout.align !== undefined || layout.justify !== undefined) {
    out.display = 'flex';
    out.flexDirection = layout.direction ?? 'column';
  }
  if (layout.gap !== undefined) out.gap = layout.gap;
  if (layout.padding !== undefined) out.padding = layout.padding;
  if (layout.align !== undefined) out.alignItems = ALIGN[layout.align];
  if (layout.justify !== undefined) out.justifyContent = JUSTIFY[layout.justify];
  if (layout.width !== undefined) out.width = SIZE(layout.width);
  if (layout.height !== undefined) out.height = SIZE(layout.height);
  return out;
}

/** The token path a style value references, if it is a whole `{path}` reference. */
export function tokenRefOf(value: unknown): string | undefined {
  return typeof value === 'string' ? TOKEN_REF_PATTERN.exec(value)?.[1] : undefined;
}

/**
 * CSS custom property names of one document's tokens: `a.b` → `--a-b`; characters a CSS name cannot hold become
 * `_`, and two paths that would share a name get `-2`, `-3`… in first-use order, so the map stays one-to-one.
 */
export class TokenVars {
  readonly byName: Record<string, string> = {};
  readonly #byPath = new Map<string, string>();

  /** `var(--name)` of a token path (registered on first use). */
  varOf(path: string): string {
    let name = this.#byPath.get(path);
    if (name === undefined) {
      const base = `--${path.replace(/\./g, '-').replace(/[^A-Za-z0-9_-]/g, '_')}`;
      name = base;
      for (let n = 2; Object.hasOwn(this.byName, name); n++) name = `${base}-${n}`;
      this.byName[name] = path;
      this.#byPath.set(path, name);
    }
    return `var(${name})`;
  }
}
