/**
 * Local variables meta (GET /v1/files/:key/variables/local) → a lookup that resolves the variable
 * ids found in `boundVariables` to names and default-mode values.
 */
import type { GetLocalVariablesResponse } from '@figma/rest-api-spec';
import type { VarDef } from './compact-types';
import { hex } from './paints';
import type { RawColor } from './raw-node';

/** The full response, its `meta`, or a loosely shaped equivalent (maps keyed by id or by index). */
export type VariablesInput =
  | GetLocalVariablesResponse
  | GetLocalVariablesResponse['meta']
  | { meta?: unknown; variables?: unknown; variableCollections?: unknown };

interface LooseVariable {
  id?: string;
  name?: string;
  resolvedType?: string;
  variableCollectionId?: string;
  valuesByMode?: Record<string, unknown>;
}

interface LooseCollection {
  id?: string;
  name?: string;
  defaultModeId?: string;
}

export interface VariableIndex {
  resolve(id: string): VarDef;
}

function entries<T extends { id?: string }>(value: unknown): Map<string, T> {
  const out = new Map<string, T>();
  if (value === null || typeof value !== 'object') return out;
  // Exports differ: maps keyed by id, index-keyed objects, or arrays. The entry's own id wins.
  for (const [key, item] of Object.entries(value as Record<string, T>)) {
    if (item && typeof item === 'object') out.set(typeof item.id === 'string' ? item.id : key, item);
  }
  return out;
}

function isAlias(v: unknown): v is { type: 'VARIABLE_ALIAS'; id: string } {
  return v !== null && typeof v === 'object' && (v as { type?: unknown }).type === 'VARIABLE_ALIAS';
}

function isColor(v: unknown): v is RawColor {
  return v !== null && typeof v === 'object' && typeof (v as { r?: unknown }).r === 'number';
}

/** Builds a resolver over a variables response (or its meta). */
export function indexVariables(input: VariablesInput): VariableIndex {
  const root = input as { meta?: unknown; variables?: unknown; variableCollections?: unknown };
  const meta = (root.meta && typeof root.meta === 'object' ? root.meta : root) as {
    variables?: unknown;
    variableCollections?: unknown;
  };
  const vars = entries<LooseVariable>(meta.variables);
  const colls = entries<LooseCollection>(meta.variableCollections);

  const valueOf = (v: LooseVariable): VarDef['value'] => {
    const coll = v.variableCollectionId === undefined ? undefined : colls.get(v.variableCollectionId);
    const modes = v.valuesByMode ?? {};
    const mode = coll?.defaultModeId ?? Object.keys(modes)[0];
    const raw = mode === undefined ? undefined : modes[mode];
    if (isAlias(raw)) return `→${vars.get(raw.id)?.name ?? raw.id}`;
    if (isColor(raw)) return hex(raw);
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      return typeof raw === 'number' ? Math.round(raw * 1000) / 1000 : raw;
    }
    return undefined;
  };

  return {
    resolve(id: string): VarDef {
      const v = vars.get(id);
      if (!v) return { id };
      const def: VarDef = { id };
      if (v.name !== undefined) def.name = v.name;
      if (v.resolvedType !== undefined) def.type = v.resolvedType;
      const value = valueOf(v);
      if (value !== undefined) def.value = value;
      const coll = v.variableCollectionId === undefined ? undefined : colls.get(v.variableCollectionId);
      if (coll?.name !== undefined) def.coll = coll.name;
      return def;
    },
  };
}
