// Where every variable goes before any value is written: one top-level group per collection (local collections
// first, in input order, then remote ones; duplicate names get " (2)"), the resolver keys (slugs), the modes
// (default first) and each variable's path inside its group (naming.ts). An extended collection (Figma 2025)
// holds its parent's variables at the same relative paths, with its own modes' values.
import type { DtcgType } from './dtcg-types';
import type { FigmaCollection, FigmaMode, FigmaVariable, VariableSources } from './input/variables';
import { allocatePaths, sanitizeSegment, uniqueNames, uniqueSlugs } from './naming';
import type { TypeSource } from './values';

/** A variable's DTCG fate, decided once for all its modes (typing.ts). */
export interface Typed {
  kind: 'token' | 'extension';
  /** The DTCG type of a token; null for an extension. */
  type: DtcgType | null;
  from?: TypeSource;
}

/** Where a variable lives (its own collection, not an extension's copy) and what it becomes. */
export interface VariableHome {
  variable: FigmaVariable;
  collection: CollectionPlan;
  member: MemberPlan;
  /** Dot-separated path from the document root, and the `{reference}` to it. */
  readonly path: string;
  readonly ref: string;
  /** What an alias to this variable's id finds (aliases.ts): one object, made when first asked for. */
  readonly byId: { home: VariableHome; via: 'id' };
  /** Set by typeVariables. */
  typed: Typed;
}

const UNTYPED: Typed = Object.freeze({ kind: 'extension', type: null });

