// Validation of tokens documents and resolver documents against the DTCG 2025.10 JSON Schemas (vendored), plus
// what a schema cannot say (Format §7 aliases): every `{reference}` names a token, an alias has its target's
// `$type`, and no alias chain loops. The schema runs compiled (schema/compile-schema.ts) unless the reference
// engine (@cfworker/json-schema) is asked for; on failure the failing subtree is re-validated by the reference
// engine for located messages, so errors read the same whichever engine found them.
import type { DtcgDocument, DtcgGroup, ResolverDocument } from './dtcg-types';
import { referenceErrors } from './references';
import { referenceValidate, schemaCheck } from './schema/dtcg-schema';

export interface TokensValidationError {
  /** JSON Pointer into the validated document. */
  path: string;
  message: string;
}

export interface TokensValidation {
  valid: boolean;
  errors: TokensValidationError[];
}

export interface ValidateOptions {
  /** `compiled` (default): the schema as closures; `reference`: @cfworker/json-schema interpreting it. Same answers. */
  engine?: 'compiled' | 'reference';
  /** Check references (targets exist, same `$type`, no cycles). Default true. */
  references?: boolean;
}

const MAX_ERRORS = 20;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');
const pointer = (path: string[]) => (path.length ? '/' + path.map(escape).join('/') : '');

/** Validates a tokens document (Format module). */
export function validateTokens(doc: unknown, options: ValidateOptions = {}): TokensValidation {
  const errors = schemaErrors('format', doc, [], options.engine);
  if (errors.length === 0 && options.references !== false) errors.push(...referenceErrors([doc as DtcgDocument], 1, MAX_ERRORS));
  return { valid: errors.length === 0, errors: errors.slice(0, MAX_ERRORS) };
}

/** Validates a resolver document (Resolver module) and every inline tokens document in it. */
export function validateResolver(doc: unknown, options: ValidateOptions = {}): TokensValidation {
  const errors: TokensValidationError[] = [];
  const engine = options.engine ?? 'compiled';
  if (engine === 'reference' ? !referenceValidate('resolver', doc).valid : !schemaCheck('resolver')(doc)) {
    // locate: an inline document first, then the resolver's own structure (with the documents emptied)
    for (const { path, doc: inline } of inlineDocs(doc)) errors.push(...schemaErrors('format', inline, path, engine));
    if (errors.length === 0) errors.push(...reported(referenceValidate('resolver', emptied(doc)), []));
    if (errors.length === 0) errors.push({ path: '', message: 'does not match the DTCG resolver schema' });
  }
  if (errors.length === 0) errors.push(...resolverRules(doc as ResolverDocument));
  if (errors.length === 0 && options.references !== false) {
    // set documents first: with the default contexts (empty here, or merged after them) they are the default resolution
    const inline = inlineDocs(doc);
    const sets = inline.filter((d) => d.path[0] === 'sets').map((d) => d.doc as DtcgDocument);
    const defaults = defaultContextDocs(doc as ResolverDocument);
    const contexts = inline.filter((d) => d.path[0] !== 'sets' && !defaults.has(d.doc)).map((d) => d.doc as DtcgDocument);
    errors.push(...referenceErrors([...sets, ...[...defaults].map((d) => d as DtcgDocument), ...contexts], sets.length + defaults.size, MAX_ERRORS));
  }
  return { valid: errors.length === 0, errors: errors.slice(0, MAX_ERRORS) };
}

function schemaErrors(kind: 'format', doc: unknown, at: string[], engine: ValidateOptions['engine']): TokensValidationError[] {
  if (engine === 'reference') return reported(referenceValidate(kind, doc), at);
  if (schemaCheck(kind)(doc)) return [];
  return explain(doc, at);
}

/** Finds the smallest failing part of a document with the compiled check, then asks the reference engine why. */
function explain(node: unknown, at: string[]): TokensValidationError[] {
  const check = schemaCheck('format');
  if (isObj(node) && !('$value' in node)) {
    for (const [key, child] of Object.entries(node)) {
      if (key.startsWith('$') || check({ [key]: child })) continue;
      if (isObj(child) && !('$value' in child) && Object.keys(child).some((k) => !k.startsWith('$'))) {
        const inner = explain(child, [...at, key]);
        if (inner.length) return inner;
      }
      return reported(referenceValidate('format', { [key]: child }), at);
    }
    const own = Object.fromEntries(Object.entries(node).filter(([k]) => k.startsWith('$')));
    return reported(referenceValidate('format', own), at);
  }
  return reported(referenceValidate('format', node), at);
}

