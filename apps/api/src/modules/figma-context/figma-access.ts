// How a request reads a Figma file: the project's token, a client that never waits past START_MAX_WAIT_MS for its
// next slot (a longer wait is a 429 naming it), and — before any Tier-1 call — the file's version proven with that
// token's own /meta call, so the client replays what the version cache holds of that version (version-cache.ts).
// A start, MCP's get_metadata and get_design_context open a file this one way.
import type { Context } from 'hono';
import type { AppConfig } from '../../env';
import { ApiError } from '../../lib/errors';
import { backgroundPause } from '../../lib/foreground';
import { isolateSlots } from '../../lib/isolate-slots';
import { FigmaError, waitDetails, type FigmaClient } from './figma.client';
import { figmaClientFor } from './figma-context.outbound';
import { figmaTokenFor } from './figma-context.token';
import { cachedIndex, proveVersion, withVersionCache, type CacheTally, type DeferredStores, type VersionCacheRef } from './version-cache';

/** Longest a start waits for the token's next Figma slot. */
export const START_MAX_WAIT_MS = 5_000;

/**
 * The isolate's Figma answer slots (FIGMA_CHUNK_SLOTS): a producer's chunk, or a start's skeleton, is fetched and
 * worked on holding one, so the isolate's heap holds only so many Figma answers at once.
 */
export const figmaChunkSlots = (config: Pick<AppConfig, 'FIGMA_CHUNK_SLOTS'>) => isolateSlots('figma-answers', config.FIGMA_CHUNK_SLOTS);

/** A Figma failure as an API error (429 keeps Retry-After; rate limits and quotas name the retry time, limit type and upgrade link). */
export function apiErrorOf(err: FigmaError): ApiError {
  const headers: Record<string, string> = err.info.retryAfterMs ? { 'Retry-After': String(Math.ceil(err.info.retryAfterMs / 1000)) } : {};
  const waited = err.code === 'FIGMA_RATE_LIMITED' || err.code === 'FIGMA_QUOTA_EXHAUSTED';
  return new ApiError(err.code, err.message, waited ? waitDetails(err.info) : undefined, headers);
}

/** A file opened for reading. */
export interface FigmaAccess {
  /** Through the version cache when the version is known; `tally` counts its calls by tier and its replays. */
  figma: FigmaClient & { tally: CacheTally };
  /** The file's version (null: unknown, or the cache is off — nothing replays). */
  version: string | null;
  cacheRef: VersionCacheRef | null;
  /** Why nothing replays, when nothing does. */
  cacheNote: string | null;
  /** Tier-2 calls sent before `figma` (the /meta proof). */
  metaCalls: number;
  token: string;
  source: 'vault' | 'env';
}

/** Opens `fileKey` for the request's project; a refused token or a missing file (403/404 on /meta) is thrown as the API error. */
export async function openFigmaFile(c: Context, fileKey: string, stores: DeferredStores): Promise<FigmaAccess> {
  const config = c.get('config');
  const { token, source } = await figmaTokenFor(c);
  // bodies kept: the cache stores start's answers (a skeleton can be megabytes) as they came, after the answer
  const plain = figmaClientFor(config, token, c.get('traceId'), undefined, () => START_MAX_WAIT_MS, config.FIGMA_VERSION_CACHE);
  const base = { token, source, cacheRef: null, version: null };
  if (!config.FIGMA_VERSION_CACHE) return { ...base, figma: withVersionCache(plain, null), metaCalls: 0, cacheNote: 'FIGMA_VERSION_CACHE=false: every answer is fetched from Figma' };
  let proof;
  try {
    proof = await proveVersion(plain, fileKey);
  } catch (err) {
    throw err instanceof FigmaError ? apiErrorOf(err) : err;
  }
  if (!proof.ok) return { ...base, figma: withVersionCache(plain, null), metaCalls: 1, cacheNote: proof.note };
  const log = c.get('log');
  const onError = (err: unknown) => log.warn('figma version cache', { error: err instanceof Error ? err.message : String(err) });
  const cacheRef: VersionCacheRef = { db: stores.db(), bucket: config.FIGMA_CACHE, fileKey, version: proof.version, budgetBytes: config.FIGMA_MAX_RESPONSE_BYTES, onError, defer: stores.defer, pause: backgroundPause(config) };
  // one read of what the cache holds of this version, instead of a lookup before every request
  cacheRef.known = cachedIndex(cacheRef).catch((err: unknown) => {
    onError(err);
    return null;
  });
  return { ...base, figma: withVersionCache(plain, cacheRef), version: proof.version, cacheRef, cacheNote: null, metaCalls: 1 };
}
