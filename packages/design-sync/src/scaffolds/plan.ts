// What the scaffolds share: where a component's files go, its identifier, the code prop each Figma property maps
// to (the mapping's props, else the property's name in camel case), Figma values as code values (variant options
// through figma-compat's `mapValues`: "Medium" → "md"), and the stories: `Default` with the design's defaults,
// then one per option of each VARIANT property — each with the id Storybook derives from title + export name.
import { mapValues } from '@cogo/figma-compat';
import type { CodeComponent, CodeProp, DesignComponent, DesignProp } from '../types';
import { toId, storyNameFromExport } from './storybook-id';
import { camelName, pascalIdent } from './ts-text';

export type ArgValue = string | number | boolean;

export interface PlannedStory {
  exportName: string;
  /** Storybook's id for it ("components-button--small"). */
  id: string;
  name: string;
  args: [string, ArgValue][];
}

const YES_NO = [['true', 'false'], ['yes', 'no'], ['on', 'off']];
const isYesNo = (options: readonly string[]) => {
  const o = options.map((x) => x.trim().toLowerCase()).sort();
  return o.length === 2 && YES_NO.some((pair) => [...pair].sort().join() === o.join());
};

/** The component's identifier in generated code ("Product Card" → ProductCard). */
export const componentIdent = (code: CodeComponent) => pascalIdent(code.name, 'Component');

/** The folder of the component's file (or its stories file), without `.`, `..` or empty segments. */
export function dirOf(code: CodeComponent): string {
  const file = code.componentPath ?? code.importPath ?? '';
  const parts = file.replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).slice(0, -1);
  return parts.filter((p) => p && p !== '.' && p !== '..').join('/');
}

/** `<dir>/<Name><suffix>`. */
export const fileNext = (code: CodeComponent, suffix: string) => {
  const dir = dirOf(code);
  return `${dir ? `${dir}/` : ''}${componentIdent(code)}${suffix}`;
};

/** The module a generated file next to the component imports it from ("./Button"). */
export function componentModule(code: CodeComponent): string {
  const base = code.componentPath?.replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).at(-1)?.replace(/\.[^.]*$/, '');
  return `./${base || componentIdent(code)}`;
}

/** The code prop a Figma property maps to, by name (and the registry's prop of that name, when there is one). */
export function codeNameFor(p: DesignProp, props: Readonly<Record<string, string>>, code: CodeComponent): { name: string; prop?: CodeProp } {
  const name = Object.hasOwn(props, p.name) ? props[p.name]! : camelName(p.name, 'prop');
  const prop = code.props.find((c) => c.name === name);
  return prop ? { name, prop } : { name };
}

/** A Figma value (a variant option, a boolean, a text) as the code prop takes it; undefined when it has no code form. */
export function codeValue(p: DesignProp, value: string | boolean, prop?: CodeProp): ArgValue | undefined {
  if (p.type === 'INSTANCE_SWAP') return undefined;
  if (p.type === 'BOOLEAN') return typeof value === 'boolean' && (!prop || prop.kind === 'boolean') ? value : undefined;
  const text = String(value);
  if (p.type === 'VARIANT' && (prop?.kind === 'boolean' || (!prop && isYesNo(p.options ?? [])))) return ['true', 'yes', 'on'].includes(text.trim().toLowerCase());
  if (p.type === 'VARIANT' && prop?.kind === 'enum' && prop.values?.length) {
    const mapped = mapValues(p.options ?? [text], prop.values);
    // own keys only: an option named "constructor" must not read Object's
    return Object.hasOwn(mapped, text) ? mapped[text]! : text;
  }
  if (prop?.kind === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** Args from the design's defaults, by code prop name (first property of a name wins). */
export function defaultArgs(code: CodeComponent, design: DesignComponent, props: Readonly<Record<string, string>>): [string, ArgValue][] {
  const out = new Map<string, ArgValue>();
  for (const p of design.props) {
    if (p.default === undefined) continue;
    const { name, prop } = codeNameFor(p, props, code);
    const v = codeValue(p, p.default, prop);
    if (v !== undefined && !out.has(name)) out.set(name, v);
  }
  return [...out];
}

/** `Default`, then a story per option of each VARIANT property; export names and ids unique. */
export function planStories(code: CodeComponent, design: DesignComponent, props: Readonly<Record<string, string>>): PlannedStory[] {
  const names = new Set([componentIdent(code), 'meta']);
  const ids = new Set<string>();
  const stories: PlannedStory[] = [];
  const add = (candidates: string[], args: [string, ArgValue][]) => {
    const free = (n: string) => !names.has(n) && !ids.has(toId(code.key, storyNameFromExport(n), code.name));
    let exportName = candidates.find(free);
    for (let i = 2; !exportName; i++) exportName = free(`${candidates[0]}${i}`) ? `${candidates[0]}${i}` : undefined;
    const name = storyNameFromExport(exportName);
    const id = toId(code.key, name, code.name);
    names.add(exportName);
    ids.add(id);
    stories.push({ exportName, id, name, args });
  };
  add(['Default'], []);
  for (const p of design.props) {
    if (p.type !== 'VARIANT') continue;
    const { name, prop } = codeNameFor(p, props, code);
    for (const option of p.options ?? []) {
      const v = codeValue(p, option, prop);
      const own = pascalIdent(option, 'Option');
      add([own, `${pascalIdent(p.name, 'Variant')}${own}`], v === undefined ? [] : [[name, v]]);
    }
  }
  return stories;
}
