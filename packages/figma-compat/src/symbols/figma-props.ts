// A component's properties as one list: `#id` suffixes dropped from names ("Icon#12:3" → "Icon"), REST and
// stored forms of a definition read alike, in a stable order (VARIANT, BOOLEAN, TEXT, INSTANCE_SWAP, then name).
import type { FigmaComponent, FigmaProp, FigmaPropertyType } from './types';

const ORDER: Record<FigmaPropertyType, number> = { VARIANT: 0, BOOLEAN: 1, TEXT: 2, INSTANCE_SWAP: 3 };
const isType = (t: string): t is FigmaPropertyType => t in ORDER;

/** "Icon#12:3" → "Icon": Figma suffixes BOOLEAN, TEXT and INSTANCE_SWAP names with the property's id. */
export function propName(key: string): string {
  return key.replace(/#[^#]*$/, '').trim() || key;
}

/** The component's properties; definitions of an unknown type are returned apart, in `unknown`. */
export function figmaProps(c: FigmaComponent): { props: FigmaProp[]; unknown: { key: string; type: string }[] } {
  const props: FigmaProp[] = [];
  const unknown: { key: string; type: string }[] = [];
  for (const [key, d] of Object.entries(c.componentPropertyDefinitions ?? {})) {
    if (!isType(d.type)) {
      unknown.push({ key, type: String(d.type) });
      continue;
    }
    const p: FigmaProp = { key, name: propName(key), type: d.type };
    const def = d.defaultValue ?? d.default;
    if (def !== undefined) p.default = def;
    const options = d.variantOptions ?? d.options;
    if (d.type === 'VARIANT' && options?.length) p.options = [...options];
    if (d.type === 'INSTANCE_SWAP' && d.preferredValues?.length) p.preferred = d.preferredValues.map((v) => v.key);
    props.push(p);
  }
  props.sort((a, b) => ORDER[a.type] - ORDER[b.type] || a.name.localeCompare(b.name));
  return { props, unknown };
}

const BOOLEAN_PAIRS = [
  ['true', 'false'],
  ['yes', 'no'],
  ['on', 'off'],
];

/** Whether a VARIANT's options are a yes/no pair ("Has Icon=True/False"): then it is a boolean in code. */
export function isBooleanVariant(p: FigmaProp): boolean {
  const o = (p.options ?? []).map((x) => x.trim().toLowerCase()).sort();
  return o.length === 2 && BOOLEAN_PAIRS.some((pair) => [...pair].sort().join() === o.join());
}

/** Whether a yes/no option means true. */
export const isTruthy = (option: string) => ['true', 'yes', 'on'].includes(option.trim().toLowerCase());
