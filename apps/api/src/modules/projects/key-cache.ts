// Per-isolate cache of checked API keys, so a request with a known key opens no database connection to
// authenticate (issue 10: the key lookup was one of two connections per request). Only keys that passed the full
// check are kept, by the SHA-256 of the presented key; expiry is checked on every use. A copy younger than
// KEY_CACHE_TTL_MS answers alone; an older one, up to KEY_CACHE_MAX_STALE_MS, answers while the database is asked
// again in the request's background (a key's row changes only by revocation, which the gate enforces anyway), so a
// client whose calls come minutes apart does not wait for the lookup each time; older than that, the lookup comes first.
// Revocation does not wait for the TTL: the route writes it to the project's ProjectGate first, and the gate refuses a
// revoked key on the request's rate-limit lease (middleware/rate-limit.ts), which then drops it from this cache. Each
// lease that named a key lets this isolate admit it for KEY_TRUST_MS without asking; the revoke route answers only
// once such trust has ended everywhere.
import type { Db } from '@cogo/db';
import { KEY_TRUST_MS } from '../../durable-objects/rate-window';
import { sha256Hex } from '../../lib/crypto';
import { singleFlight } from '../../lib/single-flight';
import type { ApiKeyRow } from './projects.repo';
import { authenticateKey, type KeyCheck } from './projects.service';

/** How long an isolate trusts a key it checked against the database (revocations are seen at once regardless). */
export const KEY_CACHE_TTL_MS = 60_000;
/** How old a copy may still answer while it is refreshed (well within the gate's REVOCATION_KEEP_MS). */
export const KEY_CACHE_MAX_STALE_MS = 60 * 60_000;
const MAX_CACHED_KEYS = 10_000;

const cached = new Map<string, { key: ApiKeyRow; until: number; refreshing?: boolean }>();
/** key id → until when this isolate may admit it without asking its gate */
const trusted = new Map<string, number>();
const lookups = singleFlight<KeyCheck>(5_000);

/**
 * Checks a presented key like authenticateKey, from the cache when this isolate checked it within the TTL — or within
 * KEY_CACHE_MAX_STALE_MS, handing the lookup that refreshes the copy to `background` (one at a time per key); `db` is
 * called (and the service database opened) only on a miss or a refresh. The returned row is the cached one:
 * markTouched() records a last_used_at write on it.
 */
export async function checkKey(db: () => Db, presented: string, background: (what: string, work: Promise<unknown>) => void, now = new Date()): Promise<KeyCheck> {
  const hash = await sha256Hex(presented);
  const hit = cached.get(hash);
  const age = hit ? now.getTime() - (hit.until - KEY_CACHE_TTL_MS) : Infinity;
  if (hit && age <= KEY_CACHE_MAX_STALE_MS) {
    if (hit.key.expiresAt && hit.key.expiresAt <= now) {
      cached.delete(hash);
      return { ok: false, reason: 'API key expired' };
    }
    if (age > KEY_CACHE_TTL_MS && !hit.refreshing) {
      hit.refreshing = true;
      background('api key refresh', lookUp(db, presented, hash, now).finally(() => void (hit.refreshing = false)));
    }
    return { ok: true, key: hit.key };
  }
  return lookUp(db, presented, hash, now);
}

/** The database's answer for a key, kept when it passes and dropped from the cache when it does not. */
async function lookUp(db: () => Db, presented: string, hash: string, now: Date): Promise<KeyCheck> {
  const result = await lookups(hash, () => authenticateKey(db(), presented, now));
  cached.delete(hash);
  if (result.ok) {
    if (cached.size >= MAX_CACHED_KEYS) cached.delete(cached.keys().next().value!);
    cached.set(hash, { key: result.key, until: now.getTime() + KEY_CACHE_TTL_MS });
  }
  return result;
}

/** Drops a key from this isolate's cache (its gate said it is revoked). */
export function forgetKey(keyId: string): void {
  for (const [hash, entry] of cached) if (entry.key.id === keyId) cached.delete(hash);
  trusted.delete(keyId);
}

/** True while a lease of the key's gate lets this isolate admit it without asking. */
export function keyTrusted(keyId: string, now = Date.now()): boolean {
  return (trusted.get(keyId) ?? 0) > now;
}

/** Records the gate's lease for a key, asked at `askedAt`: trusted until KEY_TRUST_MS after that. */
export function trustKey(keyId: string, askedAt: number): void {
  if (trusted.size >= MAX_CACHED_KEYS) for (const [id, until] of trusted) if (until <= askedAt) trusted.delete(id);
  if (trusted.size >= MAX_CACHED_KEYS) trusted.delete(trusted.keys().next().value!);
  trusted.set(keyId, askedAt + KEY_TRUST_MS);
}

/** Records that last_used_at was written for the key at `at`, so other requests of this isolate skip the write. */
export function markTouched(key: ApiKeyRow, at = new Date()): void {
  key.lastUsedAt = at;
}
