// Which Figma property stands for which code prop, each side taken at most once, deterministically:
//  1. explicit pairs (a mapping's props, Code Connect) whose both sides still exist — in key order;
//  2. the same name in other spelling ("Show icon" = showIcon = show-icon), whatever the types: a type that
//     cannot stand for the other is then `type_differs`, not two missing props;
//  3. figma-compat's `matchProps` for the rest (prop synonyms, type compatibility, "State=Disabled" ~ disabled;
//     code-only props never), best pairs first.
import { isCodeOnly, matchProps } from '@cogo/figma-compat';
import { byText, norm, registryProp } from './rules';
import type { CodeComponent, CodeProp, DesignComponent, DesignProp } from './types';

export interface PropPair {
  f: DesignProp;
  c: CodeProp;
}

export interface PropPairing {
  /** In the design's property order. */
  pairs: PropPair[];
  /** Left without a counterpart, each in its side's order. */
  figma: DesignProp[];
  code: CodeProp[];
}

/** Pairs a design's properties with a coded component's props (rules at the top of this file). */
export function pairProps(design: DesignComponent, code: CodeComponent, explicit: Record<string, string> = {}): PropPairing {
  const of = new Map<DesignProp, CodeProp>();
  const usedC = new Set<CodeProp>();
  const take = (f: DesignProp, c: CodeProp) => {
    of.set(f, c);
    usedC.add(c);
  };
  for (const [fname, cname] of Object.entries(explicit).sort(([a], [b]) => byText(a, b))) {
    const f = design.props.find((p) => !of.has(p) && (p.name === fname || p.key === fname));
    const c = code.props.find((p) => !usedC.has(p) && p.name === cname);
    if (f && c) take(f, c);
  }
  const codeOnly = new Set(code.props.filter((c) => isCodeOnly(registryProp(c))));
  const open = (c: CodeProp) => !usedC.has(c) && !codeOnly.has(c);
  for (const f of design.props) {
    const key = norm(f.name);
    const c = key && !of.has(f) ? code.props.find((p) => open(p) && norm(p.name) === key) : undefined;
    if (c) take(f, c);
  }
  const restF = design.props.filter((f) => !of.has(f));
  const restC = code.props.filter(open);
  if (restF.length && restC.length) {
    const byName = new Map(restC.map((c) => [c.name, c]));
    const found = matchProps(restF, restC.map(registryProp)).mappings;
    // best first; a VARIANT matched twice (a second boolean named after one of its options) keeps its first
    for (const m of [...found].sort((a, b) => b.confidence - a.confidence)) {
      const f = restF.find((x) => x === m.figma);
      const c = byName.get(m.code.name);
      if (f && c && !of.has(f) && !usedC.has(c)) take(f, c);
    }
  }
  return {
    pairs: design.props.filter((f) => of.has(f)).map((f) => ({ f, c: of.get(f)! })),
    figma: design.props.filter((f) => !of.has(f)),
    code: code.props.filter((c) => !usedC.has(c)),
  };
}

/** Figma property name → code prop name: explicit pairs first, then the same name, then figma-compat's matcher. */
export function matchDesignProps(design: DesignComponent, code: CodeComponent, explicit?: Record<string, string>): Record<string, string> {
  return Object.fromEntries(pairProps(design, code, explicit).pairs.map(({ f, c }): [string, string] => [f.name, c.name]).sort(([a], [b]) => byText(a, b)));
}
