// variables/diff: what changed between two token versions, as a reviewable list — added, removed and changed
// tokens (path, mode, `$type`, old/new `$value`), in a stable order (path, then mode; default mode first).
// Tokens carry their Figma id (`$extensions["com.figma"].variableId` / `styleId`), so a renamed variable is one
// rename, not a removal plus an addition, and aliases that follow it are not reported as changed.
import type { DerivedTokens } from './derive';
import type { DtcgDocument, ResolverDocument } from './dtcg-types';
import { baseDocument, flatten, resolverOf, type TokenEntry } from './flatten';

export interface DiffToken {
  path: string;
  /** null: the default modes; else `<modifier>/<context>` (a collection's other mode). */
  mode: string | null;
  $type: string;
  $value: unknown;
}

export interface ChangedToken {
  path: string;
  mode: string | null;
  /** The path in `from`, when the token was renamed. */
  previousPath?: string;
  from: { $type: string; $value: unknown };
  to: { $type: string; $value: unknown };
}

export interface TokensDiff {
  added: DiffToken[];
  removed: DiffToken[];
  changed: ChangedToken[];
  /** Same Figma id, new path. */
  renamed: Array<{ id: string; from: string; to: string }>;
  unchanged: number;
}

type Tokens = DerivedTokens | ResolverDocument | DtcgDocument;

interface Keyed {
  entry: TokenEntry;
  mode: string | null;
}

function entriesOf(tokens: Tokens): Keyed[] {
  const out: Keyed[] = flatten(baseDocument(tokens)).map((entry) => ({ entry, mode: null }));
  const resolver = resolverOf(tokens);
  for (const [key, m] of Object.entries(resolver?.modifiers ?? {})) {
    for (const [context, sources] of Object.entries(m.contexts)) {
      if (context === m.default) continue;
      for (const s of sources) if (!('$ref' in s && typeof s.$ref === 'string')) for (const entry of flatten(s as DtcgDocument)) out.push({ entry, mode: `${key}/${context}` });
    }
  }
  return out;
}

const idOf = (e: TokenEntry): string | undefined => {
  const f = e.figma;
  const id = f?.variableId ?? f?.styleId;
  return typeof id === 'string' ? `${f?.variableId ? 'v' : 's'}:${id}` : undefined;
};

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.hasOwn(b, k) || !equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** Rewrites references to renamed paths, so an alias that follows a rename compares equal. */
function renameRefs(value: unknown, renames: Map<string, string>): unknown {
  if (renames.size === 0) return value;
  if (typeof value === 'string') {
    const m = /^\{([^{}]+)\}$/.exec(value);
    const to = m ? renames.get(m[1]!) : undefined;
    return to ? `{${to}}` : value;
  }
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, renames));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameRefs(v, renames)]));
  return value;
}

const order = (a: { path: string; mode: string | null }, b: { path: string; mode: string | null }) =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : a.mode === b.mode ? 0 : a.mode === null ? -1 : b.mode === null ? 1 : a.mode < b.mode ? -1 : 1;

/** The differences from one token version to the next. */
export function diffTokens(from: Tokens, to: Tokens): TokensDiff {
  const before = entriesOf(from);
  const after = entriesOf(to);
  const pathsBefore = new Map<string, string>();
  const pathsAfter = new Map<string, string>();
  for (const { entry, mode } of before) if (mode === null && idOf(entry)) pathsBefore.set(idOf(entry)!, entry.path);
  for (const { entry, mode } of after) if (mode === null && idOf(entry)) pathsAfter.set(idOf(entry)!, entry.path);
  const renames = new Map<string, string>();
  const renamed: TokensDiff['renamed'] = [];
  for (const [id, path] of pathsBefore) {
    const now = pathsAfter.get(id);
    if (now !== undefined && now !== path) {
      renames.set(path, now);
      renamed.push({ id: id.slice(2), from: path, to: now });
    }
  }
  const key = (path: string, mode: string | null) => `${mode ?? ''}\u0000${path}`;
  const index = new Map(after.map((k) => [key(k.entry.path, k.mode), k]));
  const matched = new Set<string>();
  const diff: TokensDiff = { added: [], removed: [], changed: [], renamed: renamed.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0)), unchanged: 0 };
  for (const { entry, mode } of before) {
    const path = renames.get(entry.path) ?? entry.path;
    const k = key(path, mode);
    const next = index.get(k);
    if (!next) {
      diff.removed.push({ path: entry.path, mode, $type: entry.type, $value: entry.value });
      continue;
    }
    matched.add(k);
    const old = renameRefs(entry.value, renames);
    if (entry.type === next.entry.type && equal(old, next.entry.value)) {
      diff.unchanged++;
      continue;
    }
    const change: ChangedToken = { path, mode, from: { $type: entry.type, $value: entry.value }, to: { $type: next.entry.type, $value: next.entry.value } };
    if (path !== entry.path) change.previousPath = entry.path;
    diff.changed.push(change);
  }
  for (const [k, { entry, mode }] of index) if (!matched.has(k)) diff.added.push({ path: entry.path, mode, $type: entry.type, $value: entry.value });
  diff.added.sort(order);
  diff.removed.sort(order);
  diff.changed.sort(order);
  return diff;
}
