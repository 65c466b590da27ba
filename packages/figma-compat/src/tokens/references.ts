// What the DTCG schema cannot check about references (Format §7): every `{reference}` names a token, a
// whole-value alias has its target's `$type`, and no alias chain loops. References are looked up by walking the
// documents along their path (no index of every token: a file of 20,000 tokens has far fewer references than
// tokens, and building path strings for all of them cost more than the lookups).
import type { DtcgDocument, DtcgToken } from './dtcg-types';
import { hasReference } from './flatten';
import { CURLY_REFERENCE } from './schema/dtcg-schema';

export interface ReferenceError {
  path: string;
  message: string;
}

type Node = Record<string, unknown>;
const isObj = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');
const pointer = (path: string[]) => (path.length ? '/' + path.map(escape).join('/') : '');

interface Found {
  token: DtcgToken;
  /** Its `$type`, or the closest group's. */
  type: string | undefined;
}

/**
 * Reference errors of `docs`: a tokens document, or a resolver's documents with the default resolution's first
 * (`baseCount` of them: sets, then default contexts). Targets may be in any document; cycles are looked for in the
 * default resolution. Stops at `max` errors.
 */
export function referenceErrors(docs: DtcgDocument[], baseCount: number, max = 20): ReferenceError[] {
  const byTop = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const k in d) {
      if (k.charCodeAt(0) === 36 && k !== '$root') continue;
      let list = byTop.get(k);
      if (!list) byTop.set(k, (list = []));
      list.push(i);
    }
  });
  /** The token a path names: in the default resolution first (later documents win there), else anywhere. */
  const lookup = (path: string, baseOnly = false): Found | undefined => {
    const segments = path.split('.');
    const candidates = byTop.get(segments[0]!) ?? [];
    for (let c = candidates.length - 1; c >= 0; c--) {
      const i = candidates[c]!;
      if (i >= baseCount) continue;
      const found = walk(docs[i]!, segments);
      if (found) return found;
    }
    if (baseOnly) return undefined;
    for (const i of candidates) {
      const found = i >= baseCount ? walk(docs[i]!, segments) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const errors: ReferenceError[] = [];
  const site = (doc: number, tokenPath: string[], sub: string[]) => pointer([...(docs.length > 1 ? [String(doc)] : []), ...tokenPath, '$value', ...sub]);
  const check = (value: unknown, doc: number, tokenPath: string[], sub: string[], ownType: string | undefined) => {
    if (typeof value === 'string') {
      if (!CURLY_REFERENCE.test(value)) return;
      const target = lookup(value.slice(1, -1));
      if (!target) errors.push({ path: site(doc, tokenPath, sub), message: `${value} names no token` });
      else if (ownType) {
        const type = target.type ?? typeAtEnd(target, lookup);
        if (type && type !== ownType) errors.push({ path: site(doc, tokenPath, sub), message: `${value} is a ${type} token, this one a ${ownType}` });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => check(v, doc, tokenPath, [...sub, String(i)], undefined));
    else if (isObj(value)) for (const [k, v] of Object.entries(value)) check(v, doc, tokenPath, [...sub, k], undefined);
  };
  const aliases: Array<{ token: DtcgToken; path: string[] }> = [];
  const stack: string[] = [];
  const visit = (g: Node, doc: number, inherited: string | undefined) => {
    const type = typeof g.$type === 'string' ? g.$type : inherited;
    for (const k in g) {
      const v = g[k];
      if (!isObj(v) || (k.charCodeAt(0) === 36 && k !== '$root') || errors.length >= max) continue;
      stack.push(k);
      if (!('$value' in v)) visit(v, doc, type);
      else if (hasReference(v.$value)) {
        const value = v.$value;
        // a whole-value alias carries the token's type; references inside composite values do not
        check(value, doc, stack, [], typeof value === 'string' ? (typeof v.$type === 'string' ? v.$type : type) : undefined);
        if (doc < baseCount && typeof value === 'string') aliases.push({ token: v as unknown as DtcgToken, path: [...stack] });
      }
      stack.pop();
    }
  };
  docs.forEach((d, i) => visit(d, i, undefined));
  if (errors.length < max) errors.push(...cycles(aliases, (p) => lookup(p, true)?.token, max - errors.length));
  return errors;
}

/** The token at `segments` under a document, with the type it has or inherits. */
function walk(doc: DtcgDocument, segments: string[]): Found | undefined {
  let node: unknown = doc;
  let type: string | undefined = typeof doc.$type === 'string' ? doc.$type : undefined;
  for (const s of segments) {
    if (!isObj(node) || '$value' in node) return undefined;
    if (typeof node.$type === 'string') type = node.$type;
    node = node[s];
  }
  if (!isObj(node) || !('$value' in node)) return undefined;
  const token = node as unknown as DtcgToken;
  return { token, type: token.$type ?? type };
}

/** The type an untyped alias chain ends at. */
function typeAtEnd(found: Found, lookup: (path: string) => Found | undefined): string | undefined {
  const seen = new Set<DtcgToken>();
  let at: Found | undefined = found;
  while (at && !at.type && typeof at.token.$value === 'string' && CURLY_REFERENCE.test(at.token.$value) && !seen.has(at.token)) {
    seen.add(at.token);
    at = lookup(at.token.$value.slice(1, -1));
  }
  return at?.type;
}

function cycles(aliases: Array<{ token: DtcgToken; path: string[] }>, lookup: (path: string) => DtcgToken | undefined, max: number): ReferenceError[] {
  const errors: ReferenceError[] = [];
  const done = new Set<DtcgToken>();
  const pathOf = new Map(aliases.map((a) => [a.token, a.path.join('.')]));
  for (const start of aliases) {
    const chain: DtcgToken[] = [];
    const inChain = new Set<DtcgToken>();
    let at: DtcgToken | undefined = start.token;
    while (at && !done.has(at)) {
      if (inChain.has(at)) {
        const loop = [...chain.slice(chain.indexOf(at)), at].map((t) => pathOf.get(t) ?? '?');
        errors.push({ path: '/' + loop[0]!.split('.').map(escape).join('/'), message: `alias cycle: ${loop.join(' → ')}` });
        break;
      }
      chain.push(at);
      inChain.add(at);
      const value: unknown = at.$value;
      at = typeof value === 'string' && CURLY_REFERENCE.test(value) ? lookup(value.slice(1, -1)) : undefined;
    }
    for (const c of chain) done.add(c);
    if (errors.length >= max) break;
  }
  return errors;
}
