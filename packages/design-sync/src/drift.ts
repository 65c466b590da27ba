// Drift between a mapping's coded component (registry), its Figma component (stored row) and its baseline (the
// Figma name and bound token values when it was confirmed or last synced). Props are paired by match.ts and judged
// by rules.ts; a missing side is that one item alone. Items are sorted by kind, then subject; `figma`/`code` hold
// each side's part (before/after for a rename or a token).
import { isBooleanVariant } from '@cogo/figma-compat';
import { pairProps } from './match';
import { byText, codeNeedsNoFigma, compatible, defaultsDiffer, figmaNeedsNoCode, isStateVariant, kindOf, valuesDiff } from './rules';
import type { CodeComponent, CodeProp, DesignComponent, DesignProp, DriftItem, MappingBaseline } from './types';

export interface DriftInput {
  code: CodeComponent | null;
  design: DesignComponent | null;
  baseline: MappingBaseline | null;
  /** Bound variable name → canonical value now (tokens.ts `tokenValuesFor`). */
  tokens: Record<string, string>;
  /** Figma property name → code prop name given explicitly (a mapping's props, Code Connect). */
  props?: Record<string, string>;
}

const q = (v: unknown) => JSON.stringify(v);
const only = (figma: readonly string[], code: readonly string[]) =>
  [figma.length ? `only in Figma ${figma.map(q).join(', ')}` : '', code.length ? `only in code ${code.map(q).join(', ')}` : ''].filter(Boolean).join('; ');

function figmaSide(f: DesignProp) {
  return { type: f.type, ...(f.default !== undefined ? { default: f.default } : {}), ...(f.options ? { options: f.options } : {}) };
}
function codeSide(c: CodeProp) {
  return { kind: c.kind, type: c.type, ...(c.values ? { values: c.values } : {}), ...(c.default !== undefined ? { default: c.default } : {}) };
}

function removed(input: DriftInput): DriftItem[] {
  const { code, design, baseline } = input;
  const items: DriftItem[] = [];
  const figmaName = design?.name ?? baseline?.figmaName ?? '';
  if (!design) items.push({ kind: 'design_removed', subject: figmaName, ...(code ? { code: code.name } : {}), message: `The Figma component ${q(figmaName)} mapped to ${code ? code.name : 'a removed coded component'} is no longer stored.` });
  if (!code) items.push({ kind: 'code_removed', subject: figmaName, figma: figmaName, message: `The coded component mapped to the Figma component ${q(figmaName)} is no longer in the registry.` });
  return items;
}

/** What drifted between a coded component, its Figma component and the mapping's baseline; and the prop pairs used. */
export function driftOf(input: DriftInput): { items: DriftItem[]; props: Record<string, string> } {
  const { code, design, baseline, tokens } = input;
  if (!code || !design) return { items: removed(input), props: {} };
  const items: DriftItem[] = [];
  const add = (item: DriftItem) => items.push(item);
  const F = (f: DesignProp) => `Figma property ${q(f.name)} of ${q(design.name)}`;
  const C = (c: CodeProp) => `prop ${c.name} of ${code.name}`;

  if (baseline && baseline.figmaName !== design.name) {
    add({ kind: 'design_renamed', subject: design.name, figma: { before: baseline.figmaName, after: design.name }, code: code.name, message: `The Figma component ${q(baseline.figmaName)} mapped to ${code.name} is now named ${q(design.name)}.` });
  }
  const { pairs, figma, code: codeLeft } = pairProps(design, code, input.props);
  for (const { f, c } of pairs) {
    if (!compatible(f, c)) {
      add({ kind: 'type_differs', subject: f.name, figma: f.type, code: { kind: c.kind, type: c.type }, message: `${F(f)} is a ${f.type} and ${C(c)} a ${kindOf(c)} (${c.type}): neither can stand for the other.` });
      continue;
    }
    if (f.type === 'VARIANT' && kindOf(c) === 'enum') {
      const d = valuesDiff(f, c);
      if (d.figma.length || d.code.length) {
        add({ kind: 'variant_values_differ', subject: f.name, figma: d.figma, code: d.code, message: `${F(f)} and ${C(c)} differ in values: ${only(d.figma, d.code)}.` });
      }
    }
    if (defaultsDiffer(f, c)) {
      add({ kind: 'default_differs', subject: f.name, figma: f.default, code: c.default, message: `${F(f)} defaults to ${q(f.default)}, ${C(c)} to ${q(c.default)}.` });
    }
  }
  for (const f of figma) {
    if (figmaNeedsNoCode(f, code)) continue;
    const message = isStateVariant(f)
      ? `${F(f)} has a Disabled state, and ${code.name} has no disabled boolean.`
      : `${F(f)} (${isBooleanVariant(f) ? 'a True/False VARIANT' : f.type}) has no prop in ${code.name}.`;
    add({ kind: 'figma_prop_missing_in_code', subject: f.name, figma: figmaSide(f), message });
  }
  for (const c of codeLeft) {
    if (codeNeedsNoFigma(c, design)) continue;
    add({ kind: 'code_prop_missing_in_figma', subject: c.name, code: codeSide(c), message: `The ${C(c)} (${c.type}) has no property in the Figma component ${q(design.name)}.` });
  }
  for (const name of design.boundVariables) {
    if (!baseline || !Object.hasOwn(baseline.tokenValues, name)) continue;
    const before = baseline.tokenValues[name]!;
    const after = Object.hasOwn(tokens, name) ? tokens[name]! : null;
    if (after === before) continue;
    const what = after === null ? 'is no longer in the file’s tokens' : `changed from ${before} to ${after}`;
    add({ kind: 'token_changed', subject: name, figma: { before, after }, code: code.name, message: `The variable ${q(name)} bound in ${q(design.name)} ${what} since ${code.name} was last synced.` });
  }
  items.sort((a, b) => byText(a.kind, b.kind) || byText(a.subject, b.subject));
  return { items, props: Object.fromEntries(pairs.map(({ f, c }): [string, string] => [f.name, c.name]).sort(([a], [b]) => byText(a, b))) };
}
