// Drift (issue 15): per confirmed mapping, @cogo/design-sync's driftOf between its registry component, its stored
// Figma component and its baseline, with the file's newest tokens. A report is cached on the mapping row, keyed by
// what it was computed from — both sides' content hashes (the design's "gone"), the baseline and props map, the
// tokens' version — and reused while every key is equal. `diff_hash` (sha256 of the canonical items) is what a
// sync operation is keyed by.
import type { Db } from '@cogo/db';
import { canonicalJson, driftOf, sha256Hex, tokenValuesFor, type DriftItem, type MappingBaseline } from '@cogo/design-sync';
import type { DriftResponse } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { listMappings, writeDriftCaches, type MappingWithSides } from './mappings.repo';
import type { Tx } from './registry.repo';
import { codeOf, designOf, latestTokenHash, latestTokens } from './sides';

/** Bumped when driftOf's rules change: a report cached by an older rule set is recomputed. */
const DRIFT_RULES = 1;

/** One mapping's drift. */
export interface MappingDrift {
  m: MappingWithSides;
  items: DriftItem[];
  /** Figma property name → code prop name, as driftOf matched them. */
  props: Record<string, string>;
  diffHash: string;
  cached: boolean;
}

interface CacheKeys {
  rules: number;
  code_hash: string;
  design_hash: string;
  baseline_hash: string;
  props_hash: string;
  tokens_hash: string;
}

interface DriftCache extends CacheKeys {
  report: { items: DriftItem[]; props: Record<string, string>; diff_hash: string };
}

async function keysOf(m: MappingWithSides, tokensHash: string | null): Promise<CacheKeys> {
  return {
    rules: DRIFT_RULES,
    code_hash: m.code.contentHash,
    design_hash: m.design?.contentHash ?? 'gone',
    baseline_hash: await sha256Hex(canonicalJson(m.mapping.baseline ?? null)),
    props_hash: await sha256Hex(canonicalJson(m.mapping.props)),
    tokens_hash: tokensHash ?? 'none',
  };
}

function reusable(cache: Record<string, unknown> | null, keys: CacheKeys): DriftCache['report'] | null {
  if (!cache || typeof cache.report !== 'object' || cache.report === null) return null;
  for (const [k, v] of Object.entries(keys)) if (cache[k] !== v) return null;
  return cache.report as DriftCache['report'];
}

/** sha256 of canonical drift items. */
export const diffHashOf = (items: readonly DriftItem[]): Promise<string> => sha256Hex(canonicalJson(items));

/** driftOf for one mapping with its sides as given, and the file's tokens document. */
export function computeDrift(m: MappingWithSides, tokens: Record<string, unknown> | null): { items: DriftItem[]; props: Record<string, string> } {
  const design = m.design ? designOf(m.design) : null;
  return driftOf({
    code: codeOf(m.code),
    design,
    baseline: (m.mapping.baseline as MappingBaseline | null) ?? null,
    tokens: design ? tokenValuesFor(design.boundVariables, tokens) : {},
    props: m.mapping.props,
  });
}

/**
 * Drift of each mapping, from its cache when every key is equal, else computed (the tokens document of a file is
 * read once, and only when one of its mappings is recomputed) and cached. Order of `mappings` kept.
 */
export async function driftOfMappings(db: Db | Tx, projectId: string, mappings: readonly MappingWithSides[]): Promise<MappingDrift[]> {
  const files = [...new Set(mappings.map((m) => m.mapping.fileKey))];
  const tokenHashes = new Map(await Promise.all(files.map(async (f) => [f, await latestTokenHash(db, projectId, f)] as const)));
  const docs = new Map<string, Promise<Record<string, unknown> | null>>();
  const tokensOf = (f: string) => docs.get(f) ?? docs.set(f, latestTokens(db, projectId, f)).get(f)!;

  const out: MappingDrift[] = [];
  const fresh: Array<{ id: string; cache: Record<string, unknown> }> = [];
  for (const m of mappings) {
    const keys = await keysOf(m, tokenHashes.get(m.mapping.fileKey) ?? null);
    const hit = reusable(m.mapping.driftCache, keys);
    if (hit) {
      out.push({ m, items: hit.items, props: hit.props, diffHash: hit.diff_hash, cached: true });
      continue;
    }
    const { items, props } = computeDrift(m, await tokensOf(m.mapping.fileKey));
    const diffHash = await diffHashOf(items);
    const cache: DriftCache = { ...keys, report: { items, props, diff_hash: diffHash } };
    fresh.push({ id: m.mapping.id, cache: cache as unknown as Record<string, unknown> });
    out.push({ m, items, props, diffHash, cached: false });
  }
  await writeDriftCaches(db, projectId, fresh);
  return out;
}

export interface DriftQuery {
  file_key?: string;
  mapping_id?: string;
  only_drifted: boolean;
}

/** The confirmed mappings a drift request names: all (of a file), or one — 404 when unknown or not confirmed. */
export async function confirmedMappings(db: Db, projectId: string, query: Pick<DriftQuery, 'file_key' | 'mapping_id'>): Promise<MappingWithSides[]> {
  const filter = { ...(query.file_key ? { fileKey: query.file_key } : {}), ...(query.mapping_id ? { ids: [query.mapping_id] } : {}) };
  if (!query.mapping_id) return listMappings(db, projectId, { ...filter, status: 'confirmed' });
  const rows = await listMappings(db, projectId, filter);
  if (rows.length === 0) throw new ApiError('NOT_FOUND', `no mapping ${query.mapping_id} in this project${query.file_key ? ` for file ${query.file_key}` : ''}`, { mapping_id: query.mapping_id });
  if (rows[0]!.mapping.status !== 'confirmed') {
    throw new ApiError('NOT_FOUND', `mapping ${query.mapping_id} is ${rows[0]!.mapping.status}, not confirmed: drift is measured for confirmed mappings only`, { mapping_id: query.mapping_id, status: rows[0]!.mapping.status });
  }
  return rows;
}

/** GET /design-sync/drift: drift of the confirmed mappings; counts cover every mapping examined. */
export async function driftReport(db: Db, projectId: string, traceId: string, query: DriftQuery): Promise<DriftResponse> {
  const drifts = await driftOfMappings(db, projectId, await confirmedMappings(db, projectId, query));
  const byKind: Record<string, number> = {};
  for (const d of drifts) for (const i of d.items) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
  const shown = query.only_drifted ? drifts.filter((d) => d.items.length > 0) : drifts;
  return {
    mappings: shown.map(({ m, items, diffHash, cached }) => ({
      mapping_id: m.mapping.id,
      code_component: { id: m.code.id, key: m.code.key, name: m.code.name },
      figma: { file_key: m.mapping.fileKey, node_id: m.mapping.nodeId, name: m.design?.name ?? null },
      items,
      diff_hash: diffHash,
      cached,
    })),
    counts: {
      mappings: drifts.length,
      drifted: drifts.filter((d) => d.items.length > 0).length,
      items: drifts.reduce((n, d) => n + d.items.length, 0),
      cached: drifts.filter((d) => d.cached).length,
    },
    by_kind: byKind,
    trace_id: traceId,
  };
}
