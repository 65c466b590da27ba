// Tokens → a Tailwind CSS v4 `@theme` block: each token lands in the theme namespace its type and Figma scopes
// point to (--color-*, --spacing-*, --radius-*, --font-*, --font-weight-*, --text-* with its --line-height /
// --letter-spacing companions, --leading-*, --tracking-*, --shadow-*, --inset-shadow-*, --blur-*, --ease-*),
// named by its path without the collection (and without a leading segment that repeats the namespace:
// color/brand/primary → --color-brand-primary). What has no namespace (plain numbers, strings, booleans) is left
// out and counted in a comment. Two sources:
//  - `values` (default): the default modes' values; an alias → var() of its target when the target is in the
//    theme too, else the target's value;
//  - `css-variables`: `@theme inline { --color-x: var(<toCss name>) }`, to pair with toCss output so that modes
//    (data attributes) switch the utilities too.
import type { DerivedTokens } from './derive';
import { cssNames } from './css';
import { cssValue, type NameOf } from './css-values';
import type { DtcgDocument, ResolverDocument } from './dtcg-types';
import { baseDocument, flatten, hasReference, type TokenEntry } from './flatten';
import { slug } from './naming';

export interface TailwindOptions {
  source?: 'values' | 'css-variables';
  /** With `css-variables`: the prefix given to toCss. */
  cssPrefix?: string;
}

type Loose = Record<string, unknown>;

const has = (e: TokenEntry, scope: string) => Array.isArray(e.figma?.scopes) && (e.figma.scopes as string[]).includes(scope);
const named = (e: TokenEntry, re: RegExp) => re.test(e.segments.slice(1).join(' ').toLowerCase());

/** The Tailwind namespace of a token, or null when it has none. */
export function namespaceOf(e: TokenEntry): string | null {
  switch (e.type) {
    case 'color':
      return 'color';
    case 'fontFamily':
      return 'font';
    case 'fontWeight':
      return 'font-weight';
    case 'typography':
      return 'text';
    case 'cubicBezier':
      return 'ease';
    case 'shadow': {
      const list = Array.isArray(e.value) ? e.value : [e.value];
      return list.every((s) => typeof s === 'object' && s !== null && (s as Loose).inset === true) ? 'inset-shadow' : 'shadow';
    }
    case 'dimension':
      if (has(e, 'CORNER_RADIUS') || named(e, /radius|radii|rounded|corner/)) return 'radius';
      if (has(e, 'FONT_SIZE') || named(e, /font-?size|text-?size/)) return 'text';
      if (has(e, 'LINE_HEIGHT') || named(e, /line-?height|leading/)) return 'leading';
      if (has(e, 'LETTER_SPACING') || named(e, /letter-?spacing|tracking/)) return 'tracking';
      if ((e.figma?.effectType as string | undefined)?.endsWith('BLUR') || named(e, /blur/)) return 'blur';
      if (has(e, 'GAP') || has(e, 'WIDTH_HEIGHT') || named(e, /space|spacing|spacer|gap|gutter|padding|margin|inset|size|width|height/)) return 'spacing';
      return null;
    default:
      return null;
  }
}

const REPEATS: Record<string, RegExp> = {
  color: /^colou?rs?$/,
  font: /^fonts?$|^font-?famil(y|ies)$/,
  'font-weight': /^(font-?)?weights?$/,
  text: /^(text|font-?sizes?|typography|type)$/,
  spacing: /^(space|spacing|spacer|sizes?)$/,
  radius: /^(radius|radii|rounded|corners?)$/,
  leading: /^(leading|line-?heights?)$/,
  tracking: /^(tracking|letter-?spacing)$/,
  shadow: /^(shadows?|elevation|effects?)$/,
  'inset-shadow': /^(shadows?|effects?)$/,
  blur: /^blurs?$/,
  ease: /^(ease|easing)s?$/,
};

