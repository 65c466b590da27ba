// Reading untrusted JSON (a Storybook build, docgen output, Code Connect files): own keys only, names without
// control characters and of bounded length, free text without NUL or lone surrogates (Postgres text and jsonb
// refuse both), and warnings capped so a hostile document cannot make the answer huge.

/** Longest id, title, name, path or prop name kept; longer ones make their entry a warning. */
export const MAX_NAME = 1_000;
/** Longest description, type text or default kept; longer ones are cut. */
export const MAX_TEXT = 10_000;
/** Warnings kept per parse; the rest are counted in one last warning. */
export const MAX_WARNINGS = 500;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const BAD_UNICODE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** A name from input: control characters removed, trimmed; null when not a string, empty or too long. */
export function nameOf(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > MAX_NAME * 2) return null;
  const s = v.replace(CONTROL, '').replace(BAD_UNICODE, '').trim();
  return s && s.length <= MAX_NAME ? s : null;
}

/** A string without NUL or lone surrogates, cut at `max` (an enum value: kept as written otherwise). */
export function clean(v: string, max = MAX_TEXT): string {
  const s = (v.length > max * 2 ? v.slice(0, max * 2) : v).replace(BAD_UNICODE, '');
  return s.length > max ? s.slice(0, max).replace(/[\ud800-\udbff]$/, '') : s;
}

/** Free text from input: cleaned, trimmed, cut at `max`; undefined when empty. */
export function textOf(v: unknown, max = MAX_TEXT): string | undefined {
  if (typeof v !== 'string') return undefined;
  return clean(v, max + 1_000).trim().slice(0, max).replace(/[\ud800-\udbff]$/, '') || undefined;
}

/** Code-unit order: the same on every machine (no locale). */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `base["key"]`, the key shortened so a hostile key cannot make a path huge. */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return `${base}[${JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key)}]`;
}

/** "./src/Button.tsx" and "src/Button.tsx" name the same file; so does "/abs/repo/src/Button.tsx". */
export function samePath(a: string, b: string): boolean {
  const n = (p: string) => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const x = n(a);
  const y = n(b);
  return x === y || x.endsWith(`/${y}`) || y.endsWith(`/${x}`);
}

/** Collects warnings up to MAX_WARNINGS. */
export class Warnings {
  private readonly items: { path: string; message: string }[] = [];
  private dropped = 0;

  add(path: string, message: string): void {
    if (this.items.length < MAX_WARNINGS) this.items.push({ path, message });
    else this.dropped++;
  }

  list(): { path: string; message: string }[] {
    return this.dropped ? [...this.items, { path: '', message: `${this.dropped} more warnings not listed` }] : [...this.items];
  }
}
