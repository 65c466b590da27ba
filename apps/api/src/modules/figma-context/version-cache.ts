// Figma version cache (issue 8): one Tier-1 fetch per file version, shared safely.
// - A job first asks `GET /v1/files/:key/meta` (Tier 2) with its project's own token: the answer proves that
//   token may read the file and names its `version`. Only then may the job read the cache, and only entries of
//   that file and version — so no project sees anything its own token could not fetch. A 403/404 there fails
//   the start (never reading the cache); any other failure (rate limited, quota, 5xx) runs the job without the
//   cache ("bypass"), saying so.
// - What is kept: Figma's raw answers, per request (skeleton, scope lookups, variables, each chunk's /nodes),
//   content-addressed by (file_key, version, format, sha256 of the request): Postgres holds the index, R2
//   (FIGMA_CACHE) the bytes. Raw answers stay valid whatever the extractor does with them, so a change of
//   compaction output replays through the new code with no Figma call; `format` changes only if what is stored
//   changes. A "too large" answer is kept too (with the budget it exceeded), so a replay splits a chunk exactly
//   as the first run did, without asking Figma again.
// - An answer whose own `version` is not the job's (the file changed after /meta) is served but not stored.
import type { Db, DbHandle } from '@cogo/db';
import type { Context } from 'hono';
import { tenantDb } from '../../lib/db';
import type { AppConfig } from '../../env';
import { sha256Hex } from '../../lib/crypto';
import { OutboundError } from '../../lib/http-client';
import { backgroundPause } from '../../lib/foreground';
import { parseJsonPaced } from '../../lib/json-paced';
import { FigmaError, type FigmaClient } from './figma.client';
import { cachedScopes, findCacheEntry, insertCacheEntry, type IndexedEntry } from './version-cache.repo';

/** What the cache stores: Figma's raw JSON answers, format 1. Not the extractor's version (see above). */
export const FIGMA_CACHE_FORMAT = 'raw-1';

/** One file version a job may read and write. */
export interface VersionCacheRef {
  db: Db;
  bucket: R2Bucket;
  fileKey: string;
  version: string;
  /** FIGMA_MAX_RESPONSE_BYTES: a cached "too large" holds while the budget is not larger than it was. */
  budgetBytes: number;
  onError?: (err: unknown) => void;
  /**
   * Takes the storing of a fetched answer off the caller's path (start: the skeleton and variables are stored
   * after its answer is sent); without it, the answer is stored before it is returned. A "too large" is always
   * recorded at once (a replay must split as the first run did).
   */
  defer?: (work: () => Promise<void>) => void;
  /**
   * The version's index as the caller read it (a start reads it once, right after /meta): replays use it instead of
   * a lookup per request; a request not in it is a miss. null (the read failed): a lookup per request.
   */
  known?: Promise<Map<string, IndexedEntry> | null>;
  /** Between two pieces of a replayed answer's parse (json-paced.ts); default: yieldToForeground's. */
  pause?: () => Promise<void>;
}

/** Figma calls a cached client sent (misses) by tier, and answers it replayed. */
export interface CacheTally {
  tier1: number;
  tier2: number;
  hits: number;
}

/** The cache key of a /nodes request as the chunk source sends it (start's forecast checks chunks by it). */
export const nodesScope = (ids: string[], depth?: number) => `nodes?ids=${ids.join(',')}${depth ? `&depth=${depth}` : ''}`;
const fileScope = (depth: number, ids?: string[]) => `file?depth=${depth}${ids?.length ? `&ids=${ids.join(',')}` : ''}`;
const VARIABLES_SCOPE = 'variables/local';

/** The R2 key of an entry: where its bytes live, derived from what they are. */
const r2KeyOf = (ref: VersionCacheRef, scopeHash: string) => `figma/${ref.fileKey}/${ref.version}/${FIGMA_CACHE_FORMAT}/${scopeHash}.json`;

/** Cache writes taken off a request's path: on a connection of their own, closed once they are done. */
export interface DeferredStores {
  /** The connection (opened on first use) for the cache's reads and writes. */
  db: () => Db;
  /** Keeps a write for after the request's work: it begins at settle, so it never competes with the request's own queries. */
  defer: (work: () => Promise<void>) => void;
  /** After the request's work: runs the writes and closes the connection once they are done — after the answer (waitUntil) when the runtime gives a context, else before it (awaited). */
  settle: () => Promise<void>;
}

