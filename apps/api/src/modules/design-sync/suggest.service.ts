// Mapping suggestions (issue 15): registry components and stored Figma component sets / standalone components that
// are in no confirmed or suggested mapping, paired by name and prop similarity (@cogo/design-sync suggestMappings),
// stored as `suggested` for a person to confirm. A pair once rejected is never suggested again.
import { designComponentsFromRows, suggestMappings } from '@cogo/design-sync';
import type { ComponentMapping } from '@cogo/types';
import { audited, type ActionScope } from './action';
import { mappingView } from './mappings.service';
import { listMappings, storedDesignRows, upsertMapping } from './mappings.repo';
import { allCodeComponents } from './registry.repo';
import { codeOf } from './sides';

const pairKey = (codeId: string, fileKey: string, nodeId: string) => `${codeId}\u0000${fileKey}\u0000${nodeId}`;
const nodeKey = (fileKey: string, nodeId: string) => `${fileKey}\u0000${nodeId}`;

export interface SuggestInput {
  file_key?: string;
  min_confidence: number;
}

/** Suggests and stores mappings for the unmapped components on both sides; answers them with counts. */
export function suggestMappingsFor(scope: ActionScope, input: SuggestInput) {
  return audited(scope, 'mapping.suggest', async () => {
    const db = scope.db();
    const { projectId } = scope;
    const [codeRows, designRows, mappings] = await Promise.all([allCodeComponents(db, projectId), storedDesignRows(db, projectId, input.file_key), listMappings(db, projectId, {})]);
    const live = mappings.filter((m) => m.mapping.status !== 'rejected');
    const mappedCode = new Set(live.map((m) => m.mapping.codeComponentId));
    const mappedDesign = new Set(live.map((m) => nodeKey(m.mapping.fileKey, m.mapping.nodeId)));
    const rejected = new Set(mappings.filter((m) => m.mapping.status === 'rejected').map((m) => pairKey(m.mapping.codeComponentId, m.mapping.fileKey, m.mapping.nodeId)));

    const code = codeRows.filter((r) => !mappedCode.has(r.id));
    const design = designComponentsFromRows(designRows).filter((d) => !mappedDesign.has(nodeKey(d.fileKey, d.nodeId)));
    const byKey = new Map(code.map((r) => [r.key, r]));
    const names = new Map(designRows.map((r) => [nodeKey(r.fileKey, r.nodeId), r.name]));

    let dropped = 0;
    const chosen = suggestMappings(code.map(codeOf), design, { minConfidence: input.min_confidence }).flatMap((s) => {
      const row = byKey.get(s.component);
      if (!row) return [];
      if (rejected.has(pairKey(row.id, s.fileKey, s.nodeId))) {
        dropped++;
        return [];
      }
      return [{ s, row }];
    });
    const suggested: ComponentMapping[] = [];
    await db.transaction(async (tx) => {
      for (const { s, row } of chosen) {
        const { row: written } = await upsertMapping(tx, { projectId, codeComponentId: row.id, fileKey: s.fileKey, nodeId: s.nodeId, status: 'suggested', source: 'suggested', confidence: s.confidence, props: s.props, baseline: null });
        suggested.push(mappingView(written, row, names.get(nodeKey(s.fileKey, s.nodeId)) ?? null));
      }
    });
    const counts = { code_components: code.length, figma_components: design.length, suggested: suggested.length, already_mapped: codeRows.length - code.length, rejected: dropped };
    return { result: { suggested, counts, trace_id: scope.traceId }, counts };
  });
}