/** The reference engine's deepest errors, as pointers under `at`. */
function reported(result: { valid: boolean; errors: Array<{ instanceLocation: string; error: string }> }, at: string[]): TokensValidationError[] {
  if (result.valid) return [];
  const depth = (e: { instanceLocation: string }) => e.instanceLocation.split('/').length;
  const deepest = Math.max(...result.errors.map(depth));
  const seen = new Set<string>();
  const out: TokensValidationError[] = [];
  for (const e of result.errors) {
    if (depth(e) !== deepest || e.error === 'A subschema had errors.') continue;
    const path = pointer(at) + e.instanceLocation.replace(/^#/, '');
    const key = `${path} ${e.error}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = decodeURIComponent(path);
    // `additionalProperties: false` reports as "False boolean schema." at the property: name the property instead
    const message = e.error === 'False boolean schema.' ? `"${where.split('/').pop()!.replaceAll('~1', '/').replaceAll('~0', '~')}" is not allowed here (names must not start with "$" nor contain ".", "{" or "}"; objects allow only their listed properties)` : e.error;
    out.push({ path: where, message });
  }
  return out.length ? out : [{ path: pointer(at), message: 'does not match the DTCG 2025.10 schema' }];
}

function inlineDocs(doc: unknown): Array<{ path: string[]; doc: unknown }> {
  const out: Array<{ path: string[]; doc: unknown }> = [];
  if (!isObj(doc)) return out;
  const take = (list: unknown, path: string[]) => {
    if (Array.isArray(list)) list.forEach((s, i) => isObj(s) && typeof s.$ref !== 'string' && out.push({ path: [...path, String(i)], doc: s }));
  };
  if (isObj(doc.sets)) for (const [k, s] of Object.entries(doc.sets)) if (isObj(s)) take(s.sources, ['sets', k, 'sources']);
  if (isObj(doc.modifiers)) for (const [k, m] of Object.entries(doc.modifiers)) if (isObj(m) && isObj(m.contexts)) for (const [c, list] of Object.entries(m.contexts)) take(list, ['modifiers', k, 'contexts', c]);
  return out;
}

function emptied(doc: unknown): unknown {
  if (!isObj(doc)) return doc;
  const copy = structuredClone(doc) as Record<string, unknown>;
  for (const { path } of inlineDocs(copy)) {
    let at: Record<string, unknown> = copy;
    for (const p of path.slice(0, -1)) at = at[p] as Record<string, unknown>;
    (at as unknown as unknown[])[Number(path[path.length - 1])] = {};
  }
  return copy;
}

/** What the resolver schema cannot check (Resolver §3): defaults name a context, references name a set or modifier. */
function resolverRules(doc: ResolverDocument): TokensValidationError[] {
  const errors: TokensValidationError[] = [];
  for (const [k, m] of Object.entries(doc.modifiers ?? {})) {
    if (m.default !== undefined && !Object.hasOwn(m.contexts, m.default)) errors.push({ path: `/modifiers/${escape(k)}/default`, message: `default "${m.default}" is not one of the contexts` });
  }
  doc.resolutionOrder.forEach((item, i) => {
    const ref = item.$ref;
    const set = /^#\/sets\/(.+)$/.exec(ref);
    const mod = /^#\/modifiers\/(.+)$/.exec(ref);
    const ok = set ? Object.hasOwn(doc.sets ?? {}, set[1]!) : mod ? Object.hasOwn(doc.modifiers ?? {}, mod[1]!) : true;
    if (!ok) errors.push({ path: `/resolutionOrder/${i}`, message: `${ref} names nothing in this document` });
  });
  return errors;
}

/** Inline documents of the modifiers' default contexts: part of the default resolution. */
function defaultContextDocs(doc: ResolverDocument): Set<unknown> {
  const out = new Set<unknown>();
  for (const m of Object.values(doc.modifiers ?? {})) {
    const list = m.default === undefined ? undefined : m.contexts[m.default];
    for (const s of list ?? []) if (!(typeof (s as { $ref?: unknown }).$ref === 'string')) out.add(s);
  }
  return out;
}
