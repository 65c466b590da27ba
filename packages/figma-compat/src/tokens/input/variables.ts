// Figma variables from two sources, merged by variable id: GET /v1/files/:key/variables/local (Enterprise; the
// full response or its `meta`) and a plugin export (any plan: what `figma.variables.getLocalVariablesAsync()` and
// `getLocalVariableCollectionsAsync()` return, serialised). Both use the same field names; exports differ in
// containers (maps keyed by id, index-keyed objects, arrays — see the mariohamann fixture), so every list is
// read loosely and the entry's own id wins. Required fields are checked: a variable without a type or values
// is refused with its path, never guessed.
import { TokensInputError } from '../errors';

export type ResolvedType = 'COLOR' | 'FLOAT' | 'STRING' | 'BOOLEAN';

export interface FigmaMode {
  id: string;
  name: string;
  parentModeId?: string;
}

export interface FigmaCollection {
  id: string;
  name: string;
  key?: string;
  modes: FigmaMode[];
  defaultModeId: string;
  remote: boolean;
  hiddenFromPublishing: boolean;
  variableIds: string[];
  /** Extended collections (Figma 2025): values of the parent's variables, overridden per mode. */
  parentId?: string;
  overrides?: Record<string, Record<string, unknown>>;
}

export interface FigmaVariable {
  id: string;
  name: string;
  key?: string;
  collectionId: string;
  type: ResolvedType;
  valuesByMode: Record<string, unknown>;
  remote: boolean;
  description: string;
  hiddenFromPublishing: boolean;
  scopes: string[];
  codeSyntax: Record<string, string>;
  deletedButReferenced: boolean;
  /** Its position in VariableSources.variables (first-seen order): lets a plan mark variables in an array, not a set. */
  index: number;
}

export interface VariableSources {
  variables: Map<string, FigmaVariable>;
  collections: Map<string, FigmaCollection>;
  /** How many variables each source held, and how many both did (the REST copy is kept). */
  counts: { rest: number; plugin: number; both: number };
}

const TYPES = new Set<string>(['COLOR', 'FLOAT', 'STRING', 'BOOLEAN']);
const NO_SYNTAX: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Whether a variable has code syntax (most have none: answered without listing the keys of an empty object). */
export function hasCodeSyntax(v: FigmaVariable): boolean {
  return v.codeSyntax !== NO_SYNTAX && Object.keys(v.codeSyntax).length > 0;
}

type Loose = Record<string, unknown>;

