// Sync operations (issue 15, seed 003): the drifted components of the named (or every confirmed) mapping synced
// one by one, each atomically (component-sync.ts); the operation stored with ONE undo entry for what it applied.
// Its id is derived from the project, direction, sorted mapping ids and their diff hashes — and, once an earlier
// operation changed those components, that operation's id — so the same request on the same drift answers the
// stored operation (`replayed`), while a sync of a drift that came back (an undo, a re-ingest) runs again.
import { canonicalJson, sha256Hex, storyScaffold, testScaffold } from '@cogo/design-sync';
import type { SyncOperation } from '@cogo/types';
import { describeError } from '../../lib/logger';
import { storeArtifact } from '../artifacts';
import { audited, type ActionScope } from './action';
import { syncComponent, type ComponentOutcome, type ComponentResult, type Direction } from './component-sync';
import { driftOfMappings, type MappingDrift } from './drift.service';
import { listMappings, type MappingWithSides } from './mappings.repo';
import { operationView } from './operations.view';
import { statesHash } from './state';
import { findOperation, insertOperation, latestAppliedOperation, pushUndo } from './sync.repo';
import { ApiError } from '../../lib/errors';

export interface SyncRequest {
  direction: Direction;
  mapping_ids?: string[] | undefined;
}

/** Where design→code scaffolds go. */
export interface ArtifactTarget {
  bucket: R2Bucket;
  ttlDays: number;
}

/** The named mappings (404 for unknown ones, 409 for ones not confirmed), or every confirmed one. */
async function mappingsOf(scope: ActionScope, ids: readonly string[] | undefined): Promise<MappingWithSides[]> {
  const { projectId } = scope;
  if (!ids) return listMappings(scope.db(), projectId, { status: 'confirmed' });
  const unique = [...new Set(ids)];
  const rows = await listMappings(scope.db(), projectId, { ids: unique });
  const known = new Set(rows.map((r) => r.mapping.id));
  const unknown = unique.filter((id) => !known.has(id));
  if (unknown.length) throw new ApiError('NOT_FOUND', `no mapping ${unknown[0]} in this project${unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : ''}`, { mapping_ids: unknown });
  const unconfirmed = rows.filter((r) => r.mapping.status !== 'confirmed');
  if (unconfirmed.length) {
    throw new ApiError('CONFLICT', `mapping ${unconfirmed[0]!.mapping.id} is ${unconfirmed[0]!.mapping.status}: only confirmed mappings sync (confirm it with PATCH /design-sync/mappings/{id})`, {
      mappings: unconfirmed.map((r) => ({ id: r.mapping.id, status: r.mapping.status })),
    });
  }
  return rows;
}

/** The operation's id: `op_` + 32 hex of sha256 over what it syncs and the drift it syncs. */
async function operationId(projectId: string, direction: Direction, diffs: Record<string, string>, after: string | null): Promise<string> {
  const keyed = { project: projectId, direction, mapping_ids: Object.keys(diffs).sort(), diff_hashes: diffs, ...(after ? { after } : {}) };
  return `op_${(await sha256Hex(canonicalJson(keyed))).slice(0, 32)}`;
}

/** Stores a design→code component's story and test scaffolds; a storage failure leaves the component applied, without them. */
async function storeScaffolds(scope: ActionScope, target: ArtifactTarget, o: ComponentOutcome): Promise<ComponentResult> {
  if (!o.scaffold) return o.result;
  const { code, design, props } = o.scaffold;
  try {
    const artifacts = [];
    for (const file of [storyScaffold(code, design, props), testScaffold(code, design, props)]) {
      const pointer = await storeArtifact(scope.db(), target.bucket, { projectId: scope.projectId, kind: 'scaffold', contentType: 'text/typescript; charset=utf-8', body: file.content, traceId: scope.traceId, ttlDays: target.ttlDays });
      artifacts.push({ ...pointer, path: file.path });
    }
    return { ...o.result, artifacts };
  } catch (err) {
    scope.log.warn('design sync scaffolds not stored', { action: 'sync.run', correlationId: scope.traceId, mappingId: o.result.mapping_id, error: describeError(err) });
    return { ...o.result, artifacts: [] };
  }
}

function statusOf(results: readonly ComponentResult[]): SyncOperation['status'] {
  const applied = results.filter((r) => r.status === 'applied').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  if (applied === 0) return failed === 0 ? 'noop' : 'failed';
  return failed === 0 ? 'succeeded' : 'partial';
}

/** POST /design-sync/operations. */
export function runOperation(scope: ActionScope, target: ArtifactTarget, body: SyncRequest): Promise<SyncOperation> {
  return audited(scope, 'sync.run', async () => {
    const started = Date.now();
    const { projectId } = scope;
    const db = scope.db();
    let drifts: MappingDrift[] = await driftOfMappings(db, projectId, await mappingsOf(scope, body.mapping_ids));
    if (!body.mapping_ids) drifts = drifts.filter((d) => d.items.length > 0);
    const diffs = Object.fromEntries(drifts.map((d) => [d.m.mapping.id, d.diffHash]));
    const mappingIds = Object.keys(diffs).sort();
    const id = await operationId(projectId, body.direction, diffs, await latestAppliedOperation(db, projectId, mappingIds));

    const stored = await findOperation(db, projectId, id);
    if (stored) return { result: operationView(stored, true), subject: id, counts: { ...stored.counts, replayed: 1 } };

    const outcomes: ComponentOutcome[] = [];
    for (const d of drifts) {
      outcomes.push(d.items.length === 0 ? { result: { mapping_id: d.m.mapping.id, code_component: d.m.code.key, status: 'unchanged', changes: 0 } } : await syncComponent(scope, body.direction, d));
    }
    const results: ComponentResult[] = [];
    for (const o of outcomes) results.push(await storeScaffolds(scope, target, o));
    const count = (s: ComponentResult['status']) => results.filter((r) => r.status === s).length;
    const counts = { components: results.length, applied: count('applied'), unchanged: count('unchanged'), failed: count('failed'), changes: results.reduce((n, r) => n + r.changes, 0) };
    const entries = outcomes.flatMap((o) => (o.entry ? [o.entry] : []));

    const row = {
      id,
      projectId,
      direction: body.direction,
      mappingIds,
      diffHash: await sha256Hex(canonicalJson(diffs)),
      status: statusOf(results),
      results,
      counts,
      actor: scope.actor,
      traceId: scope.traceId,
      durationMs: Date.now() - started,
    };
    let evicted = 0;
    const written = await db.transaction(async (tx) => {
      const inserted = await insertOperation(tx, row);
      if (inserted && entries.length) {
        const preHash = await statesHash(entries.map((e) => ({ mapping_id: e.mapping_id, hash: e.pre_hash })));
        const postHash = await statesHash(entries.map((e) => ({ mapping_id: e.mapping_id, hash: e.post_hash })));
        evicted = await pushUndo(tx, { projectId, operationId: id, entries, preHash, postHash });
      }
      return inserted;
    });
    // a concurrent identical request stored it first (the components were locked: this one applied nothing)
    const result = written ? operationView(written, false) : operationView((await findOperation(db, projectId, id))!, true);
    return { result, subject: id, counts: { ...counts, evicted } };
  });
}
