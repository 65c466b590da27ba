// Key vault: set / rotate / revoke secrets by alias, resolve them for internal services.
// Plaintext never leaves this file except as the return value of resolveSecret().
import { isUniqueViolation, type Db } from '@cogo/db';
import { ApiError } from '../../lib/errors';
import { openSecret, sealSecret } from './vault.crypto';
import * as repo from './vault.repo';

export interface VaultContext {
  db: Db;
  masterKey: string | undefined;
  masterKeyId: string;
  actor: string;
  traceId?: string | undefined;
  requestId?: string | undefined;
}

/** Public metadata of a stored version: never the value. */
export function secretView(row: repo.SecretRow) {
  return {
    alias: row.alias,
    version: row.version,
    status: row.status as 'active' | 'rotated' | 'revoked',
    last4: row.last4,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

function requireMaster(ctx: VaultContext): string {
  if (!ctx.masterKey) throw new ApiError('SERVICE_UNAVAILABLE', 'key vault is not configured: VAULT_MASTER_KEY is not set');
  return ctx.masterKey;
}

/** Shortest value whose last 4 characters may be shown: of a shorter one they are too large a share. */
export const LAST4_MIN_LENGTH = 12;

/** The hint stored and shown for a value: its last 4 characters, or null when it is under LAST4_MIN_LENGTH. */
export function last4Of(value: string): string | null {
  const chars = Array.from(value); // code points: never half a surrogate pair
  return chars.length < LAST4_MIN_LENGTH ? null : chars.slice(-4).join('');
}

/** Stores a new version of `alias` (the previous active one becomes `rotated`). `mustExist` = rotate. */
export async function putSecret(ctx: VaultContext, projectId: string, alias: string, value: string, mustExist: boolean): Promise<repo.SecretRow> {
  const master = requireMaster(ctx);
  try {
    return await ctx.db.transaction(async (tx) => {
      const previous = await repo.retire(tx, projectId, alias, 'rotated');
      if (mustExist && previous.length === 0) throw new ApiError('NOT_FOUND', `no active secret ${alias} to rotate`);
      const version = (await repo.latestVersion(tx, projectId, alias)) + 1;
      const sealed = await sealSecret(master, projectId, alias, version, value);
      const row = await repo.insertSecret(tx, {
        projectId,
        alias,
        version,
        ...sealed,
        masterKeyId: ctx.masterKeyId,
        last4: last4Of(value),
        status: 'active',
      });
      await repo.audit(tx, [
        { projectId, alias, version, action: previous.length ? 'rotate' : 'set', actor: ctx.actor, traceId: ctx.traceId, requestId: ctx.requestId },
      ]);
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError('CONFLICT', `secret ${alias} was changed concurrently; retry`);
    throw err;
  }
}

/** Revokes every live version of an alias; 404 when there is none. */
export async function revokeSecret(ctx: VaultContext, projectId: string, alias: string): Promise<repo.SecretRow[]> {
  return ctx.db.transaction(async (tx) => {
    const rows = await repo.retire(tx, projectId, alias, 'revoked');
    if (rows.length === 0) throw new ApiError('NOT_FOUND', `no secret ${alias}`);
    await repo.audit(tx, [{ projectId, alias, version: null, action: 'revoke', actor: ctx.actor, traceId: ctx.traceId, requestId: ctx.requestId }]);
    return rows;
  });
}

/** The plaintext of the active version, for internal services (e.g. FIGMA_API_KEY); records a `use`. Null if none. */
export async function resolveSecret(ctx: VaultContext, projectId: string, alias: string): Promise<string | null> {
  const row = await repo.activeSecret(ctx.db, projectId, alias);
  if (!row) return null;
  const value = await openSecret(requireMaster(ctx), projectId, alias, row.version, row);
  await repo.audit(ctx.db, [{ projectId, alias, version: row.version, action: 'use', actor: ctx.actor, traceId: ctx.traceId, requestId: ctx.requestId }]);
  return value;
}
