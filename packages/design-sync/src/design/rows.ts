// The design side: component sets and standalone components from the rows figma-context stored (`components`:
// file_key, node_id, name, type, props jsonb `{ definitions?, set_id?, key?, bound_variables?, description? }`).
// A variant whose set is stored is folded into it (its bound variables count for the set). Definitions are read
// through figma-compat's `figmaProps` (so REST and stored forms read alike, in its order); a definition of an
// unknown type, or without one, is left out. Rows come from our own database, yet are read defensively.
import { figmaProps, type SymbolPropertyDefinition } from '@cogo/figma-compat';
import type { DesignComponent, DesignProp, StoredComponentRow } from '../types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Stored definitions with the fields figmaProps reads, of the right types (odd values dropped). */
function definitions(raw: unknown): Record<string, SymbolPropertyDefinition> {
  const out: Record<string, SymbolPropertyDefinition> = {};
  if (!isObject(raw)) return out;
  for (const [key, d] of Object.entries(raw)) {
    if (!isObject(d) || typeof d.type !== 'string' || key === '__proto__') continue;
    const def: SymbolPropertyDefinition = { type: d.type };
    const dflt = d.default ?? d.defaultValue;
    if (typeof dflt === 'string' || typeof dflt === 'boolean') def.default = dflt;
    const options = strings(d.options ?? d.variantOptions);
    if (options.length) def.options = options;
    out[key] = def;
  }
  return out;
}

function propsOf(row: StoredComponentRow, type: DesignComponent['type']): DesignProp[] {
  const componentPropertyDefinitions = definitions(row.props.definitions);
  return figmaProps({ id: row.nodeId, name: row.name, type, componentPropertyDefinitions }).props.map((p) => {
    const d: DesignProp = { key: p.key, name: p.name, type: p.type };
    if (p.default !== undefined) d.default = p.default;
    if (p.options) d.options = [...p.options];
    return d;
  });
}

/** Component sets and standalone components of stored rows (variants of a stored set folded into it), sorted by file and node. */
export function designComponentsFromRows(rows: readonly StoredComponentRow[]): DesignComponent[] {
  const at = (fileKey: string, nodeId: string) => `${fileKey}\n${nodeId}`;
  const sets = new Set(rows.filter((r) => r.type === 'COMPONENT_SET').map((r) => at(r.fileKey, r.nodeId)));
  const out = new Map<string, DesignComponent>();
  const bound = new Map<string, Set<string>>();
  const bind = (k: string, names: string[]) => {
    const set = bound.get(k) ?? new Set<string>();
    names.forEach((n) => set.add(n));
    bound.set(k, set);
  };
  for (const row of rows) {
    if (row.type !== 'COMPONENT' && row.type !== 'COMPONENT_SET') continue;
    const props = isObject(row.props) ? row.props : {};
    const r = { ...row, props };
    const setId = typeof props.set_id === 'string' ? props.set_id : undefined;
    const names = strings(props.bound_variables);
    if (row.type === 'COMPONENT' && setId !== undefined && sets.has(at(row.fileKey, setId))) {
      bind(at(row.fileKey, setId), names);
      continue;
    }
    const k = at(row.fileKey, row.nodeId);
    const c: DesignComponent = { fileKey: row.fileKey, nodeId: row.nodeId, name: row.name, type: row.type, props: propsOf(r, row.type), boundVariables: [] };
    if (typeof props.description === 'string' && props.description.trim()) c.description = props.description;
    out.set(k, c);
    bind(k, names);
  }
  for (const [k, c] of out) c.boundVariables = [...(bound.get(k) ?? [])].sort(byText);
  return [...out.values()].sort((a, b) => byText(a.fileKey, b.fileKey) || byText(a.nodeId, b.nodeId));
}