const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Arrays, maps keyed by id, and index-keyed objects (`{"0": …, "1": …}`) all read as a list. */
export function looseList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isObj(value)) return [];
  // Object.keys then a lookup per key: the same values in the same order as Object.values, about three times as
  // fast on a map of 20,000 variables (V8 keeps an object that large as a dictionary)
  const keys = Object.keys(value);
  const out: unknown[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = value[keys[i]!];
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function fail(message: string, path: string): never {
  throw new TokensInputError('TOKENS_MALFORMED_VARIABLES', message, path);
}

/** The `{ variables, variableCollections }` pair of a payload, or null when it holds none. */
function metaOf(payload: unknown, label: string): { variables: unknown; collections: unknown } | null {
  if (payload === undefined || payload === null) return null;
  if (!isObj(payload)) fail(`${label}: expected an object with \`variables\` and \`variableCollections\``, label);
  if (payload.error === true || (typeof payload.status === 'number' && payload.status >= 400)) {
    const why = str(payload.message) ?? `status ${String(payload.status)}`;
    fail(`${label}: the payload is a Figma error response (${why}), not variables`, label);
  }
  const meta = isObj(payload.meta) ? payload.meta : payload;
  const variables = meta.variables;
  const collections = meta.variableCollections ?? meta.collections;
  if (variables === undefined && collections === undefined) fail(`${label}: no \`variables\` or \`variableCollections\` found`, label);
  if (variables !== undefined && !isObj(variables) && !Array.isArray(variables)) fail(`${label}.variables: expected a list or a map of variables`, `${label}.variables`);
  return { variables, collections };
}

/** The strings of a loose list; an array of nothing but strings is used as it is (20,000 ids are not copied). */
function stringList(value: unknown): string[] {
  if (Array.isArray(value)) {
    let clean = true;
    for (let i = 0; i < value.length && clean; i++) clean = typeof value[i] === 'string';
    if (clean) return value as string[];
  }
  return looseList(value).filter((v): v is string => typeof v === 'string');
}

function readCollection(raw: unknown, at: string): FigmaCollection {
  if (!isObj(raw)) fail(`${at}: expected a variable collection object`, at);
  const id = str(raw.id) ?? fail(`${at}: missing \`id\``, `${at}.id`);
  const name = str(raw.name) ?? fail(`collection ${id}: missing \`name\``, `${at}.name`);
  const modes = looseList(raw.modes).map((m, i): FigmaMode => {
    const mAt = `${at}.modes[${i}]`;
    if (!isObj(m)) fail(`collection ${id}: mode ${i} is not an object`, mAt);
    const modeId = str(m.modeId) ?? fail(`collection ${id}: mode ${i} has no \`modeId\``, `${mAt}.modeId`);
    const mode: FigmaMode = { id: modeId, name: str(m.name) || `Mode ${i + 1}` };
    const parent = str(m.parentModeId);
    if (parent) mode.parentModeId = parent;
    return mode;
  });
  if (modes.length === 0) fail(`collection ${id}: \`modes\` is empty`, `${at}.modes`);
  const defaultModeId = str(raw.defaultModeId) ?? modes[0]!.id;
  if (!modes.some((m) => m.id === defaultModeId)) fail(`collection ${id}: defaultModeId ${defaultModeId} is not one of its modes`, `${at}.defaultModeId`);
  const collection: FigmaCollection = {
    id,
    name,
    modes,
    defaultModeId,
    remote: raw.remote === true,
    hiddenFromPublishing: raw.hiddenFromPublishing === true,
    variableIds: stringList(raw.variableIds),
  };
  const key = str(raw.key);
  if (key) collection.key = key;
  const parentId = raw.isExtension === true ? str(raw.parentVariableCollectionId) : undefined;
  if (parentId) {
    collection.parentId = parentId;
    if (isObj(raw.variableOverrides)) collection.overrides = raw.variableOverrides as Record<string, Record<string, unknown>>;
  }
  return collection;
}

function readVariable(raw: unknown, label: string, index: number): FigmaVariable {
  // paths for messages are made only on failure (`??` evaluates its right side only then): 20,000 variables
  // would otherwise make 40,000 strings for nothing
  if (!isObj(raw)) fail(`${label}.variables[${index}]: expected a variable object`, `${label}.variables[${index}]`);
  const id = str(raw.id) ?? fail(`${label}.variables[${index}]: missing \`id\``, `${label}.variables[${index}].id`);
  const name = str(raw.name) ?? fail(`variable ${id}: missing \`name\``, `variables["${id}"].name`);
  const type = str(raw.resolvedType);
  if (!type || !TYPES.has(type)) fail(`variable ${id} (${name}): \`resolvedType\` must be COLOR, FLOAT, STRING or BOOLEAN`, `variables["${id}"].resolvedType`);
  const collectionId = str(raw.variableCollectionId) ?? fail(`variable ${id} (${name}): missing \`variableCollectionId\``, `variables["${id}"].variableCollectionId`);
  if (!isObj(raw.valuesByMode)) fail(`variable ${id} (${name}): missing \`valuesByMode\``, `variables["${id}"].valuesByMode`);
  // most exports are already clean: reuse their arrays and objects rather than copy 20,000 of them
  let codeSyntax: Record<string, string> = NO_SYNTAX;
  if (isObj(raw.codeSyntax)) {
    const given = raw.codeSyntax;
    let count = 0;
    let clean = true;
    for (const k in given) {
      if (!Object.hasOwn(given, k)) continue;
      count++;
      const v = given[k];
      if (typeof v !== 'string' || !v) clean = false;
    }
    if (count) codeSyntax = clean ? (given as Record<string, string>) : (Object.fromEntries(Object.entries(given).filter(([, v]) => typeof v === 'string' && v)) as Record<string, string>);
  }
  const scopes = Array.isArray(raw.scopes) && raw.scopes.every((s) => typeof s === 'string') ? (raw.scopes as string[]) : looseList(raw.scopes).filter((s): s is string => typeof s === 'string');
  const variable: FigmaVariable = {
    id,
    name,
    collectionId,
    type: type as ResolvedType,
    valuesByMode: raw.valuesByMode,
    remote: raw.remote === true,
    description: str(raw.description) ?? '',
    hiddenFromPublishing: raw.hiddenFromPublishing === true,
    scopes,
    codeSyntax,
    deletedButReferenced: raw.deletedButReferenced === true,
    index: -1,
  };
  const key = str(raw.key);
  if (key) variable.key = key;
  return variable;
}

/** Reads and merges the sources (REST first: on the same id its copy is kept; the plugin adds what it lacks). */
export function readVariableSources(rest: unknown, plugin: unknown): VariableSources {
  const out: VariableSources = { variables: new Map(), collections: new Map(), counts: { rest: 0, plugin: 0, both: 0 } };
  const sources = [
    ['variables', metaOf(rest, 'variables')],
    ['pluginVariables', metaOf(plugin, 'pluginVariables')],
  ] as const;
  for (const [label, meta] of sources) {
    if (!meta) continue;
    looseList(meta.collections).forEach((raw, i) => {
      const c = readCollection(raw, `${label}.variableCollections[${i}]`);
      const known = out.collections.get(c.id);
      if (!known) out.collections.set(c.id, c);
      else {
        const seen = new Set(known.variableIds);
        // a copy: the list may be the caller's own array (stringList)
        known.variableIds = [...known.variableIds];
        for (const v of c.variableIds) if (!seen.has(v)) known.variableIds.push(v);
      }
    });
    const add = (raw: unknown, i: number) => {
      const v = readVariable(raw, label, i);
      if (label === 'variables') out.counts.rest++;
      else out.counts.plugin++;
      if (out.variables.has(v.id)) {
        if (label === 'pluginVariables') out.counts.both++;
        return;
      }
      v.index = out.variables.size;
      out.variables.set(v.id, v);
    };
    // looseList's order without its copy: a map of 20,000 variables is read key by key
    const list = meta.variables;
    if (Array.isArray(list)) list.forEach(add);
    else if (isObj(list)) {
      const keys = Object.keys(list);
      for (let i = 0; i < keys.length; i++) add(list[keys[i]!], i);
    }
  }
  out.variables.forEach((v) => {
    if (!out.collections.has(v.collectionId)) {
      fail(`variable ${v.id} (${v.name}): its collection ${v.collectionId} is not in \`variableCollections\``, `variables["${v.id}"].variableCollectionId`);
    }
  });
  return out;
}
