// Writing names from Figma and Storybook into TypeScript safely: every string is a JSON string literal (quotes,
// backslashes, newlines escaped; never a template literal), object keys are quoted when they are not plain
// identifiers ("__proto__" computed, so a literal cannot set a prototype), identifiers are rebuilt from words, and
// comment text loses its line breaks.

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A string literal. */
export const str = (s: string) => JSON.stringify(s);

/** A value of story args or a Code Connect mapping. */
export const literal = (v: string | number | boolean) => (typeof v === 'string' ? str(v) : String(v));

/** An object literal key: bare when a plain identifier, else quoted; "__proto__" computed. */
export function key(k: string): string {
  if (k === '__proto__') return `[${str(k)}]`;
  return IDENT.test(k) ? k : str(k);
}

/** Words of a name: runs of letters and digits ("Show icon" → Show, icon; "Bu`tt-on" → Bu, tt, on). */
export const wordsOf = (name: string) => name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** "show icon" → "ShowIcon": a valid identifier (prefixed with `_` when it would start with a digit), or `fallback`. */
export function pascalIdent(name: string, fallback: string): string {
  const id = wordsOf(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')
    .replace(/[^\p{ID_Continue}$]/gu, '');
  if (!id) return fallback;
  return /^[\p{ID_Start}$_]/u.test(id) ? id : `_${id}`;
}

/** "Show icon" → "showIcon": a prop name as code would write it, or `fallback`. */
export function camelName(name: string, fallback: string): string {
  const p = pascalIdent(name, '');
  if (!p) return fallback;
  return p.startsWith('_') ? p : p.charAt(0).toLowerCase() + p.slice(1);
}

/** Text for a `//` comment: one line, at most 200 characters. */
export const commentText = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').slice(0, 200);
