// design_to_code: the design is the truth. The registry component's props are rewritten so drift.ts finds no prop
// drift afterwards. A paired prop keeps its name, description and `required`, and its kind when that can stand for
// the Figma property; else it takes the property's kind. A VARIANT becomes an enum of its options, each kept in the
// code's spelling where it matched a value ("md" for Medium), else the option in kebab case ("Extra Large" →
// "extra-large"). Defaults come from the design (a code default is kept where the design gives none). Figma
// properties with no code prop are added, named in camelCase ("Show icon" → showIcon): BOOLEAN → boolean, TEXT →
// string, INSTANCE_SWAP → node, VARIANT → enum (True/False → boolean); an interaction-state VARIANT's Disabled
// option → a `disabled` boolean. Code props with no Figma property are removed unless code-only (rules.ts).
import { camel, isBooleanVariant, isTruthy, kebab, words } from '@cogo/figma-compat';
import { pairProps } from './match';
import { byText, codeNeedsNoFigma, compatible, figmaNeedsNoCode, isStateVariant, kindOf, norm, optionFor, valuesDiff } from './rules';
import type { CodeComponent, CodeProp, DesignComponent, DesignProp } from './types';

type Default = CodeProp['default'];

const quoted = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const asBool = (v: unknown) => (typeof v === 'boolean' ? v : String(v).trim().toLowerCase() === 'true');
const isNumeric = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/** `base` with `default` set, or without one when `value` is undefined. */
function withDefault(base: Omit<CodeProp, 'default'> & { default?: Default }, value: Default | undefined): CodeProp {
  const { default: _, ...rest } = base;
  return value === undefined ? rest : { ...rest, default: value };
}

function enumProp(name: string, values: string[], value: Default | undefined): CodeProp {
  const distinct = [...new Set(values)];
  return withDefault({ name, kind: 'enum', type: distinct.map(quoted).join(' | '), values: distinct }, value);
}

/** A code prop for a Figma property, named `name`. */
function propFor(f: DesignProp, name: string): CodeProp {
  const fd = f.default;
  switch (f.type) {
    case 'VARIANT':
      if (isBooleanVariant(f)) return withDefault({ name, kind: 'boolean', type: 'boolean' }, fd === undefined ? undefined : isTruthy(String(fd)));
      return enumProp(name, (f.options ?? []).map(kebab), fd === undefined ? undefined : kebab(String(fd)));
    case 'BOOLEAN':
      return withDefault({ name, kind: 'boolean', type: 'boolean' }, fd === undefined ? undefined : asBool(fd));
    case 'TEXT':
      return withDefault({ name, kind: 'string', type: 'string' }, fd === undefined ? undefined : String(fd));
    case 'INSTANCE_SWAP':
      return { name, kind: 'node', type: 'ReactNode' };
  }
}

/** A paired code prop rewritten to agree with its Figma property. */
function rewrite(f: DesignProp, c: CodeProp): CodeProp {
  const keep = { ...(c.required !== undefined ? { required: c.required } : {}), ...(c.description !== undefined ? { description: c.description } : {}) };
  const k = kindOf(c);
  const fd = f.default;
  if (!compatible(f, c)) return { ...propFor(f, c.name), ...keep };
  switch (f.type) {
    case 'VARIANT': {
      if (k === 'boolean') {
        const option = optionFor(f, c);
        return withDefault(c, fd === undefined ? c.default : option !== undefined ? norm(String(fd)) === norm(option) : isTruthy(String(fd)));
      }
      if (k === 'number') return withDefault(c, fd === undefined ? c.default : Number(fd));
      const map = k === 'enum' ? valuesDiff(f, c).map : {};
      const spell = (o: string) => (Object.hasOwn(map, o) ? map[o]! : kebab(o));
      const values = (f.options ?? []).map(spell);
      const kept = typeof c.default === 'string' && values.includes(c.default) ? c.default : undefined;
      return { ...enumProp(c.name, values, fd === undefined ? kept : spell(String(fd))), ...keep };
    }
    case 'BOOLEAN':
      if (fd === undefined || (k !== 'boolean' && k !== 'enum')) return c;
      return withDefault(c, k === 'boolean' ? asBool(fd) : c.values!.find((v) => v.trim().toLowerCase() === String(asBool(fd))));
    case 'TEXT':
      if (fd === undefined) return c;
      if (k === 'string' || typeof c.default === 'string') return withDefault(c, String(fd));
      if (typeof c.default === 'number' || k === 'number') return withDefault(c, isNumeric(String(fd)) ? Number(fd) : undefined);
      return c;
    case 'INSTANCE_SWAP':
      return c;
  }
}

/** The registry component's props rewritten to the design (rules at the top of this file), sorted by name. */
export function codePropsFromDesign(code: CodeComponent, design: DesignComponent, props: Record<string, string>): CodeProp[] {
  const { pairs, figma, code: unpaired } = pairProps(design, code, props);
  const out = [...pairs.map(({ f, c }) => rewrite(f, c)), ...unpaired.filter((c) => codeNeedsNoFigma(c, design))];
  const taken = new Set(out.map((p) => p.name));
  const fresh = (base: string) => {
    let name = base || 'prop';
    for (let n = 2; taken.has(name); n++) name = `${base || 'prop'}${n}`;
    taken.add(name);
    return name;
  };
  for (const f of figma) {
    if (figmaNeedsNoCode(f, code)) continue;
    if (isStateVariant(f)) out.push(withDefault({ name: fresh('disabled'), kind: 'boolean', type: 'boolean' }, f.default === undefined ? undefined : norm(String(f.default)) === 'disabled'));
    else out.push(propFor(f, fresh(camel(words(f.name)))));
  }
  return out.sort((a, b) => byText(a.name, b.name));
}
