// A code symbol derived from a component's names when no registry says otherwise: PascalCase component, camelCase
// props; VARIANT → a union of kebab-case literals (a True/False variant → boolean), BOOLEAN → boolean,
// TEXT → string, INSTANCE_SWAP → ReactNode (a slot).
//
// Confidence of a derived mapping = 0.6 × nameClarity + 0.4 × propClarity, where
//   nameClarity starts at 1 and loses 0.3 for a Figma default name ("Component 12"), 0.2 when characters other
//   than letters, digits, spaces and / - _ . had to be dropped (emoji, punctuation), 0.2 when the identifier
//   needed a prefix (it began with a digit) or a change to be unique, 0.3 when a name of more than 5 words was
//   cut to its first 5; at least 0.1;
//   propClarity is the mean of the props' clarity: 1 for a clean name, 0.8 for a prop renamed (a collision, a
//   reserved word) or a variant whose options collapse or lose characters, 0.5 for a name with no letters;
//   1 when the component has no props.
import { isGenericName } from '../bdd/words';
import { figmaProps, isBooleanVariant, isTruthy } from './figma-props';
import { camel, kebab, lastSegment, pascal, words } from './names';
import type { FigmaComponent, FigmaProp, PropMapping, SymbolMapping } from './types';

export interface DerivedSymbol {
  symbol: SymbolMapping['symbol'];
  props: PropMapping[];
  nameClarity: number;
  propClarity: number;
}

const RESERVED = new Set(['class', 'default', 'for', 'function', 'new', 'delete', 'in', 'var', 'const', 'let', 'key', 'ref', 'this', 'switch', 'case', 'return']);
const round = (n: number) => Math.round(n * 100) / 100;
const MAX_WORDS = 5;

/** A unique PascalCase name for a component; `taken` holds the names already given (and gets this one). */
function symbolName(c: FigmaComponent, taken: Set<string>): { name: string; clarity: number } {
  const base = lastSegment(c.name);
  let clarity = 1;
  if (isGenericName(base)) clarity -= 0.3;
  if (/[^\p{L}\p{N} /\-_.]/u.test(c.name)) clarity -= 0.2;
  // a sentence used as a name (a text style's sample copy) keeps its first words only
  const all = words(base);
  if (all.length > MAX_WORDS) clarity -= 0.3;
  let name = pascal(all.slice(0, MAX_WORDS));
  if (!name) return claim(`Component${c.id.replace(/\D+/g, '_')}`, 0.1, taken);
  if (/^\d/.test(name)) {
    name = `C${name}`;
    clarity -= 0.2;
  }
  if (taken.has(name)) {
    // "Buttons/Close" and "Dialog/Close": the parent segment tells them apart
    const segments = c.name.split('/').map((s) => s.trim()).filter(Boolean);
    const parent = segments.length > 1 ? pascal(words(segments.at(-2)!)) : '';
    name = parent && !taken.has(parent + name) ? parent + name : name;
    clarity -= 0.2;
  }
  return claim(name, Math.max(0.1, clarity), taken);
}

function claim(name: string, clarity: number, taken: Set<string>): { name: string; clarity: number } {
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return { name: unique, clarity };
}

const SUFFIX: Record<FigmaProp['type'], string> = { VARIANT: 'Variant', BOOLEAN: '', TEXT: 'Text', INSTANCE_SWAP: 'Slot' };

/** The code prop of one Figma property; `used` holds the prop names already given. */
function deriveProp(p: FigmaProp, used: Set<string>): PropMapping {
  let clarity = 1;
  let name = camel(words(p.name));
  if (!name) {
    name = 'prop';
    clarity = 0.5;
  }
  if (RESERVED.has(name) || used.has(name)) {
    name = p.type === 'BOOLEAN' ? `show${pascal(words(p.name))}` : `${name}${SUFFIX[p.type] || 'Prop'}`;
    clarity = Math.min(clarity, 0.8);
  }
  for (let n = 2, base = name; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  const out: PropMapping = { figma: p, code: { name, type: 'string' }, confidence: 1 };
  if (p.type === 'BOOLEAN') out.code.type = 'boolean';
  else if (p.type === 'INSTANCE_SWAP') out.code.type = 'ReactNode';
  else if (p.type === 'VARIANT' && isBooleanVariant(p)) {
    out.code.type = 'boolean';
    out.values = Object.fromEntries((p.options ?? []).map((o) => [o, String(isTruthy(o))]));
  } else if (p.type === 'VARIANT' && p.options?.length) {
    const values = Object.fromEntries(p.options.map((o) => [o, kebab(o)]));
    const literals = [...new Set(Object.values(values))];
    if (literals.length < p.options.length || p.options.some((o) => /[^\p{L}\p{N} \-_]/u.test(o))) clarity = Math.min(clarity, 0.8);
    out.code.type = literals.map((v) => `'${v.replace(/'/g, "\\'")}'`).join(' | ');
    out.values = values;
  }
  out.confidence = clarity;
  if (clarity < 1) out.note = clarity === 0.5 ? 'the property name has no letters or digits' : 'renamed: the name was taken or is reserved, or variant options had to be cleaned';
  return out;
}

/** The symbol a component's names give (see the formula at the top of this file). */
export function deriveSymbol(c: FigmaComponent, taken: Set<string>): DerivedSymbol {
  const { name, clarity } = symbolName(c, taken);
  const used = new Set<string>();
  const list = figmaProps(c).props;
  // booleans name last: a boolean "Icon" beside a swap "Icon" becomes showIcon, the slot keeps `icon`
  const named = new Map([...list].sort((a, b) => Number(a.type === 'BOOLEAN') - Number(b.type === 'BOOLEAN')).map((p) => [p, deriveProp(p, used)]));
  const props = list.map((p) => named.get(p)!);
  const propClarity = props.length ? props.reduce((s, p) => s + p.confidence, 0) / props.length : 1;
  return {
    symbol: { name, source: 'derived', props: props.map((p) => ({ ...p.code })) },
    props,
    nameClarity: round(clarity),
    propClarity: round(propClarity),
  };
}
