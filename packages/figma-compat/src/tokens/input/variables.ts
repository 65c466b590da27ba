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
}

export interface VariableSources {
  variables: Map<string, FigmaVariable>;
  collections: Map<string, FigmaCollection>;
  /** How many variables each source held, and how many both did (the REST copy is kept). */
  counts: { rest: number; plugin: number; both: number };
}

const TYPES = new Set<string>(['COLOR', 'FLOAT', 'STRING', 'BOOLEAN']);
const NO_SYNTAX: Record<string, string> = Object.freeze({}) as Record<string, string>;

type Loose = Record<string, unknown>;

const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Arrays, maps keyed by id, and index-keyed objects (`{"0": …, "1": …}`) all read as a list. */
export function looseList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObj(value)) return Object.values(value);
  return [];
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
    variableIds: looseList(raw.variableIds).filter((v): v is string => typeof v === 'string'),
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

function readVariable(raw: unknown, at: string): FigmaVariable {
  if (!isObj(raw)) fail(`${at}: expected a variable object`, at);
  const id = str(raw.id) ?? fail(`${at}: missing \`id\``, `${at}.id`);
  const where = `variables["${id}"]`;
  const name = str(raw.name) ?? fail(`variable ${id}: missing \`name\``, `${where}.name`);
  const type = str(raw.resolvedType);
  if (!type || !TYPES.has(type)) fail(`variable ${id} (${name}): \`resolvedType\` must be COLOR, FLOAT, STRING or BOOLEAN`, `${where}.resolvedType`);
  const collectionId = str(raw.variableCollectionId) ?? fail(`variable ${id} (${name}): missing \`variableCollectionId\``, `${where}.variableCollectionId`);
  if (!isObj(raw.valuesByMode)) fail(`variable ${id} (${name}): missing \`valuesByMode\``, `${where}.valuesByMode`);
  // most exports are already clean: reuse their arrays and objects rather than copy 20,000 of them
  let codeSyntax: Record<string, string> = NO_SYNTAX;
  if (isObj(raw.codeSyntax)) {
    const entries = Object.entries(raw.codeSyntax);
    if (entries.length) codeSyntax = entries.every(([, v]) => typeof v === 'string' && v) ? (raw.codeSyntax as Record<string, string>) : (Object.fromEntries(entries.filter(([, v]) => typeof v === 'string' && v)) as Record<string, string>);
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
        for (const v of c.variableIds) if (!seen.has(v)) known.variableIds.push(v);
      }
    });
    looseList(meta.variables).forEach((raw, i) => {
      const v = readVariable(raw, `${label}.variables[${i}]`);
      if (label === 'variables') out.counts.rest++;
      else out.counts.plugin++;
      if (out.variables.has(v.id)) {
        if (label === 'pluginVariables') out.counts.both++;
        return;
      }
      out.variables.set(v.id, v);
    });
  }
  for (const v of out.variables.values()) {
    if (!out.collections.has(v.collectionId)) {
      fail(`variable ${v.id} (${v.name}): its collection ${v.collectionId} is not in \`variableCollections\``, `variables["${v.id}"].variableCollectionId`);
    }
  }
  return out;
}
