// Tokens documents as flat lists of entries — what the CSS, Tailwind and diff outputs walk. An entry is a token
// or a Figma variable kept under a group's `$extensions["com.figma"].variables` (STRING/BOOLEAN); its path is
// dot-separated from the document root, as in a `{reference}`.
import type { DerivedTokens } from './derive';
import type { DtcgDocument, DtcgGroup, DtcgToken, ResolverDocument } from './dtcg-types';
import { TokensInputError } from './errors';
import { resolveTokens } from './resolver';

export interface TokenEntry {
  path: string;
  segments: string[];
  /** `$type` (inherited from groups when the token has none); `com.figma.string` / `.boolean` for extensions. */
  type: string;
  value: unknown;
  token?: DtcgToken;
  /** The Figma extension (`$extensions["com.figma"]`) of the token, or the extension entry itself. */
  figma?: Record<string, unknown>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `segments` and one more: a copy sized once (concat's generic path cost more than the rest of an entry). */
function plus(segments: string[], k: string): string[] {
  const n = segments.length;
  const out = new Array<string>(n + 1);
  for (let i = 0; i < n; i++) out[i] = segments[i]!;
  out[n] = k;
  return out;
}

/** Every token and Figma extension variable of a document, in document order. */
export function flatten(doc: DtcgDocument): TokenEntry[] {
  const out: TokenEntry[] = [];
  const walk = (g: DtcgGroup, segments: string[], prefix: string, inherited: string | undefined) => {
    const type = typeof g.$type === 'string' ? g.$type : inherited;
    const figma = isObj(g.$extensions) && isObj(g.$extensions['com.figma']) ? g.$extensions['com.figma'] : undefined;
    if (figma && isObj(figma.variables)) {
      for (const [rel, entry] of Object.entries(figma.variables)) {
        if (!isObj(entry)) continue;
        const segs = segments.concat(rel.split('.'));
        const alias = isObj(entry.alias) ? entry.alias : undefined;
        out.push({ path: segs.join('.'), segments: segs, type: `com.figma.${String(entry.type).toLowerCase()}`, value: alias ? (alias.path ? `{${String(alias.path)}}` : alias.value) : entry.value, figma: entry });
      }
    }
    for (const k in g) {
      const v = g[k];
      if (!isObj(v) || (k.charCodeAt(0) === 36 && k !== '$root')) continue;
      const path = prefix ? `${prefix}.${k}` : k;
      const segs = plus(segments, k);
      if ('$value' in v) {
        const token = v as unknown as DtcgToken;
        const ext = isObj(token.$extensions) && isObj(token.$extensions['com.figma']) ? token.$extensions['com.figma'] : undefined;
        const entry: TokenEntry = { path, segments: segs, type: token.$type ?? type ?? 'unknown', value: token.$value, token };
        if (ext) entry.figma = ext;
        out.push(entry);
      } else walk(v as DtcgGroup, segs, path, type);
    }
  };
  walk(doc, [], '', undefined);
  return out;
}

/** Whether a value holds a `{reference}` anywhere. */
export function hasReference(value: unknown): boolean {
  if (typeof value === 'string') return value.charCodeAt(0) === 123;
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (hasReference(v)) return true;
    return false;
  }
  for (const k in value) if (hasReference((value as Record<string, unknown>)[k])) return true;
  return false;
}

/** The resolver document of a derive result, a resolver document, or null for a plain tokens document. */
export function resolverOf(tokens: DerivedTokens | ResolverDocument | DtcgDocument): ResolverDocument | null {
  if (!isObj(tokens)) throw new TokensInputError('TOKENS_MALFORMED_DOCUMENT', 'tokens: expected a derive result, a resolver document or a DTCG document');
  if (isObj(tokens.resolver) && Array.isArray((tokens.resolver as Record<string, unknown>).resolutionOrder)) return tokens.resolver as unknown as ResolverDocument;
  if (Array.isArray(tokens.resolutionOrder)) return tokens as unknown as ResolverDocument;
  return null;
}

/** The default-mode document: the derive result's `tokens`, a resolver's default resolution, or the document itself. */
export function baseDocument(tokens: DerivedTokens | ResolverDocument | DtcgDocument): DtcgDocument {
  if (isObj(tokens) && isObj(tokens.tokens) && isObj(tokens.resolver)) return tokens.tokens as DtcgDocument;
  const resolver = resolverOf(tokens);
  return resolver ? resolveTokens(resolver) : (tokens as DtcgDocument);
}
