// Identifiers from design names ("Forms/Text Field" → TextField, "Show Icon" → showIcon, "Extra Large" →
// extra-large) and the similarity of two names: equal words, a few UI synonyms (field ≈ input, btn ≈ button),
// and character bigrams for the rest.
import { words } from '../bdd/words';

export { words };

// words that name the same thing in design and in code; the prop groups hold only for props
const COMPONENT_SYNONYMS: readonly (readonly string[])[] = [
  ['input', 'field', 'textfield', 'textbox', 'textinput'],
  ['button', 'btn'],
  ['select', 'dropdown', 'picker', 'combobox'],
  ['switch', 'toggle'],
  ['dialog', 'modal'],
  ['image', 'img', 'picture'],
  ['navigation', 'nav', 'navbar'],
  ['icon', 'glyph'],
  ['checkbox', 'check'],
  ['tag', 'chip', 'badge', 'pill'],
];
const PROP_SYNONYMS: readonly (readonly string[])[] = [
  ['label', 'text', 'title', 'children', 'content', 'caption'],
  ['icon', 'glyph', 'slot'],
  ['size', 'scale'],
  ['variant', 'type', 'kind', 'appearance', 'intent', 'style'],
  ['disabled', 'inactive'],
  ['state', 'status'],
];

function groups(lists: readonly (readonly string[])[]): Map<string, number> {
  const m = new Map<string, number>();
  lists.forEach((g, i) => g.forEach((w) => m.set(w, i)));
  return m;
}
const GROUPS = { component: groups(COMPONENT_SYNONYMS), prop: groups(PROP_SYNONYMS) };

/** What is compared: component names, or prop names (own synonyms; words contained in the other count). */
export type NameKind = keyof typeof GROUPS;

/** "text field" → "TextField"; "" when no letters or digits remain. */
export function pascal(list: readonly string[]): string {
  return list.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** ["show", "icon"] → "showIcon". */
export function camel(list: readonly string[]): string {
  const p = pascal(list);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** "Extra Large" → "extra-large"; a value with no letters or digits keeps its trimmed text. */
export function kebab(value: string): string {
  return words(value).join('-') || value.trim();
}

/** The last segment of a slash path ("Forms/Text Field" → "Text Field"). */
export function lastSegment(name: string): string {
  const parts = name.split('/').map((p) => p.trim()).filter(Boolean);
  return parts.at(-1) ?? name.trim();
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of character bigrams (0..1). */
export function dice(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let hits = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      hits++;
      pool.set(g, n - 1);
    }
  }
  return (2 * hits) / (x.length + y.length);
}

/**
 * Similarity of two names (0..1): 1 when their words join to the same string; else the best of word overlap
 * (2·shared / (|a| + |b|), an equal word counting 1 and a synonym 0.8) and character-bigram Dice of the joined words. For
 * props, a name whose words all appear in the other scores at least 0.8 ("icon" vs "leadingIcon").
 */
export function similarity(a: string, b: string, kind: NameKind = 'component'): number {
  const group = GROUPS[kind];
  const same = (p: string, q: string) => p === q || (group.has(p) && group.get(p) === group.get(q));
  const x = words(a);
  const y = words(b);
  if (!x.length || !y.length) return 0;
  if (x.join('') === y.join('')) return 1;
  // an equal word counts 1, a synonym 0.8 ("Text Field" ~ "TextInput" is close, not the same)
  const left = [...y];
  let shared = 0;
  let weight = 0;
  for (const w of x) {
    const exact = left.indexOf(w);
    const k = exact >= 0 ? exact : left.findIndex((v) => same(w, v));
    if (k >= 0) {
      shared++;
      weight += exact >= 0 ? 1 : 0.8;
      left.splice(k, 1);
    }
  }
  const overlap = (2 * weight) / (x.length + y.length);
  const contained = kind === 'prop' && shared === Math.min(x.length, y.length) ? 0.8 : 0;
  return Math.max(overlap, dice(x.join(''), y.join('')), contained);
}

/** Whether `short` abbreviates `long`: same first letter, its letters in order ("md" ~ "medium", "lg" ~ "large"). */
export function abbreviates(short: string, long: string): boolean {
  if (!short || short.length >= long.length || short[0] !== long[0]) return false;
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}
