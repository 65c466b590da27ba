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

/** An alias of the default resolution whose target there is an alias too: what cycles() walks. */
interface Alias {
  target: DtcgToken;
  /** 0, or the number of the chain walk that reached it (cycles()). */
  mark: number;
}

/**
 * The segments of a `{a.b.c}` reference written into `out` from its start, and how many: what
 * `value.slice(1, -1).split('.')` gives, without a new array for each of a file's 14,000 aliases (`out` is never
 * shortened, so it keeps its storage).
 */
function segmentsInto(value: string, out: string[]): number {
  const end = value.length - 1;
  let n = 0;
  for (let start = 1; ; ) {
    const dot = value.indexOf('.', start);
    if (dot === -1 || dot >= end) {
      out[n++] = value.slice(start, end);
      return n;
    }
    out[n++] = value.slice(start, dot);
    start = dot + 1;
  }
}

/** Whether a token's value is a whole-value alias (a chain goes on through it). */
const isAlias = (token: DtcgToken) => typeof token.$value === 'string' && CURLY_REFERENCE.test(token.$value);

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
  /** The token a path names in the default resolution (later documents win there). */
  const lookupBase = (segments: string[], count = segments.length): Found | undefined => {
    const candidates = byTop.get(segments[0]!);
    if (!candidates) return undefined;
    for (let c = candidates.length - 1; c >= 0; c--) {
      const i = candidates[c]!;
      if (i >= baseCount) continue;
      const found = walk(docs[i]!, segments, count);
      if (found) return found;
    }
    return undefined;
  };
  /** The token a path names: in the default resolution first, else anywhere. */
  const lookup = (path: string): Found | undefined => {
    const segments = path.split('.');
    return lookupBase(segments) ?? lookupElsewhere(segments);
  };
  const lookupElsewhere = (segments: string[], count = segments.length): Found | undefined => {
    for (const i of byTop.get(segments[0]!) ?? []) {
      const found = i >= baseCount ? walk(docs[i]!, segments, count) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const errors: ReferenceError[] = [];
  const site = (doc: number, tokenPath: string[], sub: string[]) => pointer([...(docs.length > 1 ? [String(doc)] : []), ...tokenPath, '$value', ...sub]);
  /** Checks one reference string whose target is `target` (undefined: none), for a token of `ownType`. */
  const checkTarget = (value: string, target: Found | undefined, doc: number, tokenPath: string[], sub: string[], ownType: string | undefined) => {
    if (!target) errors.push({ path: site(doc, tokenPath, sub), message: `${value} names no token` });
    else if (ownType) {
      const type = target.type ?? typeAtEnd(target, lookup);
      if (type && type !== ownType) errors.push({ path: site(doc, tokenPath, sub), message: `${value} is a ${type} token, this one a ${ownType}` });
    }
  };
  const check = (value: unknown, doc: number, tokenPath: string[], sub: string[], ownType: string | undefined) => {
    if (typeof value === 'string') {
      if (!CURLY_REFERENCE.test(value)) return;
      checkTarget(value, lookup(value.slice(1, -1)), doc, tokenPath, sub, ownType);
    } else if (Array.isArray(value)) value.forEach((v, i) => check(v, doc, tokenPath, [...sub, String(i)], undefined));
    else if (isObj(value)) for (const [k, v] of Object.entries(value)) check(v, doc, tokenPath, [...sub, k], undefined);
  };
  // whole-value aliases of the default resolution whose target there is an alias too, in document order (a token
  // met twice is one), with that target: what cycles() follows, without looking any reference up again. An alias
  // of a literal ends every chain that reaches it, so it can be neither in a loop nor lead to one: left out, it
  // keeps the map to the few aliases of aliases rather than every alias of the file.
  const aliases = new Map<DtcgToken, Alias>();
  const stack: string[] = [];
  const segments: string[] = [];
  // what each reference names, by its text: tokens alias a palette, so one target is named many times (and the
  // text, often the one string every alias to a token shares, hashes once)
  const resolved = new Map<string, { base: Found | undefined; any: Found | undefined }>();
  const resolve = (value: string) => {
    let r = resolved.get(value);
    if (!r) {
      const count = segmentsInto(value, segments);
      const base = lookupBase(segments, count);
      resolved.set(value, (r = { base, any: base ?? lookupElsewhere(segments, count) }));
    }
    return r;
  };
  const visit = (g: Node, doc: number, inherited: string | undefined) => {
    const type = typeof g.$type === 'string' ? g.$type : inherited;
    for (const k in g) {
      const v = g[k];
      if (!isObj(v) || (k.charCodeAt(0) === 36 && k !== '$root') || errors.length >= max) continue;
      stack.push(k);
      if (!('$value' in v)) visit(v, doc, type);
      else if (hasReference(v.$value)) {
        const value = v.$value;
        if (typeof value !== 'string') check(value, doc, stack, [], undefined);
        else {
          // a whole-value alias carries the token's type; references inside composite values do not
          const ownType = typeof v.$type === 'string' ? v.$type : type;
          let inBase: Found | undefined;
          if (CURLY_REFERENCE.test(value)) {
            const r = resolve(value);
            inBase = r.base;
            checkTarget(value, r.any, doc, stack, [], ownType);
          }
          if (doc < baseCount && inBase && isAlias(inBase.token) && !aliases.has(v as unknown as DtcgToken)) aliases.set(v as unknown as DtcgToken, { target: inBase.token, mark: 0 });
        }
      }
      stack.pop();
    }
  };
  docs.forEach((d, i) => visit(d, i, undefined));
  if (errors.length < max) errors.push(...cycles(aliases, () => aliasPaths(docs, baseCount), max - errors.length));
  return errors;
}

/** The token at `segments` (the first `count` of them) under a document, with the type it has or inherits. */
function walk(doc: DtcgDocument, segments: string[], count: number): Found | undefined {
  let node: unknown = doc;
  let type: string | undefined = typeof doc.$type === 'string' ? doc.$type : undefined;
  for (let i = 0; i < count; i++) {
    const s = segments[i]!;
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

/**
 * Alias cycles of the default resolution, each found once: chains are walked from every alias (of an alias) in
 * document order, each marked by the walk that reached it first (a mark of this walk: a loop; of an earlier one:
 * known ground); a token not in `aliases` ends the chain.
 */
function cycles(aliases: Map<DtcgToken, Alias>, paths: () => Map<DtcgToken, string>, max: number): ReferenceError[] {
  const errors: ReferenceError[] = [];
  const chain: DtcgToken[] = [];
  let walkNo = 0;
  let pathOf: Map<DtcgToken, string> | undefined;
  for (const start of aliases.keys()) {
    walkNo++;
    chain.length = 0;
    let at = start;
    for (let a = aliases.get(at); a; a = aliases.get(at)) {
      if (a.mark === walkNo) {
        pathOf ??= paths();
        const loop = [...chain.slice(chain.indexOf(at)), at].map((t) => pathOf!.get(t) ?? '?');
        errors.push({ path: '/' + loop[0]!.split('.').map(escape).join('/'), message: `alias cycle: ${loop.join(' → ')}` });
        break;
      }
      if (a.mark !== 0) break;
      a.mark = walkNo;
      chain.push(at);
      at = a.target;
    }
    if (errors.length >= max) break;
  }
  return errors;
}

/** The dotted path of every whole-value alias of the default resolution (the last place wins): for messages only. */
function aliasPaths(docs: DtcgDocument[], baseCount: number): Map<DtcgToken, string> {
  const out = new Map<DtcgToken, string>();
  const stack: string[] = [];
  const visit = (g: Node) => {
    for (const k in g) {
      const v = g[k];
      if (!isObj(v) || (k.charCodeAt(0) === 36 && k !== '$root')) continue;
      stack.push(k);
      if (!('$value' in v)) visit(v);
      else if (typeof v.$value === 'string' && hasReference(v.$value)) out.set(v as unknown as DtcgToken, stack.join('.'));
      stack.pop();
    }
  };
  for (let i = 0; i < baseCount && i < docs.length; i++) visit(docs[i]!);
  return out;
}
