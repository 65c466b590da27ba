// One component of a sync operation, in its own transaction: its mapping locked, its state read (pre), the side
// that is not the truth rewritten (design_to_code: the registry's props; code_to_design: the stored Figma
// component's property definitions, its content hash recomputed as figma-context computes it), the baseline
// refreshed, the state read again (post). A component whose Figma or code side is gone fails alone; so does one
// whose write fails — the others still apply.
import { codePropsFromDesign, designDefinitionsFromCode, type CodeComponent, type DesignComponent, type DriftItem } from '@cogo/design-sync';
import type { SyncOperation } from '@cogo/types';
import { describeError } from '../../lib/logger';
import { componentRows } from '../figma-context/apply-rows';
import type { ActionScope } from './action';
import { computeDrift, type MappingDrift } from './drift.service';
import { updateMapping, writeDesignProps, type MappingWithSides } from './mappings.repo';
import { writeCodeProps, type Tx } from './registry.repo';
import { componentWrite } from './registry.service';
import { baselineOf, codeOf, designOf, latestTokens } from './sides';
import { readLocked, stateHash, stateOf, type ComponentState } from './state';

export type Direction = SyncOperation['direction'];
export type ComponentResult = SyncOperation['results'][number];

/** What an undo entry keeps of one applied component. */
export interface UndoEntry {
  mapping_id: string;
  pre: ComponentState;
  post: ComponentState;
  pre_hash: string;
  post_hash: string;
}

/** One component's outcome; an applied design→code sync carries what its scaffolds are generated from. */
export interface ComponentOutcome {
  result: ComponentResult;
  entry?: UndoEntry;
  scaffold?: { code: CodeComponent; design: DesignComponent; props: Record<string, string> };
}

const REMOVED: Partial<Record<DriftItem['kind'], string>> = {
  design_removed: 'the Figma component is no longer stored (deleted from the file, or not applied): there is nothing to sync with',
  code_removed: 'the coded component is no longer in the registry: there is nothing to sync with',
};

const failed = (d: MappingDrift, code: string, message: string): ComponentOutcome => ({
  result: { mapping_id: d.m.mapping.id, code_component: d.m.code.key, status: 'failed', changes: 0, error: { code, message } },
});

/** Writes the side that is not the truth; answers what the scaffolds need (design→code) or nothing. */
async function write(tx: Tx, projectId: string, direction: Direction, m: MappingWithSides, design: DesignComponent, props: Record<string, string>) {
  const code = codeOf(m.code);
  const tokens = await latestTokens(tx, projectId, m.mapping.fileKey);
  if (direction === 'design_to_code') {
    const synced = { ...code, props: codePropsFromDesign(code, design, props) };
    await writeCodeProps(tx, projectId, m.code.id, synced.props, (await componentWrite(synced)).contentHash);
    await updateMapping(tx, projectId, m.mapping.id, { baseline: { ...baselineOf(design, tokens) }, syncedAt: new Date() });
    return { code: synced, design, props };
  }
  const row = m.design!;
  const stored = { ...row.props, definitions: designDefinitionsFromCode(code, design, props) };
  const [hashed] = await componentRows(projectId, row.fileKey, [{ node_id: row.nodeId, name: row.name, type: row.type, props: stored }]);
  await writeDesignProps(tx, projectId, row.id, stored, hashed!.contentHash);
  const after = designOf({ ...row, props: stored })!;
  await updateMapping(tx, projectId, m.mapping.id, { baseline: { ...baselineOf(after, tokens) }, syncedAt: new Date() });
  return undefined;
}

/**
 * Syncs one drifted component in its own transaction. The drift is measured again on the locked rows (the sides
 * may have moved since the request's drift), so what is written is always against the current state.
 */
export async function syncComponent(scope: ActionScope, direction: Direction, d: MappingDrift): Promise<ComponentOutcome> {
  const { projectId } = scope;
  const id = d.m.mapping.id;
  try {
    return await scope.db().transaction(async (tx): Promise<ComponentOutcome> => {
      const m = (await readLocked(tx, projectId, [id])).get(id);
      if (!m) return failed(d, 'MAPPING_REMOVED', 'the mapping is gone (its coded component was pruned from the registry)');
      if (m.mapping.status !== 'confirmed') return failed(d, 'NOT_CONFIRMED', `the mapping is ${m.mapping.status} now: only confirmed mappings sync`);
      const { items, props } = computeDrift(m, await latestTokens(tx, projectId, m.mapping.fileKey));
      const removed = items.find((i) => REMOVED[i.kind]);
      if (removed) return failed(d, removed.kind.toUpperCase(), REMOVED[removed.kind]!);
      const design = m.design ? designOf(m.design) : null;
      if (!design) return failed(d, 'DESIGN_REMOVED', REMOVED.design_removed!);
      if (items.length === 0) return { result: { mapping_id: id, code_component: m.code.key, status: 'unchanged', changes: 0 } };

      const pre = stateOf(m);
      const scaffold = await write(tx, projectId, direction, m, design, props);
      const post = stateOf((await readLocked(tx, projectId, [id])).get(id)!);
      const entry = { mapping_id: id, pre, post, pre_hash: await stateHash(pre), post_hash: await stateHash(post) };
      return { result: { mapping_id: id, code_component: m.code.key, status: 'applied', changes: items.length }, entry, ...(scaffold ? { scaffold } : {}) };
    });
  } catch (err) {
    // this component's transaction rolled back; the operation goes on with the others
    scope.log.warn('design sync component failed', { action: 'sync.run', correlationId: scope.traceId, mappingId: id, error: describeError(err) });
    return failed(d, 'WRITE_FAILED', 'the component could not be written; nothing of it changed');
  }
}
