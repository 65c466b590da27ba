// Alias targets, found by variable id — never by name, so renames and cross-collection aliases survive. A
// library (remote) variable is referenced as `VariableID:<40-hex key>/<id>`; when the file also holds a variable
// with that published key (a local copy, or the library's own file) the alias resolves through the key. What
// cannot resolve is reported with a reason, never dropped.
import type { HomeIndex, VariableHome } from './plan';

export type UnresolvedReason =
  /** A plain id that no source holds. */
  | 'missing'
  /** A library variable (`VariableID:<key>/…`) whose key no source holds: the library was not included. */
  | 'remote-library'
  /** The alias chain loops back on itself. */
  | 'cycle'
  /** The target's DTCG type differs from the aliasing token's (e.g. a dimension aliasing an opacity number). */
  | 'type-mismatch';

export type AliasTarget = { home: VariableHome; via: 'id' | 'key' } | { reason: 'missing' | 'remote-library' };

export interface AliasTargets {
  find(id: string): AliasTarget;
}

const REMOTE_ID = /^VariableID:([0-9a-f]{40})\//;

/** Reads the alias of a Figma value, or null when the value is not an alias. */
export function aliasId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { type?: unknown; id?: unknown };
  return v.type === 'VARIABLE_ALIAS' && typeof v.id === 'string' ? v.id : null;
}

/** Distinct library keys looked up by scanning the variables before an index of every key is built. */
const KEY_SCANS = 8;

/** Targets by id, then by published key (a local, live variable is preferred over a remote or deleted copy). */
export function aliasTargets(homes: HomeIndex): AliasTargets {
  const rank = (h: VariableHome) => (h.variable.remote ? 2 : 0) + (h.variable.deletedButReferenced ? 1 : 0);
  // one answer object per id: aliases are looked up once per value and once per hop of every chain. A variable
  // found by its id keeps its own (no map of every aliased id); only ids no variable has are remembered here.
  const answers = new Map<string, AliasTarget>();
  // most files alias few libraries: a scan per library key costs less than a map of every variable's key, so the
  // index is built only past KEY_SCANS keys. Both keep the first variable of the lowest rank, in `homes` order.
  const scanned = new Map<string, VariableHome | null>();
  let index: Map<string, VariableHome> | undefined;
  const byKey = (key: string): VariableHome | undefined => {
    if (index) return index.get(key);
    const known = scanned.get(key);
    if (known !== undefined) return known ?? undefined;
    if (scanned.size >= KEY_SCANS) {
      index = new Map();
      const all = homes.values();
      for (let i = 0; i < all.length; i++) {
        const h = all[i]!;
        const k = h.variable.key;
        if (!k) continue;
        const best = index.get(k);
        if (!best || rank(h) < rank(best)) index.set(k, h);
      }
      return index.get(key);
    }
    let best: VariableHome | undefined;
    const all = homes.values();
    for (let i = 0; i < all.length; i++) {
      const h = all[i]!;
      if (h.variable.key !== key || (best && rank(h) >= rank(best))) continue;
      best = h;
      if (rank(h) === 0) break; // nothing ranks lower: a later one could not replace it
    }
    scanned.set(key, best ?? null);
    return best;
  };
  return {
    find(id) {
      const direct = homes.get(id);
      if (direct) return direct.byId;
      let answer = answers.get(id);
      if (answer) return answer;
      const key = REMOTE_ID.exec(id)?.[1];
      const viaKey = key ? byKey(key) : undefined;
      answer = viaKey ? { home: viaKey, via: 'key' } : { reason: key ? 'remote-library' : 'missing' };
      answers.set(id, answer);
      return answer;
    },
  };
}