/** A Tailwind v4 `@theme` block for the default modes. */
export function toTailwindTheme(tokens: DerivedTokens | ResolverDocument | DtcgDocument, options: TailwindOptions = {}): string {
  const entries = flatten(baseDocument(tokens));
  const cssVar = options.source === 'css-variables' ? cssNames(entries, options.cssPrefix) : null;
  const names = new Map<string, string>();
  const taken = new Set<string>();
  let skipped = 0;
  const placed: Array<[TokenEntry, string]> = [];
  for (const e of entries) {
    // layout grids have no theme namespace; unresolved tokens hold a fallback, not a design decision
    const ns = e.figma?.styleType === 'GRID' ? null : namespaceOf(e);
    if (!ns || e.figma?.unresolved) {
      skipped++;
      continue;
    }
    const segs: string[] = [];
    for (let i = 1; i < e.segments.length; i++) {
      const s = e.segments[i]!;
      const part = s === '$root' ? '' : slug(s);
      if (part) segs.push(part);
    }
    // styles: drop the style-type group (fill/text/effect/grid) the path starts with
    let from = typeof e.figma?.styleType === 'string' && segs.length > 1 ? 1 : 0;
    // and the words that repeat the namespace (font/weight/bold → --font-weight-bold, not --font-weight-font-weight-bold)
    const repeats = REPEATS[ns]!;
    if (segs.length - from > 2 && repeats.test(`${segs[from]}-${segs[from + 1]}`)) from += 2;
    else if (segs.length - from > 1 && repeats.test(segs[from]!)) from += 1;
    const base = `--${ns}-${(from ? segs.slice(from) : segs).join('-') || 'default'}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    names.set(e.path, name);
    placed.push([e, name]);
  }
  // made when a reference first leaves the theme: most point at tokens in it
  let byPath: Map<string, TokenEntry> | undefined;
  const valueOf: NameOf = (path) => names.get(path);
  // references to tokens outside the theme are replaced by the value they end at
  const inline = (v: unknown, depth = 0): unknown => {
    if (!hasReference(v)) return v;
    if (typeof v === 'string' && /^\{[^{}]+\}$/.test(v)) {
      const path = v.slice(1, -1);
      if (names.has(path) || depth > 32) return v;
      byPath ??= new Map(entries.map((e) => [e.path, e]));
      return inline(byPath.get(path)?.value, depth + 1);
    }
    if (Array.isArray(v)) return v.map((x) => inline(x, depth));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, inline(x, depth)]));
    return v;
  };
  const lines: string[] = [];
  for (const [e, name] of placed) {
    if (cssVar) {
      lines.push(`  ${name}: var(${cssVar.get(e.path)!});`);
      continue;
    }
    const value = inline(e.value);
    if (e.type === 'typography') {
      // Tailwind's --text-* is the font size; the rest are its `--<name>--*` companions
      const t = (typeof value === 'object' && value !== null ? value : {}) as Loose;
      const parts: Array<[string, string | null]> = [
        ['', cssValue('dimension', t.fontSize, valueOf)],
        ['--line-height', cssValue('number', t.lineHeight, valueOf)],
        ['--letter-spacing', cssValue('dimension', t.letterSpacing, valueOf)],
        ['--font-weight', cssValue('fontWeight', t.fontWeight, valueOf)],
      ];
      for (const [k, v] of parts) if (v !== null) lines.push(`  ${name}${k}: ${v};`);
      continue;
    }
    const css = cssValue(e.type, value, valueOf, e.figma);
    if (css !== null) lines.push(`  ${name}: ${css};`);
  }
  const head = `/* Design tokens as a Tailwind CSS v4 theme (${placed.length} tokens; ${skipped} without a theme namespace left out). Generated by COGO from Figma. */\n`;
  return `${head}@theme${cssVar ? ' inline' : ''} {\n${lines.join('\n')}\n}\n`;
}
