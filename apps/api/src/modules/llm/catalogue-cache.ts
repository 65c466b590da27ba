// The per-isolate cache of each project's routing catalogue (providers, models, policy): read on every LLM call,
// written rarely. A write through the admin routes drops the entries it affects in this isolate at once; other
// isolates see it within CATALOGUE_TTL_MS.

/** How long an isolate trusts its copy of a project's catalogue. */
export const CATALOGUE_TTL_MS = 10_000;

const entries = new Map<string, { at: number; value: unknown }>();

/** The cached value for `projectId`, or undefined when absent or older than the TTL. */
export function cachedCatalogue<T>(projectId: string, now = Date.now()): T | undefined {
  const hit = entries.get(projectId);
  if (!hit || now - hit.at > CATALOGUE_TTL_MS) return undefined;
  return hit.value as T;
}

/** Stores a project's catalogue. */
export function storeCatalogue(projectId: string, value: unknown, now = Date.now()): void {
  if (entries.size > 5_000) entries.clear();
  entries.set(projectId, { at: now, value });
}

/** Drops one project's catalogue, or every project's (`null`: a platform provider or model changed). */
export function invalidateCatalogue(projectId: string | null): void {
  if (projectId === null) entries.clear();
  else entries.delete(projectId);
}
