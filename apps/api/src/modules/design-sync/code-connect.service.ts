// Code Connect both ways: the explicit mappings of an ingested Code Connect file stored as confirmed mappings (the
// Figma side must be a component set or standalone component figma-context stored, else a warning), and the
// project's mappings exported as `<Name>.figma.tsx` templates.
import type { Db } from '@cogo/db';
import { canonicalJson, codeConnectFile, designComponentsFromRows, matchDesignProps, type DesignComponent, type ExplicitMapping, type RegistryWarning } from '@cogo/design-sync';
import { listMappings, storedDesignRows, upsertMapping, type MappingWithSides } from './mappings.repo';
import type { CodeComponentRow, Tx } from './registry.repo';
import { baselineOf, codeOf, designOf, latestTokens } from './sides';

const pairKey = (codeId: string, fileKey: string, nodeId: string) => `${codeId}\u0000${fileKey}\u0000${nodeId}`;

/** The registry component a Code Connect entry names: by key, else by name when exactly one component has it. */
function codeFor(rows: readonly CodeComponentRow[], byKey: Map<string, CodeComponentRow>, component: string): CodeComponentRow | undefined {
  const keyed = byKey.get(component);
  if (keyed) return keyed;
  const named = rows.filter((r) => r.name === component);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Stores each explicit mapping as confirmed (source `code_connect`), its props map matched over the given pairs and
 * its baseline recorded when it becomes confirmed; one already confirmed with the same props is left as it is.
 */
export async function storeCodeConnectMappings(
  tx: Tx,
  projectId: string,
  explicit: readonly ExplicitMapping[],
  codeRows: readonly CodeComponentRow[],
  existing: readonly MappingWithSides[],
) {
  const byKey = new Map(codeRows.map((r) => [r.key, r]));
  const prior = new Map(existing.map((m) => [pairKey(m.mapping.codeComponentId, m.mapping.fileKey, m.mapping.nodeId), m.mapping]));
  const designs = new Map<string, Promise<Map<string, DesignComponent>>>();
  const tokens = new Map<string, Promise<Record<string, unknown> | null>>();
  const designsOf = (fileKey: string) => {
    let found = designs.get(fileKey);
    if (!found) designs.set(fileKey, (found = storedDesignRows(tx, projectId, fileKey).then((rows) => new Map(designComponentsFromRows(rows).map((d) => [d.nodeId, d])))));
    return found;
  };
  const tokensOf = (fileKey: string) => {
    let found = tokens.get(fileKey);
    if (!found) tokens.set(fileKey, (found = latestTokens(tx, projectId, fileKey)));
    return found;
  };
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const warnings: RegistryWarning[] = [];
  for (const e of explicit) {
    const code = codeFor(codeRows, byKey, e.component);
    if (!code) {
      warnings.push({ path: 'code_connect', message: `no registry component "${e.component}" (by key or unique name): mapping to node ${e.nodeId} of file ${e.fileKey} skipped` });
      continue;
    }
    const design = (await designsOf(e.fileKey)).get(e.nodeId);
    if (!design) {
      warnings.push({ path: 'code_connect', message: `node ${e.nodeId} of file ${e.fileKey} is not a stored component set or component of this project (apply the file with POST /figma-context/apply): mapping of "${code.key}" skipped` });
      continue;
    }
    const props = matchDesignProps(design, codeOf(code), e.props);
    const key = pairKey(code.id, e.fileKey, e.nodeId);
    const before = prior.get(key);
    const confirmed = before?.status === 'confirmed';
    if (confirmed && before.source === 'code_connect' && canonicalJson(before.props) === canonicalJson(props)) {
      counts.unchanged++;
      continue;
    }
    // a mapping confirmed before keeps its baseline: drift stays measured against the last confirmation or sync
    const baseline = confirmed && before.baseline ? before.baseline : baselineOf(design, await tokensOf(e.fileKey));
    const { row, inserted } = await upsertMapping(tx, { projectId, codeComponentId: code.id, fileKey: e.fileKey, nodeId: e.nodeId, status: 'confirmed', source: 'code_connect', confidence: null, props, baseline: { ...baseline } });
    prior.set(key, row);
    counts[inserted ? 'inserted' : 'updated']++;
  }
  return { counts, warnings };
}

/** The Figma URL Code Connect names a node by (`node-id` with `-` for `:`). */
export const figmaNodeUrl = (fileKey: string, nodeId: string) => `https://www.figma.com/design/${fileKey}/?node-id=${encodeURIComponent(nodeId.replaceAll(':', '-'))}`;

/** One Code Connect file per mapping of the status asked (`all`: confirmed and suggested) whose Figma component is stored. */
export async function exportCodeConnect(db: Db, projectId: string, status: 'confirmed' | 'suggested' | 'all') {
  const mappings = await listMappings(db, projectId, status === 'all' ? {} : { status });
  const files: Array<{ path: string; content: string; mapping_id: string }> = [];
  for (const { mapping, code, design: row } of mappings) {
    if (mapping.status === 'rejected' || !row) continue;
    const design = designOf(row);
    if (!design) continue;
    const file = codeConnectFile(codeOf(code), design, mapping.props, figmaNodeUrl(mapping.fileKey, mapping.nodeId));
    files.push({ path: file.path, content: file.content, mapping_id: mapping.id });
  }
  return files;
}
