// The file's local variables and styles, read through the plugin API and serialised to plain objects: the upload's
// top-level `variables` / `variableCollections` (as POST /figma-compat/uui/variables/derive reads a plugin export:
// what getLocalVariablesAsync() / getLocalVariableCollectionsAsync() return) and REST-shaped style metadata.
import type { CollectionLike, StyleLike, VariableLike } from './figma-host';

/** A Variable as the upload carries it. */
export interface SerializedVariable {
  id: string;
  name: string;
  key: string;
  description: string;
  resolvedType: string;
  variableCollectionId: string;
  valuesByMode: Record<string, unknown>;
  scopes: string[];
  codeSyntax: Record<string, string>;
  hiddenFromPublishing: boolean;
  remote: boolean;
}

/** A VariableCollection as the upload carries it. */
export interface SerializedVariableCollection {
  id: string;
  name: string;
  key: string;
  modes: { modeId: string; name: string }[];
  defaultModeId: string;
  variableIds: string[];
  hiddenFromPublishing: boolean;
  remote: boolean;
}

/** A local style as REST's `styles` map describes one (values stay on the nodes that use it). */
export interface SerializedStyle {
  id: string;
  key: string;
  name: string;
  styleType: string;
  description: string;
  remote: boolean;
}


// plugin style types → REST styleType
const STYLE_TYPE: Record<string, string> = { PAINT: 'FILL', TEXT: 'TEXT', EFFECT: 'EFFECT', GRID: 'GRID' };

/** Copies a variable's fields into a plain object (plugin objects do not survive postMessage as they are). */
export function serializeVariable(v: VariableLike): SerializedVariable {
  return {
    id: v.id,
    name: v.name,
    key: v.key,
    description: v.description,
    resolvedType: v.resolvedType,
    variableCollectionId: v.variableCollectionId,
    valuesByMode: structuredCopy(v.valuesByMode),
    scopes: [...v.scopes],
    codeSyntax: { ...v.codeSyntax },
    hiddenFromPublishing: v.hiddenFromPublishing,
    remote: v.remote,
  };
}

/** Copies a collection's fields into a plain object. */
export function serializeCollection(c: CollectionLike): SerializedVariableCollection {
  return {
    id: c.id,
    name: c.name,
    key: c.key,
    modes: c.modes.map((m) => ({ modeId: m.modeId, name: m.name })),
    defaultModeId: c.defaultModeId,
    variableIds: [...c.variableIds],
    hiddenFromPublishing: c.hiddenFromPublishing,
    remote: c.remote,
  };
}

/** A local style as REST style metadata. */
export function serializeStyle(s: StyleLike): SerializedStyle {
  return { id: s.id, key: s.key, name: s.name, styleType: STYLE_TYPE[s.type] ?? s.type, description: s.description, remote: s.remote };
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
