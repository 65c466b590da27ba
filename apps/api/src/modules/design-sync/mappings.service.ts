// Mappings of a coded component to a stored Figma component set or component: created explicitly (confirmed),
// confirmed or rejected (a rejected pair is never suggested again). Confirming records the baseline drift is
// measured against: the Figma name and the bound tokens' values now.
import type { Db } from '@cogo/db';
import { matchDesignProps, type DesignComponent } from '@cogo/design-sync';
import type { ComponentMapping, CreateMappingRequestSchema, MappingListQuerySchema, UpdateMappingRequestSchema } from '@cogo/types';
import type { z } from 'zod';
import { ApiError } from '../../lib/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../lib/keyset-cursor';
import { audited, type ActionScope } from './action';
import { findDesignRow, listMappings, updateMapping as writeMapping, upsertMapping, type MappingRow, type MappingWithSides } from './mappings.repo';
import { findCodeComponent } from './registry.repo';
import { baselineOf, codeOf, designOf, latestTokens } from './sides';

type CreateMappingRequest = z.infer<typeof CreateMappingRequestSchema>;
type UpdateMappingRequest = z.infer<typeof UpdateMappingRequestSchema>;
type MappingListQuery = z.infer<typeof MappingListQuerySchema>;

/** The contract's view of a mapping; `figma.name` is the stored component's (null once it is no longer stored). */
export function mappingView(mapping: MappingRow, code: { id: string; key: string; name: string }, figmaName: string | null): ComponentMapping {
  return {
    id: mapping.id,
    code_component: { id: code.id, key: code.key, name: code.name },
    figma: { file_key: mapping.fileKey, node_id: mapping.nodeId, name: figmaName },
    status: mapping.status as ComponentMapping['status'],
    source: mapping.source as ComponentMapping['source'],
    confidence: mapping.confidence,
    props: mapping.props,
    synced_at: mapping.syncedAt?.toISOString() ?? null,
    updated_at: mapping.updatedAt.toISOString(),
  };
}

const viewOf = (m: MappingWithSides) => mappingView(m.mapping, m.code, m.design?.name ?? null);

/** One keyset page of mappings (filtered by status and file), oldest first; a forged cursor is a 400. */
export async function mappingsPage(db: Db, projectId: string, query: MappingListQuery) {
  const position = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const rows = await listMappings(db, projectId, { status: query.status, fileKey: query.file_key }, query.limit + 1, position);
  const items = rows.slice(0, query.limit);
  return { items: items.map(viewOf), nextCursor: rows.length > query.limit ? encodeKeysetCursor(items[items.length - 1]!.mapping) : null };
}

/** The stored Figma component set or standalone component at (file, node); 404 naming what is missing. */
async function storedDesign(db: Db, projectId: string, fileKey: string, nodeId: string): Promise<{ design: DesignComponent; name: string }> {
  const row = await findDesignRow(db, projectId, fileKey, nodeId);
  if (!row) throw new ApiError('NOT_FOUND', `no stored Figma component at node ${nodeId} of file ${fileKey} (apply the file with POST /figma-context/apply)`, { file_key: fileKey, node_id: nodeId });
  const setId = row.props.set_id;
  if (typeof setId === 'string') {
    throw new ApiError('NOT_FOUND', `node ${nodeId} of file ${fileKey} is a variant: map its component set (node ${setId})`, { file_key: fileKey, node_id: nodeId, set_id: setId });
  }
  const design = designOf(row);
  if (!design) throw new ApiError('NOT_FOUND', `node ${nodeId} of file ${fileKey} is not a stored component set or component`, { file_key: fileKey, node_id: nodeId });
  return { design, name: row.name };
}

/**
 * Maps a registry component (by key or id) to a stored Figma component, confirmed; its props map is the given
 * pairs completed by name matching. Mapping a confirmed pair again updates its props and keeps its baseline.
 */
export function createMapping(scope: ActionScope, body: CreateMappingRequest): Promise<ComponentMapping> {
  return audited(scope, 'mapping.create', async () => {
    const db = scope.db();
    const { projectId } = scope;
    const code = await findCodeComponent(db, projectId, body.code_component);
    if (!code) throw new ApiError('NOT_FOUND', `no registry component "${body.code_component}" (by key or id): ingest it with POST /design-sync/registry`, { code_component: body.code_component });
    const { design, name } = await storedDesign(db, projectId, body.file_key, body.node_id);
    const [before] = await listMappings(db, projectId, { codeComponentId: code.id, fileKey: body.file_key, nodeId: body.node_id });
    const props = matchDesignProps(design, codeOf(code), body.props);
    const kept = before?.mapping.status === 'confirmed' ? before.mapping.baseline : null;
    const baseline = kept ?? { ...baselineOf(design, await latestTokens(db, projectId, body.file_key)) };
    const { row, inserted } = await upsertMapping(db, { projectId, codeComponentId: code.id, fileKey: body.file_key, nodeId: body.node_id, status: 'confirmed', source: 'explicit', confidence: null, props, baseline });
    return { result: mappingView(row, code, name), subject: row.id, counts: { inserted: inserted ? 1 : 0, updated: inserted ? 0 : 1, props: Object.keys(props).length } };
  });
}

/** Confirms (recording the baseline now) or rejects a mapping; 404 for an unknown one, or a Figma side no longer stored. */
export function updateMapping(scope: ActionScope, id: string, body: UpdateMappingRequest): Promise<ComponentMapping> {
  const action = body.status === 'confirmed' ? 'mapping.confirm' : 'mapping.reject';
  return audited(scope, action, async () => {
    const db = scope.db();
    const { projectId } = scope;
    const [found] = await listMappings(db, projectId, { ids: [id] });
    if (!found) throw new ApiError('NOT_FOUND', `no mapping ${id} in this project`);
    const { mapping, code, design: row } = found;
    let set: Parameters<typeof writeMapping>[3];
    if (body.status === 'confirmed') {
      const design = row ? designOf(row) : null;
      if (!design) {
        throw new ApiError('NOT_FOUND', `the Figma component of mapping ${id} (node ${mapping.nodeId} of file ${mapping.fileKey}) is no longer stored: it cannot be confirmed`, {
          file_key: mapping.fileKey,
          node_id: mapping.nodeId,
        });
      }
      const props = body.props ? matchDesignProps(design, codeOf(code), body.props) : mapping.props;
      set = { status: 'confirmed', props, baseline: { ...baselineOf(design, await latestTokens(db, projectId, mapping.fileKey)) } };
    } else {
      set = { status: 'rejected', ...(body.props ? { props: body.props } : {}) };
    }
    const written = await writeMapping(db, projectId, id, set);
    if (!written) throw new ApiError('NOT_FOUND', `no mapping ${id} in this project`);
    return { result: mappingView(written, code, row?.name ?? null), subject: id, counts: { props: Object.keys(written.props).length } };
  });
}
