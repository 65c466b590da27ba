// Props of a coded component from what docgen tools write, read alike:
//   react-docgen-typescript (and Storybook's RDT-shaped reactComponentMeta): `{ name, type: { name, raw?, value?:
//   [{ value: '"sm"' }] }, required, defaultValue: { value } | null, description }`;
//   react-docgen: `{ tsType | flowType | type: { name, raw?, elements? | value? }, required, defaultValue: { value:
//   "'md'", computed }, description }`.
// A prop's kind comes from its type text through figma-compat's `codeCategory` (unions of string literals are enums).
import { codeCategory } from '@cogo/figma-compat';
import { DESIGN_SYNC_LIMITS } from '@cogo/types';
import type { CodeProp } from '../types';
import { RegistryInputError } from '../errors';
import { at, byText, clean, isObject, MAX_NAME, nameOf, textOf, type Warnings } from './read';

const QUOTED = /^(['"`])([\s\S]*)\1$/;
const unquote = (s: string) => QUOTED.exec(s.trim())?.[2] ?? s.trim();
const isQuoted = (s: string) => QUOTED.test(s.trim());

/** A literal of a docgen enum or union member (`{ value: '"sm"' }`, `{ name: 'literal', value: "'sm'" }`, or a string). */
function literal(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (isObject(v)) return typeof v.value === 'string' ? v.value : typeof v.name === 'string' ? v.name : null;
  return null;
}

/** The type text as written, and the values when every member is a string literal. */
function typeOf(item: Record<string, unknown>): { type: string; values?: string[] } {
  const t = item.tsType ?? item.flowType ?? item.type;
  if (typeof t === 'string') return { type: textOf(t) ?? 'unknown', ...(Array.isArray(item.values) ? { values: item.values.filter((v): v is string => typeof v === 'string') } : {}) };
  if (!isObject(t)) return { type: 'unknown' };
  const all = Array.isArray(t.value) ? t.value : Array.isArray(t.elements) ? t.elements : null;
  // a union of thousands of members is not a variant set anyone designs: its text is kept, not its values
  const members = all && all.length <= 1_000 ? all : null;
  const lits = members?.map(literal).filter((m): m is string => m !== null) ?? [];
  const raw = textOf(t.raw) ?? (lits.length && (t.name === 'enum' || t.name === 'union') ? lits.join(' | ') : textOf(t.name)) ?? 'unknown';
  if (lits.length && lits.length === members?.length && lits.every(isQuoted)) return { type: raw, values: lits.map(unquote) };
  return { type: raw };
}

// `'sm' | 'md' | undefined` is still an enum: optional members do not change what a prop is
const core = (type: string) =>
  type
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== 'undefined' && s !== 'null')
    .join(' | ');

function defaultOf(item: Record<string, unknown>, kind: CodeProp['kind']): CodeProp['default'] | undefined {
  const dv = isObject(item.defaultValue) ? item.defaultValue.value : item.defaultValue !== null ? item.defaultValue : undefined;
  if (typeof dv === 'boolean' || (typeof dv === 'number' && Number.isFinite(dv))) return dv;
  if (typeof dv !== 'string') return undefined;
  const s = textOf(dv);
  if (s === undefined || s === 'undefined') return undefined;
  if (s === 'null') return null;
  if (kind === 'boolean' && (s === 'true' || s === 'false')) return s === 'true';
  if (kind === 'number' && s.trim() !== '' && Number.isFinite(Number(s))) return Number(s);
  return kind === 'enum' || kind === 'string' ? unquote(s) : s;
}

/** One prop; null (with a warning) when it has no usable name. */
export function readProp(key: string, item: unknown, path: string, w: Warnings): CodeProp | null {
  if (!isObject(item)) {
    w.add(path, 'a prop must be an object');
    return null;
  }
  const name = nameOf(item.name) ?? nameOf(key);
  if (!name) {
    w.add(path, 'a prop needs a name (without control characters, at most 1,000 characters)');
    return null;
  }
  const { type, values } = typeOf(item);
  const cat = codeCategory({ name, type: core(type), ...(values?.length ? { values } : {}) });
  const prop: CodeProp = { name, kind: cat.category, type };
  if (cat.category === 'enum') prop.values = [...new Set(cat.values.map((v) => clean(v, MAX_NAME)))];
  const def = defaultOf(item, cat.category);
  if (def !== undefined) prop.default = def;
  if (typeof item.required === 'boolean') prop.required = item.required;
  const description = textOf(item.description);
  if (description) prop.description = description;
  return prop;
}

/** A component's props (an object by prop name, or an array), sorted by name, one per name. Throws over the limit. */
export function readProps(props: unknown, path: string, w: Warnings): CodeProp[] {
  if (props === undefined || props === null) return [];
  if (!Array.isArray(props) && !isObject(props)) {
    w.add(path, 'props must be an object by prop name or an array');
    return [];
  }
  const list: [string | number, unknown][] = Array.isArray(props) ? props.map((p, i) => [i, p]) : Object.entries(props);
  if (list.length > DESIGN_SYNC_LIMITS.propsPerComponent) {
    throw new RegistryInputError(`${path}: ${list.length} props, more than the ${DESIGN_SYNC_LIMITS.propsPerComponent} a component may have`, path);
  }
  const byName = new Map<string, CodeProp>();
  for (const [key, item] of list) {
    const p = readProp(typeof key === 'string' ? key : '', item, at(path, key), w);
    if (!p) continue;
    if (byName.has(p.name)) w.add(at(path, key), `duplicate prop ${JSON.stringify(p.name)}: the first is kept`);
    else byName.set(p.name, p);
  }
  return [...byName.values()].sort((a, b) => byText(a.name, b.name));
}
