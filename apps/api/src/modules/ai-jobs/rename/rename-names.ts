// What a model's names must be before they are kept (issue 16: "one name per id, no duplicates among siblings, the
// team's naming convention"): every id of the batch exactly once with a printable, non-empty name; then, over the
// whole job, the project's casing and unique names among siblings (a clash gets " 2", " 3" …; a layer left unrenamed
// keeps its old name, which its siblings must not take).
import type { AiSettings, LayerInput } from '@cogo/types';

export const MAX_NAME_LENGTH = 100;

export type BatchNames = { ok: true; names: Array<{ id: string; name: string }> } | { ok: false; message: string };

const clean = (name: string) =>
  name
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NAME_LENGTH)
    .trim();

/** Checks one batch's structured output against the ids it was asked for. */
export function checkBatchNames(output: unknown, ids: readonly string[]): BatchNames {
  const list = (output as { names?: unknown } | null)?.names;
  if (!Array.isArray(list)) return { ok: false, message: 'the answer has no `names` list' };
  const asked = new Set(ids);
  const got = new Map<string, string>();
  for (const item of list) {
    const { id, name } = (item ?? {}) as { id?: unknown; name?: unknown };
    if (typeof id !== 'string' || !asked.has(id) || got.has(id) || typeof name !== 'string') continue;
    const cleaned = clean(name);
    if (cleaned) got.set(id, cleaned);
  }
  const missing = ids.filter((id) => !got.has(id));
  if (missing.length) return { ok: false, message: `the answer names ${got.size} of ${ids.length} layers; missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}` };
  return { ok: true, names: ids.map((id) => ({ id, name: got.get(id)! })) };
}

const words = (segment: string) => segment.split(/[\s_\-]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** A name in the project's casing; `/`-separated parts (Figma's variant paths) are cased one by one. */
export function applyConvention(name: string, convention: AiSettings['naming_convention']): string {
  if (convention === 'as_is') return name;
  const one = (segment: string): string => {
    const w = words(segment);
    if (!w.length) return segment.trim();
    switch (convention) {
      case 'title':
        return w.map(cap).join(' ');
      case 'sentence':
        return [cap(w[0]!), ...w.slice(1).map((x) => x.toLowerCase())].join(' ');
      case 'kebab':
        return w.map((x) => x.toLowerCase()).join('-');
      case 'snake':
        return w.map((x) => x.toLowerCase()).join('_');
      case 'camel':
        return [w[0]!.toLowerCase(), ...w.slice(1).map(cap)].join('');
      case 'pascal':
        return w.map(cap).join('');
    }
  };
  return name.split('/').map(one).filter(Boolean).join(' / ');
}

const suffix = (name: string, n: number, convention: AiSettings['naming_convention']) =>
  convention === 'kebab' ? `${name}-${n}` : convention === 'snake' ? `${name}_${n}` : convention === 'camel' || convention === 'pascal' ? `${name}${n}` : `${name} ${n}`;

/**
 * The final names of a job: proposed names (id → name) in the project's casing, unique among siblings (case
 * insensitive). Returns the names and the ids whose proposal was changed.
 */
export function finalNames(layers: readonly LayerInput[], proposed: ReadonlyMap<string, string>, convention: AiSettings['naming_convention']): { names: Map<string, string>; adjusted: string[] } {
  const taken = new Map<string, Set<string>>();
  const used = (path: string) => taken.get(path) ?? taken.set(path, new Set()).get(path)!;
  // a layer that keeps its old name holds it first
  for (const layer of layers) if (!proposed.has(layer.id)) used(layer.path).add(layer.name.toLowerCase());
  const names = new Map<string, string>();
  const adjusted: string[] = [];
  for (const layer of layers) {
    const proposal = proposed.get(layer.id);
    if (proposal === undefined) continue;
    const base = applyConvention(proposal, convention) || proposal;
    const siblings = used(layer.path);
    let name = base;
    for (let n = 2; siblings.has(name.toLowerCase()); n++) name = suffix(base, n, convention);
    siblings.add(name.toLowerCase());
    names.set(layer.id, name);
    if (name !== proposal) adjusted.push(layer.id);
  }
  return { names, adjusted };
}
