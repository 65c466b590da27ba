// The prop rules drift (drift.ts), sync (apply.ts) and coverage share, so what a sync writes is exactly what drift
// accepts. Names and values compare by words ("Extra Large" = "extra-large" = "extraLarge") and abbreviations
// ("md" ~ "Medium"), through figma-compat's symbols mapper. Which props need no counterpart:
//  - code: handlers, className, style, ref, key, id, as, sx, data-*, aria-* (figma-compat `isCodeOnly`), any
//    function; `children` when the design has no TEXT property; a boolean named after an option of a VARIANT
//    ("State=Disabled" ~ disabled);
//  - design: an interaction-state VARIANT (every option a pseudo-state: Default, Hover, Pressed, Focus…): those are
//    CSS states, not props — only a Disabled option needs a code `disabled` boolean.
import { codeCategory, isBooleanVariant, isCodeOnly, isTruthy, mapValues, words, type SymbolRegistryProp } from '@cogo/figma-compat';
import type { CodeComponent, CodeProp, DesignComponent, DesignProp } from './types';

type Kind = CodeProp['kind'];

/** Code-unit order (what `Array.sort` does without a comparator), as a comparator. */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// names and values repeat across thousands of components ("size", "Medium"): remember them (bounded)
const normed = new Map<string, string>();
/** A name or value as its words run together: "Show icon", "showIcon", "show-icon" → "showicon". */
export function norm(s: string): string {
  let n = normed.get(s);
  if (n === undefined) {
    if (normed.size >= 10_000) normed.clear();
    normed.set(s, (n = words(s).join('')));
  }
  return n;
}
/** A boolean's name without its is/has/show prefix ("isDisabled" → "disabled"), as figma-compat matches options. */
export const boolCore = (name: string) => norm(name).replace(/^(is|has|show)(?=.)/, '');

/** The kind a prop is read as: an enum without values says nothing more than its type text. */
export const kindOf = (p: CodeProp): Kind => (p.kind === 'enum' && !p.values?.length ? 'other' : p.kind);

const TYPE_TEXT: Record<Exclude<Kind, 'enum'>, string> = { boolean: 'boolean', string: 'string', number: 'number', node: 'ReactNode', function: '() => void', other: 'unknown' };

/** A code prop as figma-compat's matcher reads it: typed by its kind, so "boolean | undefined" is still a boolean. */
export function registryProp(p: CodeProp): SymbolRegistryProp {
  const k = kindOf(p);
  return k === 'enum' ? { name: p.name, type: p.type, values: p.values! } : { name: p.name, type: TYPE_TEXT[k] };
}

const PSEUDO_STATES = new Set(['default', 'rest', 'resting', 'normal', 'enabled', 'idle', 'hover', 'hovered', 'pressed', 'active', 'focus', 'focused', 'focusvisible', 'focuswithin', 'disabled']);

/** A VARIANT whose options are all interaction states (Default / Hover / Pressed / Focused / Disabled …). */
export const isStateVariant = (f: DesignProp) => f.type === 'VARIANT' && !!f.options?.length && f.options.every((o) => PSEUDO_STATES.has(norm(o)));
const disabledOption = (f: DesignProp) => f.options?.find((o) => norm(o) === 'disabled');

/** The option of a VARIANT a code boolean is named after ("State=Disabled" ~ disabled / isDisabled). */
export function optionFor(f: DesignProp, c: CodeProp): string | undefined {
  if (f.type !== 'VARIANT' || kindOf(c) !== 'boolean' || isBooleanVariant(f)) return undefined;
  const core = boolCore(c.name);
  return f.options?.find((o) => norm(o) === core);
}

/** A code prop no Figma property needs to stand for (see the top of this file); `hasText`: the design has a TEXT property. */
export function codeNeedsNoFigma(c: CodeProp, design: DesignComponent, hasText = design.props.some((f) => f.type === 'TEXT')): boolean {
  if (kindOf(c) === 'function' || isCodeOnly(registryProp(c))) return true;
  if (c.name === 'children' && !hasText) return true;
  return design.props.some((f) => optionFor(f, c) !== undefined);
}

