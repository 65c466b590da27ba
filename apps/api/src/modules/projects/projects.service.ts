// Projects and their API keys: creation, listing, rotation, revocation, authentication.
import type { Db } from '@cogo/db';
import { ApiError } from '../../lib/errors';
import { singleFlight } from '../../lib/single-flight';
import { recordUpdates } from '../updates/updates.repo';
import { keyMatches, mintKey, prefixOf } from './api-keys';
import * as repo from './projects.repo';

export interface IssuedKey {
  record: repo.ApiKeyRow;
  /** The full key: returned once, never stored. */
  key: string;
}

/** Public view of a key record: never the hash. */
export function keyView(k: repo.ApiKeyRow) {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    created_at: k.createdAt.toISOString(),
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
    expires_at: k.expiresAt?.toISOString() ?? null,
    revoked_at: k.revokedAt?.toISOString() ?? null,
    rotated_from: k.rotatedFrom,
  };
}

/** Public view of a project. */
export function projectView(p: repo.ProjectRow) {
  return { id: p.id, slug: p.slug, name: p.name, created_at: p.createdAt.toISOString() };
}

/** Issues a new key for a project. */
export async function issueKey(db: Db, projectId: string, name: string, expiresInDays?: number, rotatedFrom?: string): Promise<IssuedKey> {
  const minted = await mintKey();
  const record = await repo.insertKey(db, {
    projectId,
    name,
    prefix: minted.prefix,
    secretHash: minted.secretHash,
    expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
    rotatedFrom: rotatedFrom ?? null,
  });
  return { record, key: minted.key };
}

/**
 * Creates a project with its first key; 409 when the slug is taken. The project's outbox row is written in the same
 * transaction; `updateIds` are for the caller to publish once it has committed.
 */
export async function createProject(
  db: Db,
  slug: string,
  name: string,
  traceId: string | null = null,
): Promise<{ project: repo.ProjectRow; issued: IssuedKey; updateIds: number[] }> {
  return db.transaction(async (tx) => {
    const project = await repo.insertProject(tx, { slug, name });
    if (!project) throw new ApiError('CONFLICT', `a project with slug "${slug}" already exists`);
    const minted = await mintKey();
    const record = await repo.insertKey(tx, { projectId: project.id, name: 'default', prefix: minted.prefix, secretHash: minted.secretHash });
    const updateIds = await recordUpdates(tx, [{ projectId: project.id, entity: 'project', entityId: project.id, operation: 'insert', contentHash: null, traceId }]);
    return { project, issued: { record, key: minted.key }, updateIds };
  });
}

/** Replaces a live key with a new one and revokes the old, atomically. 404 for an unknown or dead key. */
export async function rotateKey(db: Db, projectId: string, keyId: string): Promise<IssuedKey> {
  return db.transaction(async (tx) => {
    const old = await repo.revokeKey(tx, projectId, keyId);
    if (!old) throw new ApiError('NOT_FOUND', `no live key ${keyId} in this project`);
    const minted = await mintKey();
    const record = await repo.insertKey(tx, {
      projectId,
      name: old.name,
      prefix: minted.prefix,
      secretHash: minted.secretHash,
      expiresAt: old.expiresAt,
      rotatedFrom: old.id,
    });
    return { record, key: minted.key };
  });
}

/** Revokes a live key; 404 for an unknown or already revoked key. */
export async function revokeKey(db: Db, projectId: string, keyId: string): Promise<repo.ApiKeyRow> {
  const row = await repo.revokeKey(db, projectId, keyId);
  if (!row) throw new ApiError('NOT_FOUND', `no live key ${keyId} in this project`);
  return row;
}

export type KeyCheck = { ok: true; key: repo.ApiKeyRow } | { ok: false; reason: string };

/** Checks a presented key: well formed, known, hash matches, not revoked, not expired. */
export async function authenticateKey(db: Db, presented: string, now = new Date()): Promise<KeyCheck> {
  const prefix = prefixOf(presented);
  if (!prefix) return { ok: false, reason: 'malformed API key' };
  const key = await repo.findKeyByPrefix(db, prefix);
  if (!key || !(await keyMatches(presented, key.secretHash))) return { ok: false, reason: 'unknown API key' };
  if (key.revokedAt) return { ok: false, reason: 'API key revoked' };
  if (key.expiresAt && key.expiresAt <= now) return { ok: false, reason: 'API key expired' };
  return { ok: true, key };
}

const KNOWN_PROJECT_TTL_MS = 60_000;
const MAX_KNOWN_PROJECTS = 10_000;
/** Per isolate: project ids seen to exist, until when. Only a yes is kept, so a new project is found at once. */
const knownProjects = new Map<string, number>();
const projectLookups = singleFlight<boolean>(5_000);

/**
 * True when the project exists. Token claims name projects the database may not have; a yes is cached per
 * isolate for a minute and concurrent lookups of one id share a query, so `db` is opened only on a miss.
 */
export async function projectExists(db: () => Db, projectId: string): Promise<boolean> {
  const until = knownProjects.get(projectId);
  if (until !== undefined && until > Date.now()) return true;
  const found = await projectLookups(projectId, () => repo.projectIdExists(db(), projectId));
  if (found) {
    if (knownProjects.size >= MAX_KNOWN_PROJECTS) knownProjects.delete(knownProjects.keys().next().value!);
    knownProjects.delete(projectId);
    knownProjects.set(projectId, Date.now() + KNOWN_PROJECT_TTL_MS);
  }
  return found;
}
