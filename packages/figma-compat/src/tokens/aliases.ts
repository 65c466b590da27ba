// Alias targets, found by variable id — never by name, so renames and cross-collection aliases survive. A
// library (remote) variable is referenced as `VariableID:<40-hex key>/<id>`; when the file also holds a variable
// with that published key (a local copy, or the library's own file) the alias resolves through the key. What
// cannot resolve is reported with a reason, never dropped.
import type { VariableHome } from './plan';

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

/** Targets by id, then by published key (a local, live variable is preferred over a remote or deleted copy). */
export function aliasTargets(homes: Map<string, VariableHome>): AliasTargets {
  const byKey = new Map<string, VariableHome>();
  const rank = (h: VariableHome) => (h.variable.remote ? 2 : 0) + (h.variable.deletedButReferenced ? 1 : 0);
  // one answer object per id: aliases are looked up once per value and once per hop of every chain
  const answers = new Map<string, AliasTarget>();
  const keyed = () => {
    if (byKey.size === 0) {
      for (const h of homes.values()) {
        const key = h.variable.key;
        if (!key) continue;
        const known = byKey.get(key);
        if (!known || rank(h) < rank(known)) byKey.set(key, h);
      }
    }
    return byKey;
  };
  return {
    find(id) {
      let answer = answers.get(id);
      if (answer) return answer;
      const direct = homes.get(id);
      const key = direct ? undefined : REMOTE_ID.exec(id)?.[1];
      // the key index is built on the first library alias only: most files have none
      const viaKey = key ? keyed().get(key) : undefined;
      answer = direct ? { home: direct, via: 'id' } : viaKey ? { home: viaKey, via: 'key' } : { reason: key ? 'remote-library' : 'missing' };
      answers.set(id, answer);
      return answer;
    },
  };
}