/** A Figma property no code prop needs to stand for (see the top of this file). */
export function figmaNeedsNoCode(f: DesignProp, code: CodeComponent): boolean {
  if (!isStateVariant(f)) return false;
  return !disabledOption(f) || code.props.some((c) => kindOf(c) === 'boolean' && boolCore(c.name) === 'disabled');
}

const isNumeric = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));
/** Enum values that are a yes/no pair ('true' | 'false'): a boolean by another name. */
export const isBooleanValues = (values: readonly string[] = []) => values.map((v) => v.trim().toLowerCase()).sort().join() === 'false,true';

/** Whether the two can stand for each other (a type the code wrote that we cannot read always can). */
export function compatible(f: DesignProp, c: CodeProp): boolean {
  const k = kindOf(c);
  if (k === 'other') return true;
  if (k === 'function') return false;
  switch (f.type) {
    case 'VARIANT':
      if (k === 'boolean') return isBooleanVariant(f) || optionFor(f, c) !== undefined;
      if (k === 'number') return !!f.options?.length && f.options.every(isNumeric);
      return k === 'enum' || k === 'string';
    case 'BOOLEAN':
      return k === 'boolean' || k === 'node' || (k === 'enum' && isBooleanValues(c.values));
    case 'TEXT':
      return k === 'string' || k === 'node' || k === 'number';
    case 'INSTANCE_SWAP':
      return k === 'node' || k === 'string' || k === 'enum';
  }
}

/** Two values alike: the same words, or one abbreviating the other ("md" ~ "Medium"). */
export const sameValue = (a: string, b: string) => norm(a) === norm(b) || Object.keys(mapValues([a], [b])).length > 0;

// the same option and value sets recur across a design system (Small/Medium/Large ↔ sm/md/lg): map each once (bounded)
const valueMaps = new Map<string, Readonly<Record<string, string>>>();

/** A VARIANT's options against an enum's values: the pairs, the options only in Figma, the values only in code (sorted). */
export function valuesDiff(f: DesignProp, c: CodeProp): { map: Readonly<Record<string, string>>; figma: string[]; code: string[] } {
  const options = f.options ?? [];
  const values = c.values ?? [];
  const key = JSON.stringify([options, values]);
  let map = valueMaps.get(key);
  if (map === undefined) {
    if (valueMaps.size >= 10_000) valueMaps.clear();
    valueMaps.set(key, (map = Object.freeze(mapValues(options, values))));
  }
  const taken = new Set(Object.values(map));
  return { map, figma: options.filter((o) => !Object.hasOwn(map, o)).sort(byText), code: values.filter((v) => !taken.has(v)).sort(byText) };
}

const asBool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined);
const text = (v: string) => v.replace(/\s+/g, ' ').trim();

/**
 * Whether both sides give a default and they differ, read alike: a VARIANT option and an enum value by the value
 * map, words or abbreviation; booleans as booleans (a True/False option, an option a boolean is named after);
 * text as text (spaces collapsed). A code default that is absent or null, or an INSTANCE_SWAP's, is never compared.
 */
export function defaultsDiffer(f: DesignProp, c: CodeProp): boolean {
  const fd = f.default;
  const cd = c.default;
  if (fd === undefined || cd === undefined || cd === null || !compatible(f, c)) return false;
  const k = kindOf(c);
  const fs = String(fd);
  switch (f.type) {
    case 'VARIANT': {
      if (k === 'boolean') {
        const option = optionFor(f, c);
        const want = option !== undefined ? norm(fs) === norm(option) : isTruthy(fs);
        return asBool(cd) !== undefined && asBool(cd) !== want;
      }
      if (k === 'number') return Number(fs) !== Number(cd);
      const map = k === 'enum' ? valuesDiff(f, c).map : {};
      return Object.hasOwn(map, fs) ? map[fs] !== String(cd) : !sameValue(fs, String(cd));
    }
    case 'BOOLEAN':
      return (k === 'boolean' || k === 'enum') && asBool(fd) !== undefined && asBool(cd) !== undefined && asBool(fd) !== asBool(cd);
    case 'TEXT':
      if (typeof cd === 'string') return text(fs) !== text(cd);
      return typeof cd === 'number' && Number(fs.trim() || Number.NaN) !== cd;
    case 'INSTANCE_SWAP':
      return false;
  }
}
