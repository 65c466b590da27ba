// The state of a component a sync touches — its mapping row, its registry row and its stored Figma row — in
// canonical form (what a sync or an undo writes, never timestamps of the write or the drift cache, which a drift
// request rewrites at will), and its hash. An undo entry keeps the state before and after a sync; an undo restores
// the former only while the component is still in the latter, and checks the restored hash.
import { canonicalJson, sha256Hex } from '@cogo/design-sync';
import { listMappings, lockMappings, type MappingWithSides } from './mappings.repo';
import type { Tx } from './registry.repo';

export interface ComponentState {
  mapping: { id: string; status: string; props: Record<string, string>; baseline: Record<string, unknown> | null; synced_at: string | null };
  code: { id: string; key: string; name: string; import_path: string | null; component_path: string | null; description: string | null; props: unknown[]; stories: unknown[]; content_hash: string };
  /** null: the Figma component is no longer stored. */
  design: { id: string; file_key: string; node_id: string; name: string; type: string; props: Record<string, unknown>; content_hash: string } | null;
}

/** The canonical state of a mapping with its sides. */
export function stateOf({ mapping, code, design }: MappingWithSides): ComponentState {
  return {
    mapping: { id: mapping.id, status: mapping.status, props: mapping.props, baseline: mapping.baseline, synced_at: mapping.syncedAt?.toISOString() ?? null },
    code: {
      id: code.id,
      key: code.key,
      name: code.name,
      import_path: code.importPath,
      component_path: code.componentPath,
      description: code.description,
      props: code.props,
      stories: code.stories,
      content_hash: code.contentHash,
    },
    design: design ? { id: design.id, file_key: design.fileKey, node_id: design.nodeId, name: design.name, type: design.type, props: design.props, content_hash: design.contentHash } : null,
  };
}

/** sha256 (hex) of a state's canonical JSON. */
export const stateHash = (state: ComponentState): Promise<string> => sha256Hex(canonicalJson(state));

/** sha256 of several components' state hashes, in mapping id order: what an undo entry's pre/post hash is. */
export function statesHash(hashes: ReadonlyArray<{ mapping_id: string; hash: string }>): Promise<string> {
  const sorted = [...hashes].sort((a, b) => (a.mapping_id < b.mapping_id ? -1 : a.mapping_id > b.mapping_id ? 1 : 0));
  return sha256Hex(canonicalJson(sorted.map((h) => [h.mapping_id, h.hash])));
}

/**
 * Locks the mappings' rows for the rest of `tx` (two syncs or an undo never interleave on a component) and reads
 * them with their sides, by mapping id; a mapping deleted meanwhile (its code component pruned) is absent.
 */
export async function readLocked(tx: Tx, projectId: string, mappingIds: readonly string[]): Promise<Map<string, MappingWithSides>> {
  await lockMappings(tx, projectId, mappingIds);
  const rows = await listMappings(tx, projectId, { ids: mappingIds });
  return new Map(rows.map((r) => [r.mapping.id, r]));
}