/** Deferred cache stores for one request of `projectId` (a tenant connection: the cache's index is shared, not unscoped). */
export function deferredStores(c: Context, config: AppConfig, projectId: string): DeferredStores {
  let handle: DbHandle | undefined;
  const pending: Array<() => Promise<void>> = [];
  return {
    db: () => (handle ??= tenantDb(config, projectId, 3)).db,
    defer: (work) => {
      pending.push(work);
    },
    settle: async () => {
      const opened = handle;
      if (!opened) return;
      // a macrotask later: a write serialises its answer (megabytes for a large skeleton), which must not hold the answer back
      const done = new Promise((resolve) => setTimeout(resolve, 0))
        .then(() => Promise.allSettled(pending.splice(0).map((work) => work())))
        .then(() => opened.close());
      try {
        c.executionCtx.waitUntil(done);
      } catch {
        await done; // no execution context (in-process requests): the writes finish before the answer
      }
    },
  };
}

/** The file's version, proven with the caller's own token; a 403/404 is thrown (the job must not go on). */
export async function proveVersion(figma: FigmaClient, fileKey: string): Promise<{ ok: true; version: string } | { ok: false; note: string }> {
  try {
    const version = (await figma.meta(fileKey)).file?.version;
    if (typeof version === 'string' && version.length > 0) return { ok: true, version };
    return { ok: false, note: "Figma's /meta named no version: the job fetches from Figma without the shared cache" };
  } catch (err) {
    if (err instanceof FigmaError && (err.code === 'FIGMA_FORBIDDEN' || err.code === 'FIGMA_NOT_FOUND')) throw err;
    if (err instanceof FigmaError || err instanceof OutboundError) {
      return { ok: false, note: `the file's version is unknown (/meta: ${err.message}): the job fetches from Figma without the shared cache` };
    }
    throw err;
  }
}

/** The "version" under which a job whose file version is unknown keeps its own answers: no other job reads it. */
export const jobOnlyVersion = (jobId: string) => `job:${jobId}`;
const isJobOnly = (version: string) => version.startsWith('job:');

/**
 * The cache a stream call of a job may use, when the cache is on: the version its start proved — or, when the
 * version is unknown (`bypass`), a version of the job's own: its answers are never shared, but a chunk read in
 * pieces over several calls (each call starts an unlogged chunk again) replays what earlier calls fetched instead
 * of fetching the same first pieces forever.
 */
export function jobVersionCache(config: AppConfig, db: Db, job: { id: string; input: Record<string, unknown> }, onError?: (err: unknown) => void): VersionCacheRef | null {
  const { input } = job;
  if (!config.FIGMA_VERSION_CACHE || typeof input.file_key !== 'string') return null;
  const version = typeof input.file_version === 'string' ? input.file_version : jobOnlyVersion(job.id);
  return { db, bucket: config.FIGMA_CACHE, fileKey: input.file_key, version, budgetBytes: config.FIGMA_MAX_RESPONSE_BYTES, pause: backgroundPause(config), ...(onError ? { onError } : {}) };
}

/** What the cache holds for the version, by scope hash (start's forecast replays the job's requests against it). */
export function cachedIndex(ref: VersionCacheRef) {
  return cachedScopes(ref.db, { fileKey: ref.fileKey, version: ref.version, format: FIGMA_CACHE_FORMAT });
}

/**
 * A Figma client that answers the file, nodes and variables reads of `ref`'s version from the cache, and
 * stores what it had to fetch; other calls (meta, images) go straight to Figma. `ref` null: a plain client
 * that only counts.
 */
