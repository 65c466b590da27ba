// Property: for a few hundred seeded random design ↔ code pairs (2–6 props each, with every kind of drift, synonyms,
// abbreviations, code-only props, children, interaction states, explicit maps), after either sync transform drift
// reports no prop drift — measured as the API measures it: the same explicit map, the props matched again.
import { describe, expect, it } from 'vitest';
import { codePropsFromDesign, designDefinitionsFromCode } from './apply';
import { designComponentsFromRows } from './design';
import { driftOf } from './drift';
import { cBool, cEnum, cFn, cNode, cNum, code, cOther, cStr, design, bool, swap, text, variant } from './props.test-helpers';
import type { CodeComponent, CodeProp, DesignComponent, DesignProp, DriftKind } from './types';

/** mulberry32: a tiny seeded PRNG, so a failure names the seed that reproduces it. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, chance: (p: number) => next() < p, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}
type Rng = ReturnType<typeof prng>;

const NAMES = ['size', 'variant', 'tone', 'label', 'title', 'icon', 'show icon', 'has badge', 'loading', 'count', 'placeholder', 'caption', 'trailing icon', 'leading icon', 'helper text', 'max rows', 'open', 'status', 'elevation', 'align', 'density', 'shape', 'avatar', 'selected'];
// option sets in Figma's spelling, and the code's usual spelling of each
const VALUE_SETS: [string[], string[]][] = [
  [['Small', 'Medium', 'Large'], ['sm', 'md', 'lg']],
  [['Extra Large', 'Small'], ['extra-large', 'small']],
  [['Primary', 'Secondary', 'Ghost'], ['primary', 'secondary', 'ghost']],
  [['Info', 'Warning', 'Danger'], ['info', 'warning', 'danger']],
  [['Start', 'Center', 'End'], ['start', 'center', 'end']],
  [['1', '2', '3'], ['1', '2', '3']],
];
const words = (s: string) => s.split(' ');
const figmaName = (n: string, r: Rng) => (r.chance(0.3) ? words(n).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') : n[0]!.toUpperCase() + n.slice(1));
const codeName = (n: string, r: Rng) => (r.chance(0.15) ? words(n).join('_') : words(n).map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join(''));
const some = <T,>(xs: T[], r: Rng) => xs.filter(() => r.chance(0.8)).concat(r.chance(0.2) ? [xs[0]!] : []).filter((x, i, a) => a.indexOf(x) === i);

function designProp(n: string, r: Rng, set: [string[], string[]]): DesignProp {
  const name = figmaName(n, r);
  const maybe = <T,>(v: T) => (r.chance(0.8) ? v : undefined);
  switch (r.pick(['VARIANT', 'VARIANT', 'TF', 'BOOLEAN', 'TEXT', 'SWAP'] as const)) {
    case 'VARIANT': {
      const options = r.chance(0.3) ? [...some(set[0], r), 'Extra'] : set[0];
      return variant(name, options.length ? options : set[0], maybe(r.pick(options.length ? options : set[0])));
    }
    case 'TF':
      return variant(name, r.chance(0.5) ? ['True', 'False'] : ['Yes', 'No'], maybe(r.pick(['True', 'False'])));
    case 'BOOLEAN':
      return bool(name, maybe(r.chance(0.5)));
    case 'TEXT':
      return text(name, maybe(r.pick(['Hello', 'Add to cart', '3', ''])));
    case 'SWAP':
      return swap(name, maybe('12:34'));
  }
}

function codeProp(n: string, r: Rng, set: [string[], string[]], like?: DesignProp): CodeProp {
  const name = codeName(n, r);
  const maybe = <T,>(v: T) => (r.chance(0.7) ? v : undefined);
  const values = r.chance(0.3) ? [...some(set[1], r), 'other'] : set[1];
  const kinds = ['enum', 'boolean', 'string', 'node', 'number', 'other', 'function'] as const;
  const natural = like && { VARIANT: like.options?.includes('True') || like.options?.includes('Yes') ? 'boolean' : 'enum', BOOLEAN: 'boolean', TEXT: 'string', INSTANCE_SWAP: 'node' }[like.type];
  const kind = natural && r.chance(0.75) ? natural : r.pick(kinds);
  switch (kind) {
    case 'enum':
      return cEnum(name, values.length ? values : set[1], maybe(r.pick(values.length ? values : set[1])));
    case 'boolean':
      return cBool(name, maybe(r.chance(0.5)));
    case 'string':
      return cStr(name, maybe(r.pick(['Hello', 'add to cart', 'md', null])));
    case 'node':
      return cNode(name, maybe(r.pick(['Hello', null])));
    case 'number':
      return cNum(name, maybe(r.pick([1, 2, 3])));
    case 'other':
      return cOther(name, 'Size');
    default:
      return cFn(name);
  }
}

function randomPair(seed: number): { design: DesignComponent; code: CodeComponent; explicit: Record<string, string> } {
  const r = prng(seed);
  const pool = [...NAMES];
  const d: DesignProp[] = [];
  const c: CodeProp[] = [];
  const explicit: Record<string, string> = {};
  const count = 2 + Math.floor(r.next() * 5);
  for (let i = 0; i < count; i++) {
    const n = pool.splice(Math.floor(r.next() * pool.length), 1)[0]!;
    const set = r.pick(VALUE_SETS);
    const side = r.next();
    const f = side < 0.85 ? designProp(n, r, set) : undefined;
    if (f) d.push(f);
    if (side >= 0.7) {
      // sometimes the code calls it something else, and an explicit map says so
      const renamed = f && r.chance(0.15);
      const p = codeProp(renamed ? `${n} alt` : n, r, set, f);
      if (renamed) explicit[f.name] = p.name;
      c.push(p);
    }
  }
  if (r.chance(0.5)) c.push(cFn('onClick'), cStr('className'));
  if (r.chance(0.3)) c.push(cNode('children'));
  if (r.chance(0.25)) d.push(variant('State', r.chance(0.5) ? ['Default', 'Hover', 'Disabled'] : ['Default', 'Hover', 'Pressed'], 'Default'));
  if (r.chance(0.25)) c.push(cBool(r.pick(['disabled', 'isDisabled']), false));
  const unique = <T extends { name: string }>(xs: T[]) => xs.filter((x, i) => xs.findIndex((y) => y.name.toLowerCase() === x.name.toLowerCase()) === i);
  return { design: design(`Component ${seed}`, unique(d)), code: code(`Component${seed}`, unique(c)), explicit };
}

const PROP_KINDS: DriftKind[] = ['figma_prop_missing_in_code', 'code_prop_missing_in_figma', 'variant_values_differ', 'default_differs', 'type_differs'];
const propDrift = (d: ReturnType<typeof driftOf>) => d.items.filter((i) => PROP_KINDS.includes(i.kind)).map((i) => `${i.kind}:${i.subject}`);

describe('sync transforms leave no prop drift', () => {
  const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);
  const pairs = SEEDS.map(randomPair);

  it('the random pairs drift, in every prop kind', () => {
    const kinds = new Set(pairs.flatMap((p) => driftOf({ code: p.code, design: p.design, baseline: null, tokens: {}, props: p.explicit }).items.map((i) => i.kind)));
    expect([...kinds].sort()).toEqual([...PROP_KINDS].sort());
  });

  it('design_to_code: codePropsFromDesign', () => {
    const failures: string[] = [];
    for (const [i, p] of pairs.entries()) {
      const after = { ...p.code, props: codePropsFromDesign(p.code, p.design, p.explicit) };
      const left = propDrift(driftOf({ code: after, design: p.design, baseline: null, tokens: {}, props: p.explicit }));
      if (left.length) failures.push(`seed ${SEEDS[i]}: ${left.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('code_to_design: designDefinitionsFromCode, read back as figma-context stores it', () => {
    const failures: string[] = [];
    for (const [i, p] of pairs.entries()) {
      const definitions = designDefinitionsFromCode(p.code, p.design, p.explicit);
      const [after] = designComponentsFromRows([{ fileKey: p.design.fileKey, nodeId: p.design.nodeId, name: p.design.name, type: p.design.type, props: { definitions } }]);
      const left = propDrift(driftOf({ code: p.code, design: after!, baseline: null, tokens: {}, props: p.explicit }));
      if (left.length) failures.push(`seed ${SEEDS[i]}: ${left.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });
});