/** A VariableHome whose path strings are made when first asked for: most variables are never an alias target. */
class Home implements VariableHome {
  typed: Typed = UNTYPED;
  #path: string | undefined;
  #ref: string | undefined;
  #byId: { home: VariableHome; via: 'id' } | undefined;
  constructor(
    readonly variable: FigmaVariable,
    readonly collection: CollectionPlan,
    readonly member: MemberPlan,
  ) {}
  get path(): string {
    return (this.#path ??= `${this.collection.group}.${this.member.segments.join('.')}`);
  }
  get ref(): string {
    return (this.#ref ??= `{${this.path}}`);
  }
  get byId(): { home: VariableHome; via: 'id' } {
    return (this.#byId ??= { home: this, via: 'id' });
  }
}

export interface ModePlan {
  id: string;
  name: string;
  /** The modifier context name: the mode's name, made unique within its collection. */
  context: string;
  isDefault: boolean;
}

export interface MemberPlan {
  variable: FigmaVariable;
  /** Path inside the collection's group. */
  segments: string[];
  renamed: boolean;
}

export interface CollectionPlan {
  collection: FigmaCollection;
  group: string;
  key: string;
  modes: ModePlan[];
  members: MemberPlan[];
  /** The collection an extended collection takes its variables from. */
  parent?: FigmaCollection;
  /** This member's raw Figma value in one of this collection's modes (the default mode's when it has none). */
  raw(member: MemberPlan, modeId: string): unknown;
  /** Whether the source has no value for this member in this mode (raw() then gives the default mode's). */
  missing(member: MemberPlan, modeId: string): boolean;
}

/**
 * Each variable's home by variable id, in plan order (collections, then members). Read through the sources' own
 * map of variables and their `index`, so a file of 20,000 variables does not build a second map of 20,000 ids.
 */
export class HomeIndex {
  readonly #list: VariableHome[] = [];
  readonly #byIndex: Array<VariableHome | undefined>;
  constructor(readonly variables: Map<string, FigmaVariable>) {
    this.#byIndex = new Array<VariableHome | undefined>(variables.size);
  }
  /** Records a home (one per variable). */
  add(home: VariableHome): void {
    this.#list.push(home);
    this.#byIndex[home.variable.index] = home;
  }
  /** The home of the variable with this id, if it has one. */
  get(id: string): VariableHome | undefined {
    const v = this.variables.get(id);
    return v === undefined ? undefined : this.#byIndex[v.index];
  }
  /** The home of a variable of the sources (no lookup by id). */
  of(variable: FigmaVariable): VariableHome | undefined {
    return this.#byIndex[variable.index];
  }
  /** Every home, in plan order. */
  values(): readonly VariableHome[] {
    return this.#list;
  }
}

export interface Plan {
  collections: CollectionPlan[];
  /** Each variable's own place (its collection, not an extension's copy). */
  homes: HomeIndex;
  /** Name of the styles group, unique beside the collections. */
  stylesGroup: string;
}

/** A CollectionPlan whose raw() and missing() are methods, not closures made per collection: their call sites see one function. */
class Collection implements CollectionPlan {
  members: MemberPlan[] = [];
  readonly parent?: FigmaCollection;
  constructor(
    readonly collection: FigmaCollection,
    readonly group: string,
    readonly key: string,
    readonly modes: ModePlan[],
    parent: FigmaCollection | undefined,
  ) {
    if (parent) this.parent = parent;
  }
  raw(member: MemberPlan, modeId: string): unknown {
    return rawValue(this.collection, this.parent, member.variable, modeId);
  }
  missing(member: MemberPlan, modeId: string): boolean {
    return !this.parent && !Object.hasOwn(member.variable.valuesByMode, modeId);
  }
}

function modesOf(c: FigmaCollection): ModePlan[] {
  const ordered = [...c.modes.filter((m) => m.id === c.defaultModeId), ...c.modes.filter((m) => m.id !== c.defaultModeId)];
  const contexts = uniqueNames(ordered.map((m) => m.name));
  return ordered.map((m, i) => ({ id: m.id, name: m.name, context: contexts[i]!, isDefault: m.id === c.defaultModeId }));
}

function rootOf(c: FigmaCollection, all: Map<string, FigmaCollection>): FigmaCollection | undefined {
  let parent = c.parentId ? all.get(c.parentId) : undefined;
  for (let hops = 0; parent?.parentId && hops < 16; hops++) parent = all.get(parent.parentId) ?? parent;
  return parent;
}

/** Plans groups, keys, modes and paths for every collection. */
export function planCollections(sources: VariableSources): Plan {
  const all = sources.collections;
  const ordered = [...[...all.values()].filter((c) => !c.remote), ...[...all.values()].filter((c) => c.remote)];
  const groups = uniqueNames([...ordered.map((c) => sanitizeSegment(c.name) || 'Collection'), 'Styles']);
  const keys = uniqueSlugs(ordered.map((c) => c.name), 'collection');
  const byCollection = new Map<string, FigmaVariable[]>();
  sources.variables.forEach((v) => {
    let list = byCollection.get(v.collectionId);
    if (!list) byCollection.set(v.collectionId, (list = []));
    list.push(v);
  });
  const homes = new HomeIndex(sources.variables);
  const collections = ordered.map((c, i): CollectionPlan => {
    const parent = rootOf(c, all);
    const own = membersInOrder(parent ?? c, byCollection.get((parent ?? c).id) ?? [], sources.variables);
    const plan = new Collection(c, groups[i]!, keys[i]!, modesOf(c), parent);
    plan.members = parent ? [] : placeMembers(own);
    if (!parent) {
      const members = plan.members;
      for (let i = 0; i < members.length; i++) homes.add(new Home(members[i]!.variable, plan, members[i]!));
    }
    return plan;
  });
  // an extension's members copy its parent's paths (placed above, whatever the order)
  for (const plan of collections) {
    if (!plan.parent) continue;
    const parentPlan = collections.find((p) => p.collection.id === plan.parent!.id);
    plan.members = parentPlan ? parentPlan.members.map((m) => ({ ...m })) : placeMembers(byCollection.get(plan.parent.id) ?? []);
  }
  return { collections, homes, stylesGroup: groups[groups.length - 1]! };
}

/** Variables in the collection's `variableIds` order (Figma's panel order), then any it does not list. */
function membersInOrder(c: FigmaCollection, variables: FigmaVariable[], all: Map<string, FigmaVariable>): FigmaVariable[] {
  const ids = c.variableIds;
  // usually `variableIds` lists the collection's variables in the order the source holds them: then that is the
  // answer (each id names the variable beside it, once), found without a lookup per id
  if (ids.length === variables.length) {
    let same = true;
    for (let i = 0; i < ids.length && same; i++) same = ids[i] === variables[i]!.id;
    if (same) return variables;
  }
  const out: FigmaVariable[] = [];
  // marked by the variable's index among all variables (an id names one variable): cheaper than a set of 20,000 ids
  const placed = new Uint8Array(all.size);
  for (let i = 0; i < ids.length; i++) {
    const v = all.get(ids[i]!);
    if (v && v.collectionId === c.id && !placed[v.index]) {
      out.push(v);
      placed[v.index] = 1;
    }
  }
  if (out.length === variables.length) return out;
  for (let i = 0; i < variables.length; i++) if (!placed[variables[i]!.index]) out.push(variables[i]!);
  return out;
}

function placeMembers(variables: FigmaVariable[]): MemberPlan[] {
  const paths = allocatePaths(variables, (v) => v.deletedButReferenced);
  return variables.map((variable, i) => ({ variable, segments: paths[i]!.segments, renamed: paths[i]!.renamed }));
}

function rawValue(c: FigmaCollection, parent: FigmaCollection | undefined, v: FigmaVariable, modeId: string): unknown {
  if (parent) {
    const override = c.overrides?.[v.id]?.[modeId];
    if (override !== undefined) return override;
    const mode: FigmaMode | undefined = c.modes.find((m) => m.id === modeId);
    return rawValue(parent, undefined, v, mode?.parentModeId ?? parent.defaultModeId);
  }
  const value = v.valuesByMode[modeId];
  if (value !== undefined) return value;
  return v.valuesByMode[c.defaultModeId] ?? Object.values(v.valuesByMode)[0];
}