export function withVersionCache(figma: FigmaClient, ref: VersionCacheRef | null): FigmaClient & { tally: CacheTally } {
  const tally: CacheTally = { tier1: 0, tier2: 0, hits: 0 };
  // a replayed answer's size is the size Figma's answer had (a replay sizes requests as the first run did)
  const replayedSizes = new WeakMap<object, number>();

  async function read<T>(scope: string, tier: 1 | 2, fetch: () => Promise<T>): Promise<T> {
    const scopeHash = ref ? await sha256Hex(scope) : '';
    if (ref) {
      const replayed = await replay<T>(ref, scopeHash).catch((err: unknown) => {
        ref.onError?.(err); // an unreadable cache is a miss, never a failed job
        return undefined;
      });
      if (replayed) {
        tally.hits++;
        if ('tooLarge' in replayed) throw new FigmaError('FIGMA_TOO_LARGE', `the answer to ${scope.slice(0, 80)} is over the ${replayed.tooLarge}-byte budget (cached for version ${ref.version})`, 413);
        if (replayed.value !== null && typeof replayed.value === 'object') replayedSizes.set(replayed.value, replayed.chars);
        return replayed.value;
      }
    }
    tally[tier === 1 ? 'tier1' : 'tier2']++;
    try {
      const value = await fetch();
      // the body as Figma sent it when the client kept it (start's: nothing to serialise again), taken either way
      const body = figma.bodyOf(value);
      if (ref) {
        const chars = figma.charsOf(value);
        if (ofVersion(ref, value)) {
          const text = body !== undefined ? bodyText(body) : serialised(value);
          const stored = () => store(ref, scope, scopeHash, text, chars).catch((err: unknown) => ref.onError?.(err));
          if (ref.defer) ref.defer(stored);
          else await stored();
        }
      }
      return value;
    } catch (err) {
      if (ref && err instanceof FigmaError && err.code === 'FIGMA_TOO_LARGE') {
        const row = { fileKey: ref.fileKey, version: ref.version, format: FIGMA_CACHE_FORMAT, scopeHash, scope: scope.slice(0, 500), outcome: 'too_large', r2Key: null, bytes: ref.budgetBytes };
        await insertCacheEntry(ref.db, row).catch((e: unknown) => ref.onError?.(e));
      }
      throw err;
    }
  }

  return {
    ...figma,
    file: (fileKey, depth, nodeIds) => read(fileScope(depth, nodeIds), 1, () => figma.file(fileKey, depth, nodeIds)),
    nodes: (fileKey, nodeIds, depth) => read(nodesScope(nodeIds, depth), 1, () => figma.nodes(fileKey, nodeIds, depth)),
    variables: (fileKey) => read(VARIABLES_SCOPE, 2, () => figma.variables(fileKey)),
    charsOf: (answer) => (answer !== null && typeof answer === 'object' ? (replayedSizes.get(answer) ?? figma.charsOf(answer)) : 0),
    tally,
  };
}

/** The cached answer or "too large", or undefined (a miss: no row, its bytes are gone, or a "too large" under a smaller budget). */
async function replay<T>(ref: VersionCacheRef, scopeHash: string): Promise<{ value: T; chars: number } | { tooLarge: number } | undefined> {
  const known = ref.known ? await ref.known : null;
  const row = known ? known.get(scopeHash) : await findCacheEntry(ref.db, { fileKey: ref.fileKey, version: ref.version, format: FIGMA_CACHE_FORMAT, scopeHash });
  if (!row) return undefined;
  if (row.outcome === 'too_large') return ref.budgetBytes > row.bytes ? undefined : { tooLarge: row.bytes }; // a larger budget may fit it now
  const object = await ref.bucket.get(row.r2Key!);
  if (!object) return undefined;
  const text = await object.text();
  // the length of Figma's answer as it came, not of the stored text: a replay sizes requests as the first run did
  return { value: (await parseJsonPaced(text, ref.pause)) as T, chars: row.bytes };
}

/** Whether an answer may be kept under the job's version: not when the file changed since /meta (a job-only version proves none: its answers are whatever Figma had, as uncached). */
function ofVersion(ref: VersionCacheRef, value: unknown): boolean {
  const answered = (value as { version?: unknown } | null)?.version;
  return !(typeof answered === 'string' && answered !== ref.version && !isJobOnly(ref.version));
}

// an answer's text for the store, made in scopes of their own: a write holding a kept body does not hold the parsed answer
const bodyText = (body: string) => () => body;
const serialised = (value: unknown) => () => JSON.stringify(value);

/** Stores an answer of the job's version: the bytes first, then the index row, so a row never names missing bytes. */
async function store(ref: VersionCacheRef, scope: string, scopeHash: string, text: () => string, answerChars: number): Promise<void> {
  const r2Key = r2KeyOf(ref, scopeHash);
  await ref.bucket.put(r2Key, text(), { httpMetadata: { contentType: 'application/json' } });
  await insertCacheEntry(ref.db, { fileKey: ref.fileKey, version: ref.version, format: FIGMA_CACHE_FORMAT, scopeHash, scope: scope.slice(0, 500), outcome: 'ok', r2Key, bytes: answerChars });
}
