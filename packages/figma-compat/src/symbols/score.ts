// How well a Figma component's properties match a registry symbol's props.
//
// A prop pair scores nameSimilarity (names.ts, prop synonyms) × typeCompatibility:
//   VARIANT → union/enum: 0.4 + 0.6 × (share of options matched to a code value: equal words, or an
//   abbreviation "md" ~ "Medium"); VARIANT → string 0.7; True/False VARIANT → boolean 1;
//   BOOLEAN → boolean 1, → ReactNode 0.5; TEXT → string 1, → ReactNode 0.8;
//   INSTANCE_SWAP → ReactNode 1, → string or union 0.6; a code type we cannot read 0.5; anything else 0.
// Pairs of at least 0.5 are taken, best first, each prop once. A code boolean left over whose name is an
// option of a VARIANT ("State=Disabled" ~ disabled) maps to that option at 0.7.
// props = (Σ best confidence per Figma prop + Σ confidence per code prop) / (Figma props + code props), code-only
// props (handlers, className, style, ref…) not counted; 1 when both sides are empty.
import { isBooleanVariant } from './figma-props';
import { abbreviates, similarity, words } from './names';
import type { FigmaProp, PropMapping, RegistryProp } from './types';

type Category = 'boolean' | 'string' | 'number' | 'enum' | 'node' | 'function' | 'other';

