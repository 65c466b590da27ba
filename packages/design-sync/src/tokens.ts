// Current values of a component's bound variables, from the newest DTCG document variables/derive stored
// (token_versions.tokens: one top-level group per collection, in its default mode). figma-context stores a bound
// variable by its Figma name ("color/brand/primary", no collection); derive puts it at <collection group>.color.brand
// .primary, its segments made valid DTCG names as figma-compat's `splitName` does ("spacing/0.5" → spacing.0_5).
// Lookup rule: the path from the root first (a name that already starts with its collection), then under each
// top-level group in code-unit order — Postgres jsonb keeps no key order, so the document's cannot decide; a name
// bound in two collections resolves to the first group that has it. A group reached where a token was expected
// answers with its `$root` token (derive's form for a variable whose path is also a group). A value that is an
// alias ("{Primitives.color.blue.500}", anywhere inside a composite value) is resolved to what it points at, so a
// changed primitive shows on every component whose bound variable aliases it; an alias that resolves to nothing,
// or a chain longer than 16, stays as written. Names that resolve to no token are left out.
import { splitName } from '@cogo/figma-compat';
import { canonicalJson } from './hash';
import { byText } from './rules';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const isToken = (v: unknown): v is Node => isNode(v) && Object.hasOwn(v, '$value');
const MAX_HOPS = 16;
const ALIAS = /^\{([^{}]+)\}$/;

/** The token at `path` and the `$type` it has or inherits from its groups; null when there is none. */
function tokenAt(root: Node, path: readonly string[]): { token: Node; type?: string } | null {
  let node: unknown = root;
  let type = typeof root.$type === 'string' ? root.$type : undefined;
  for (const seg of path) {
    if (!isNode(node) || (seg.startsWith('$') && seg !== '$root') || !Object.hasOwn(node, seg)) return null;
    node = node[seg];
    if (isNode(node) && typeof node.$type === 'string') type = node.$type;
  }
  const rootToken = isNode(node) && !Object.hasOwn(node, '$value') ? node.$root : undefined;
  if (isToken(rootToken)) {
    node = rootToken;
    if (typeof rootToken.$type === 'string') type = rootToken.$type;
  }
  return isToken(node) ? { token: node, ...(type !== undefined ? { type } : {}) } : null;
}

/** A value with its aliases replaced by what they point at (as written when they point at nothing). */
function resolved(root: Node, value: unknown, hops: number): unknown {
  if (typeof value === 'string') {
    const m = ALIAS.exec(value);
    const target = m && hops < MAX_HOPS ? tokenAt(root, m[1]!.split('.')) : null;
    return target ? resolved(root, target.token.$value, hops + 1) : value;
  }
  if (Array.isArray(value)) return value.map((v) => resolved(root, v, hops));
  if (isNode(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolved(root, v, hops)]));
  return value;
}

/** Bound variable name → canonical JSON of its token's `{ $type, $value }` (aliases resolved); unknown names left out. */
export function tokenValuesFor(names: readonly string[], tokensDoc: Record<string, unknown> | null): Record<string, string> {
  if (!isNode(tokensDoc) || !names.length) return {};
  const doc = tokensDoc;
  const groups = Object.keys(doc)
    .filter((k) => !k.startsWith('$') && isNode(doc[k]) && !isToken(doc[k]))
    .sort(byText);
  const out: [string, string][] = [];
  for (const name of new Set(names)) {
    const path = splitName(name);
    let hit = tokenAt(doc, path);
    for (let i = 0; !hit && i < groups.length; i++) hit = tokenAt(doc, [groups[i]!, ...path]);
    if (hit) out.push([name, canonicalJson({ $type: hit.type, $value: resolved(doc, hit.token.$value, 0) })]);
  }
  return Object.fromEntries(out.sort(([a], [b]) => byText(a, b)));
}
