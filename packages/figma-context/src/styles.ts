/**
 * The style dictionary shared by every chunk of one stream: equal values get the same short id for
 * the whole output, and each chunk only carries the entries it introduced.
 */
import type { Defs, EffectDef, LayoutDef, PaintDef, TextStyleDef, VarDef } from './compact-types';
import type { VariableIndex } from './variables';

type Kind = keyof Defs;

const PREFIX: Readonly<Record<Kind, string>> = { paints: 'p', effects: 'e', text: 't', layouts: 'l', vars: 'v' };

/** An empty set of dictionaries. */
export function emptyDefs(): Defs {
  return { paints: {}, effects: {}, text: {}, layouts: {}, vars: {} };
}

/** Interns paints, effects, text styles, layouts and variables to short ids. */
/** Serializable state of a registry: per kind, [key, id] pairs. */
export type RegistrySnapshot = Record<Kind, Array<[string, string]>>;

export class DefRegistry {
  private readonly ids: Record<Kind, Map<string, string>> = {
    paints: new Map(),
    effects: new Map(),
    text: new Map(),
    layouts: new Map(),
    vars: new Map(),
  };
  private fresh: Defs = emptyDefs();

  private add<T>(kind: Kind, key: string, def: T): string {
    const map = this.ids[kind];
    const id = PREFIX[kind] + (map.size + 1);
    map.set(key, id);
    (this.fresh[kind] as Record<string, T>)[id] = def;
    return id;
  }

  /** Id of a paint list (already rendered as strings), optionally under a Figma style name. */
  paint(v: string[], name?: string): string {
    // A single paint is its own key: no join, no concatenation on the hot path.
    const key = name === undefined ? (v.length === 1 ? (v[0] as string) : v.join('\n')) : `${v.join('\n')}\n@${name}`;
    return this.ids.paints.get(key) ?? this.add<PaintDef>('paints', key, name === undefined ? { v } : { v, name });
  }

  /** Id of an effect list (already rendered as strings), optionally under a Figma style name. */
  effect(v: string[], name?: string): string {
    const key = name === undefined ? v.join('\n') : `${v.join('\n')}\n@${name}`;
    return this.ids.effects.get(key) ?? this.add<EffectDef>('effects', key, name === undefined ? { v } : { v, name });
  }

  /** Id of a text style; `key` must identify `def()` exactly, which is only built for a new style. */
  text(key: string, def: () => TextStyleDef): string {
    return this.ids.text.get(key) ?? this.add('text', key, def());
  }

  /** Id of an auto-layout; `key` must identify `def()` exactly, which is only built for a new layout. */
  layout(key: string, def: () => LayoutDef): string {
    return this.ids.layouts.get(key) ?? this.add('layouts', key, def());
  }

  /** Short id of a Figma variable id (resolved through `vars` the first time it is seen). */
  variable(id: string, vars: VariableIndex | null): string {
    return this.ids.vars.get(id) ?? this.add<VarDef>('vars', id, vars ? vars.resolve(id) : { id });
  }

  /** The key → id maps, for a stream that continues in another process (the next SSE call). */
  snapshot(): RegistrySnapshot {
    const out = {} as RegistrySnapshot;
    for (const kind of Object.keys(this.ids) as Kind[]) out[kind] = [...this.ids[kind]];
    return out;
  }

  /** A registry that continues a snapshot: known styles keep their ids and are not shipped again. */
  static restore(snapshot: RegistrySnapshot): DefRegistry {
    const reg = new DefRegistry();
    for (const kind of Object.keys(reg.ids) as Kind[]) for (const [k, v] of snapshot[kind] ?? []) reg.ids[kind].set(k, v);
    return reg;
  }

  /** The entries added since the last call (what the current chunk must ship). */
  takeNew(): Defs {
    const out = this.fresh;
    this.fresh = emptyDefs();
    return out;
  }
}
