// The per-isolate cache of each project's routing catalogue (providers, models, policy): read on every LLM call,
// written rarely. A write through the admin routes drops the entries it affects in this isolate at once (and a load
// that began before it is not stored); other isolates see it within CATALOGUE_TTL_MS, or — on the LLM call paths,
// which refresh a copy in the background while answering from it — within CATALOGUE_MAX_STALE_MS.

/** How long an isolate trusts its copy of a project's catalogue. */
export const CATALOGUE_TTL_MS = 10_000;
/** How old a copy an LLM call may still answer from while the copy is refreshed in the background. */
export const CATALOGUE_MAX_STALE_MS = 60_000;

interface Entry {
  at: number;
  value: unknown;
  /** A background refresh of this copy is running. */
  refreshing: boolean;
}

const entries = new Map<string, Entry>();
/** Bumped by every invalidation: a load that began under an older generation is not stored. */
const generations = new Map<string, number>();
let everyProject = 0;

/** The cached value for `projectId`, or undefined when absent or older than the TTL. */
export function cachedCatalogue<T>(projectId: string, now = Date.now()): T | undefined {
  const hit = entries.get(projectId);
  if (!hit || now - hit.at > CATALOGUE_TTL_MS) return undefined;
  return hit.value as T;
}

/**
 * A copy past the TTL but within CATALOGUE_MAX_STALE_MS, and whether the caller should refresh it (true for one caller
 * at a time: the copy is marked refreshing until storeCatalogue or refreshFailed).
 */
export function staleCatalogue<T>(projectId: string, now = Date.now()): { value: T; refresh: boolean } | undefined {
  const hit = entries.get(projectId);
  if (!hit || now - hit.at > CATALOGUE_MAX_STALE_MS) return undefined;
  const refresh = !hit.refreshing;
  hit.refreshing = true;
  return { value: hit.value as T, refresh };
}

/** Where a load starts from: pass it to storeCatalogue, which ignores the value if an invalidation came meanwhile. */
export function catalogueGeneration(projectId: string): number {
  return everyProject + (generations.get(projectId) ?? 0);
}

/** Stores a project's catalogue, loaded from `generation` (catalogueGeneration before the load). */
export function storeCatalogue(projectId: string, value: unknown, generation: number, now = Date.now()): void {
  if (generation !== catalogueGeneration(projectId)) return refreshFailed(projectId);
  if (entries.size > 5_000) entries.clear();
  entries.set(projectId, { at: now, value, refreshing: false });
}

/** A background refresh ended without a value: the next call past the TTL may try again. */
export function refreshFailed(projectId: string): void {
  const hit = entries.get(projectId);
  if (hit) hit.refreshing = false;
}

/** Drops one project's catalogue, or every project's (`null`: a platform provider or model changed). */
export function invalidateCatalogue(projectId: string | null): void {
  if (projectId === null) {
    everyProject++;
    entries.clear();
  } else {
    generations.set(projectId, (generations.get(projectId) ?? 0) + 1);
    entries.delete(projectId);
  }
}
