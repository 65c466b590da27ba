// code_to_design: the code is the truth. The stored Figma component's `props.definitions` are rewritten so drift.ts
// finds no prop drift afterwards. A paired property keeps its key ("Label#10:0") and its type when that can stand
// for the code prop; else it takes the code prop's: enum → VARIANT (its values as options, in the Figma spelling
// where an option matched, else Title Cased: "extra-large" → "Extra Large"), boolean → BOOLEAN, string, number and
// a type we cannot read → TEXT, node → INSTANCE_SWAP (TEXT for `children` and `label`). Defaults come from the code
// (a Figma default is kept where the code gives none; a VARIANT's is always one of its options). Code props with no
// Figma property are added under plain names in sentence case (showIcon → "Show icon"); Figma properties with no
// code prop are removed — an interaction-state VARIANT loses only a Disabled option no code boolean stands for.
import { isTruthy, words } from '@cogo/figma-compat';
import { pairProps } from './match';
import { codeNeedsNoFigma, compatible, figmaNeedsNoCode, isStateVariant, kindOf, norm, optionFor, sameValue, valuesDiff } from './rules';
import type { CodeComponent, CodeProp, DesignComponent, DesignProp, DesignPropType } from './types';

/** A stored definition (figma-context's `props.definitions` entry). */
export interface DesignDefinition {
  type: DesignPropType;
  default?: string | boolean;
  options?: string[];
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const titleCase = (v: string) => words(v).map(capital).join(' ') || v.trim();
const sentenceCase = (name: string) => capital(words(name).join(' '));
const asBool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined);
const has = (v: CodeProp['default']): v is string | number | boolean => v !== undefined && v !== null;

function definition(type: DesignPropType, dflt: string | boolean | undefined, options?: string[]): DesignDefinition {
  return { type, ...(dflt !== undefined ? { default: dflt } : {}), ...(options ? { options } : {}) };
}

/** A VARIANT with `options` (made distinct) whose default is `want` (added when missing), else `fallback` or the first. */
function variant(options: string[], want: string | undefined, fallback: string | boolean | undefined): DesignDefinition {
  const list = [...new Set(options)];
  if (want !== undefined && !list.includes(want)) list.push(want);
  const dflt = want ?? (typeof fallback === 'string' && list.includes(fallback) ? fallback : list[0]);
  return definition('VARIANT', dflt, list);
}

/** A Figma definition for a code prop; null for what Figma cannot hold (a callback). */
function definitionFor(c: CodeProp, fallback?: string | boolean): DesignDefinition | null {
  const cd = c.default;
  switch (kindOf(c)) {
    case 'enum':
      return variant(c.values!.map(titleCase), has(cd) ? titleCase(String(cd)) : undefined, fallback);
    case 'boolean':
      return definition('BOOLEAN', asBool(cd) ?? (typeof fallback === 'boolean' ? fallback : false));
    case 'node':
      return ['children', 'label'].includes(norm(c.name)) ? definition('TEXT', typeof cd === 'string' ? cd : undefined) : definition('INSTANCE_SWAP', undefined);
    case 'function':
      return null;
    default:
      return definition('TEXT', has(cd) ? String(cd) : typeof fallback === 'string' ? fallback : undefined);
  }
}

/** A paired Figma property's definition rewritten to agree with its code prop; null to remove it. */
function rewrite(f: DesignProp, c: CodeProp): DesignDefinition | null {
  const fd = f.default;
  const cd = c.default;
  const k = kindOf(c);
  if (!compatible(f, c)) return definitionFor(c, fd);
  const same = definition(f.type, fd, f.options);
  switch (f.type) {
    case 'VARIANT': {
      const options = f.options ?? [];
      if (k === 'boolean') {
        const on = asBool(cd);
        if (on === undefined) return same;
        const option = optionFor(f, c);
        if (option !== undefined) return variant(options, on ? option : fd !== undefined && norm(String(fd)) !== norm(option) ? String(fd) : options.find((o) => o !== option), fd);
        return variant(options, options.find((o) => isTruthy(o) === on), fd);
      }
      if (k === 'number') return has(cd) ? variant(options, options.find((o) => Number(o) === Number(cd)) ?? String(cd), fd) : same;
      if (k === 'enum') {
        const inverse = new Map(Object.entries(valuesDiff(f, c).map).map(([o, v]) => [v, o]));
        const spell = (v: string) => inverse.get(v) ?? titleCase(v);
        return variant(c.values!.map(spell), has(cd) ? spell(String(cd)) : undefined, fd);
      }
      // a string, or a type we cannot read: any option will do
      return has(cd) ? variant(options, options.find((o) => sameValue(o, String(cd))) ?? titleCase(String(cd)), fd) : same;
    }
    case 'BOOLEAN':
      return (k === 'boolean' || k === 'enum') && asBool(cd) !== undefined ? definition('BOOLEAN', asBool(cd)) : same;
    case 'TEXT':
      return typeof cd === 'string' || typeof cd === 'number' ? definition('TEXT', String(cd)) : same;
    case 'INSTANCE_SWAP':
      return same;
  }
}

/** The stored definitions rewritten to the code (rules at the top of this file): existing keys kept, new ones plain names. */
export function designDefinitionsFromCode(code: CodeComponent, design: DesignComponent, props: Record<string, string>): Record<string, DesignDefinition> {
  const { pairs, code: unpaired } = pairProps(design, code, props);
  const partner = new Map(pairs.map(({ f, c }) => [f, c]));
  const out: [string, DesignDefinition][] = [];
  for (const f of design.props) {
    const c = partner.get(f);
    const def = c ? rewrite(f, c) : figmaNeedsNoCode(f, code) ? definition(f.type, f.default, f.options) : isStateVariant(f) ? withoutDisabled(f) : null;
    if (def) out.push([f.key, def]);
  }
  const taken = new Set(design.props.map((f) => norm(f.name)));
  // `children` last: it needs a property once the rewritten design has a TEXT one, whatever added it
  const ordered = [...unpaired.filter((c) => c.name !== 'children'), ...unpaired.filter((c) => c.name === 'children')];
  for (const c of ordered) {
    if (codeNeedsNoFigma(c, design, out.some(([, d]) => d.type === 'TEXT'))) continue;
    const def = definitionFor(c);
    if (!def) continue;
    let name = sentenceCase(c.name) || c.name;
    for (let n = 2; taken.has(norm(name)); n++) name = `${sentenceCase(c.name) || c.name} ${n}`;
    taken.add(norm(name));
    out.push([name, def]);
  }
  return Object.fromEntries(out);
}

/** An interaction-state VARIANT without its Disabled option (nothing left: removed). */
function withoutDisabled(f: DesignProp): DesignDefinition | null {
  const options = (f.options ?? []).filter((o) => norm(o) !== 'disabled');
  return options.length ? variant(options, undefined, f.default) : null;
}