/** What a registry prop's type text says: its category, and its literal values for a union. */
export function codeCategory(p: RegistryProp): { category: Category; values: string[] } {
  const t = p.type.trim();
  if (p.values?.length) return { category: 'enum', values: [...p.values] };
  const literals = t.split('|').map((s) => s.trim());
  if (literals.length && literals.every((l) => /^(['"`]).*\1$/.test(l))) return { category: 'enum', values: literals.map((l) => l.slice(1, -1)) };
  if (/^(boolean|bool|true\s*\|\s*false|false\s*\|\s*true)$/i.test(t)) return { category: 'boolean', values: [] };
  if (/^string$/i.test(t)) return { category: 'string', values: [] };
  if (/^(number|bigint)$/i.test(t)) return { category: 'number', values: [] };
  if (/=>|^Function$|EventHandler|Handler$|^\(/.test(t)) return { category: 'function', values: [] };
  if (/ReactNode|ReactElement|JSX\.Element|^Element$|Snippet|VNode|slot|TemplateRef|ComponentType/i.test(t)) return { category: 'node', values: [] };
  return { category: 'other', values: [] };
}

/** Props that exist only in code (handlers, styling, refs, test ids): never expected in Figma. */
export function isCodeOnly(p: RegistryProp): boolean {
  return codeCategory(p).category === 'function' || /^(on[A-Z]\w*|className|style|sx|css|ref|key|id|as|testId|data-.*|aria-.*)$/.test(p.name);
}

const norm = (s: string) => words(s).join('');

/** Variant options → code values, one each: equal words first, then abbreviations. */
export function mapValues(options: readonly string[], values: readonly string[]): Record<string, string> {
  // options come from the design: a null prototype keeps "constructor" or "__proto__" ordinary keys
  const out: Record<string, string> = Object.create(null);
  const free = new Set(values);
  for (const pass of ['equal', 'abbrev'] as const) {
    for (const o of options) {
      if (Object.hasOwn(out, o)) continue;
      const n = norm(o);
      const hit = [...free].find((v) => (pass === 'equal' ? norm(v) === n : abbreviates(norm(v), n) || abbreviates(n, norm(v))));
      if (hit !== undefined) {
        out[o] = hit;
        free.delete(hit);
      }
    }
  }
  return out;
}

/** Type compatibility (0..1) of a Figma property with a code prop, and the value map of a VARIANT. */
export function typeCompatibility(f: FigmaProp, code: RegistryProp): { score: number; values?: Record<string, string> } {
  const { category, values } = codeCategory(code);
  if (category === 'other') return { score: 0.5 };
  switch (f.type) {
    case 'VARIANT': {
      if (category === 'boolean') return { score: isBooleanVariant(f) ? 1 : 0 };
      if (category === 'string') return { score: 0.7 };
      if (category !== 'enum') return { score: 0 };
      const map = mapValues(f.options ?? [], values);
      const share = f.options?.length ? Object.keys(map).length / f.options.length : 0;
      return { score: 0.4 + 0.6 * share, values: map };
    }
    case 'BOOLEAN':
      return { score: category === 'boolean' ? 1 : category === 'node' ? 0.5 : 0 };
    case 'TEXT':
      return { score: category === 'string' ? 1 : category === 'node' ? 0.8 : 0 };
    case 'INSTANCE_SWAP':
      return { score: category === 'node' ? 1 : category === 'string' || category === 'enum' ? 0.6 : 0 };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

export interface PropMatch {
  mappings: PropMapping[];
  unmappedFigma: { key: string; name: string; type: string; reason: string }[];
  unmappedCode: { name: string; type: string; reason: string }[];
  /** The props part of a component's confidence (formula at the top of this file). */
  score: number;
}

/** Matches a component's properties to a symbol's props (formula at the top of this file). */
export function matchProps(figma: readonly FigmaProp[], code: readonly RegistryProp[]): PropMatch {
  const relevant = code.filter((c) => !isCodeOnly(c));
  const pairs: { f: FigmaProp; c: RegistryProp; score: number; values?: Record<string, string> }[] = [];
  for (const f of figma) {
    for (const c of relevant) {
      const name = similarity(f.name, c.name, 'prop');
      if (name < 0.5) continue;
      const t = typeCompatibility(f, c);
      const score = round(name * t.score);
      if (score >= 0.5) pairs.push({ f, c, score, ...(t.values ? { values: t.values } : {}) });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const mappings: PropMapping[] = [];
  const usedF = new Set<FigmaProp>();
  const usedC = new Set<RegistryProp>();
  for (const p of pairs) {
    if (usedF.has(p.f) || usedC.has(p.c)) continue;
    usedF.add(p.f);
    usedC.add(p.c);
    mappings.push({ figma: p.f, code: { name: p.c.name, type: p.c.type }, confidence: p.score, ...(p.values ? { values: p.values } : {}) });
  }
  // "State=Disabled" in Figma is `disabled: boolean` in code
  for (const c of relevant) {
    if (usedC.has(c) || codeCategory(c).category !== 'boolean') continue;
    const n = norm(c.name).replace(/^(is|has|show)(?=.)/, '');
    const f = figma.find((x) => x.type === 'VARIANT' && (x.options ?? []).some((o) => norm(o) === n));
    if (!f) continue;
    const option = f.options!.find((o) => norm(o) === n)!;
    usedC.add(c);
    usedF.add(f);
    mappings.push({ figma: f, code: { name: c.name, type: c.type }, confidence: 0.7, values: { [option]: 'true' }, note: `the option "${option}" of the variant "${f.name}"` });
  }
  // in the designer's order, whatever order the pairs were taken in
  mappings.sort((a, b) => figma.indexOf(a.figma) - figma.indexOf(b.figma) || code.findIndex((c) => c.name === a.code.name) - code.findIndex((c) => c.name === b.code.name));
  const best = new Map<FigmaProp, number>();
  for (const m of mappings) best.set(m.figma, Math.max(best.get(m.figma) ?? 0, m.confidence));
  const covered = [...best.values()].reduce((s, x) => s + x, 0) + mappings.reduce((s, m) => s + m.confidence, 0);
  const total = figma.length + relevant.length;
  return {
    mappings,
    unmappedFigma: figma.filter((f) => !usedF.has(f)).map((f) => ({ key: f.key, name: f.name, type: f.type, reason: 'no code prop with a similar name and a compatible type' })),
    unmappedCode: code
      .filter((c) => !usedC.has(c))
      .map((c) => ({ name: c.name, type: c.type, reason: isCodeOnly(c) ? 'code only (handler, styling or ref): not expected in Figma' : 'no Figma property matches' })),
    score: total ? round(covered / total) : 1,
  };
}
