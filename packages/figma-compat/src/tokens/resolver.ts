// Resolver Module 2025.10: a collection is a set (its default mode's values) and, with two modes or more, a
// modifier whose contexts are its modes — the default context empty (the set already holds it), every other
// context the collection's whole group in that mode. Sources are inline, so one document carries everything
// (same-document references are the only kind every conforming tool must support, Resolver §4).
// resolveTokens applies the module's resolution logic (§5): validate the input, then merge sets and the chosen
// contexts in resolutionOrder, the last occurrence of a token winning.
import type { DtcgDocument, DtcgGroup, ResolverDocument, ResolverModifier, ResolverSet } from './dtcg-types';
import { TokensInputError } from './errors';

/** The published JSON Schema of resolver documents (their `$schema`). */
export const RESOLVER_SCHEMA = 'https://www.designtokens.org/schemas/2025.10/resolver.json';

export interface ResolverPart {
  key: string;
  set: ResolverSet;
  modifier?: ResolverModifier;
}

/** Assembles the resolver document: sets first (in order), then modifiers. */
export function buildResolver(name: string, parts: ResolverPart[]): ResolverDocument {
  const doc: ResolverDocument = {
    $schema: RESOLVER_SCHEMA,
    name,
    version: '2025.10',
    description: 'Design tokens derived from Figma variables and styles: one set per variable collection (its default mode), one modifier per collection with several modes.',
    sets: {},
    modifiers: {},
    resolutionOrder: [],
  };
  for (const p of parts) {
    doc.sets![p.key] = p.set;
    doc.resolutionOrder.push({ $ref: `#/sets/${p.key}` });
  }
  for (const p of parts) {
    if (!p.modifier) continue;
    doc.modifiers![p.key] = p.modifier;
    doc.resolutionOrder.push({ $ref: `#/modifiers/${p.key}` });
  }
  if (Object.keys(doc.modifiers!).length === 0) delete doc.modifiers;
  return doc;
}

const isGroup = (v: unknown): v is DtcgGroup => typeof v === 'object' && v !== null && !Array.isArray(v) && !('$value' in v);

/** Merges `from` into `into`: groups recursively, tokens and `$` properties replaced (last occurrence wins). */
function mergeInto(into: DtcgGroup, from: DtcgGroup): void {
  for (const [k, v] of Object.entries(from)) {
    const here = into[k];
    if (!k.startsWith('$') && isGroup(v) && isGroup(here)) {
      const copy: DtcgGroup = { ...here };
      mergeInto(copy, v);
      into[k] = copy;
    } else into[k] = v as DtcgGroup[string];
  }
}

function sourceDocs(resolver: ResolverDocument, sources: ResolverSet['sources'], seen: Set<string>): DtcgDocument[] {
  return sources.flatMap((s) => {
    if (typeof s.$ref !== 'string') return [s as DtcgDocument];
    const ref = s.$ref as string;
    const m = /^#\/sets\/(.+)$/.exec(ref);
    const set = m ? resolver.sets?.[decodeURIComponent(m[1]!).replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
    if (!set || seen.has(ref)) throw new TokensInputError('TOKENS_MALFORMED_DOCUMENT', `resolver: cannot follow ${ref} (only same-document, non-circular set references are supported)`, ref);
    return sourceDocs(resolver, set.sources, new Set([...seen, ref]));
  });
}

/**
 * One resolution of a resolver document: `input` maps modifier names to context names; modifiers left out take
 * their default. Unknown modifiers or contexts are refused (Resolver §5.1).
 */
export function resolveTokens(resolver: ResolverDocument, input: Record<string, string> = {}): DtcgDocument {
  const modifiers = resolver.modifiers ?? {};
  for (const [name, context] of Object.entries(input)) {
    const m = modifiers[name];
    if (!m) throw new TokensInputError('TOKENS_UNKNOWN_MODE', `resolver input: no modifier "${name}" (modifiers: ${Object.keys(modifiers).join(', ') || 'none'})`, name);
    if (!Object.hasOwn(m.contexts, context)) throw new TokensInputError('TOKENS_UNKNOWN_MODE', `resolver input: modifier "${name}" has no context "${context}" (contexts: ${Object.keys(m.contexts).join(', ')})`, name);
  }
  const out: DtcgDocument = {};
  for (const item of resolver.resolutionOrder) {
    const ref = item.$ref;
    const set = /^#\/sets\/(.+)$/.exec(ref);
    const mod = /^#\/modifiers\/(.+)$/.exec(ref);
    let docs: DtcgDocument[] = [];
    if (set) docs = sourceDocs(resolver, resolver.sets?.[set[1]!]?.sources ?? [], new Set([ref]));
    else if (mod) {
      const m = modifiers[mod[1]!];
      if (!m) continue;
      const context = input[mod[1]!] ?? m.default;
      if (context === undefined) throw new TokensInputError('TOKENS_UNKNOWN_MODE', `resolver input: modifier "${mod[1]}" has no default: choose one of ${Object.keys(m.contexts).join(', ')}`, mod[1]);
      docs = sourceDocs(resolver, m.contexts[context] ?? [], new Set([ref]));
    }
    for (const d of docs) mergeInto(out, d);
  }
  return out;
}
