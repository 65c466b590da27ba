// A project's design-sync credentials: checked by a real call (credentials.preflight.ts), the value sealed in the
// vault (alias per kind: credentials.resolve.ts), the row keeping what the check said and when the value expires.
// A value is never answered, logged or audited; the list shows its last 4 characters when it is long enough.
import { schema, type Db } from '@cogo/db';
import { CREDENTIAL_REMINDER_DAYS, type CredentialKind, type CredentialView, type PutCredentialRequest } from '@cogo/types';
import { and, eq, inArray } from 'drizzle-orm';
import { readConfig, type AppConfig, type Bindings } from '../../../env';
import { serviceDbFromConfig, tenantDb } from '../../../lib/db';
import { ApiError } from '../../../lib/errors';
import { createLogger, describeError } from '../../../lib/logger';
import { putSecret, revokeSecret } from '../../vault/vault.service';
import { audited, type ActionScope } from '../action';
import { notify } from '../notifications/notify';
import { CREDENTIAL_ALIAS } from './credentials.resolve';
import { normaliseValue, preflight } from './credentials.preflight';
import * as repo from './credentials.repo';

const DAY = 86_400_000;

function view(row: repo.CredentialRow, last4: string | null, now = Date.now()): CredentialView {
  return {
    kind: row.kind as CredentialKind,
    status: row.status as CredentialView['status'],
    last4,
    check: row.lastCheck as CredentialView['check'],
    expires_at: row.expiresAt?.toISOString() ?? null,
    expires_in_days: row.expiresAt ? Math.floor((row.expiresAt.getTime() - now) / DAY) : null,
    disabled_reason: row.disabledReason,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The last-4 hints of the active vault versions of the project's credential aliases. */
async function hints(db: Db, projectId: string): Promise<Map<string, string | null>> {
  const s = schema.secureKeys;
  const rows = await db
    .select({ alias: s.alias, last4: s.last4 })
    .from(s)
    .where(and(eq(s.projectId, projectId), eq(s.status, 'active'), inArray(s.alias, Object.values(CREDENTIAL_ALIAS))));
  return new Map(rows.map((r) => [r.alias, r.last4]));
}

export async function listCredentials(db: Db, projectId: string): Promise<CredentialView[]> {
  const [rows, last4] = await Promise.all([repo.listCredentialRows(db, projectId), hints(db, projectId)]);
  return rows.map((r) => view(r, last4.get(CREDENTIAL_ALIAS[r.kind as CredentialKind]) ?? null));
}

const vaultOf = (scope: ActionScope, config: AppConfig) => {
  if (!config.VAULT_MASTER_KEY) throw new ApiError('UNPROCESSABLE', 'the key vault is not configured (VAULT_MASTER_KEY): credentials cannot be stored');
  return { db: scope.db(), masterKey: config.VAULT_MASTER_KEY, masterKeyId: config.VAULT_MASTER_KEY_ID, actor: scope.actor, traceId: scope.traceId };
};

/** POST /design-sync/credentials: checks, then stores; a failed check stores nothing (422 naming why). */
export function putCredential(scope: ActionScope, config: AppConfig, input: PutCredentialRequest): Promise<CredentialView> {
  return audited(scope, 'credential.set', async () => {
    const value = normaliseValue(config, input.kind, input.value);
    const vault = vaultOf(scope, config);
    const check = await preflight(config, input.kind, value, scope.traceId);
    if (!check.ok) throw new ApiError('UNPROCESSABLE', `the ${input.kind} credential did not pass its check: ${check.message}`, { kind: input.kind, check });
    const stored = await putSecret(vault, scope.projectId, CREDENTIAL_ALIAS[input.kind], value, false);
    const row = await repo.upsertCredential(scope.db(), scope.projectId, input.kind, { ...check }, input.expires_at ? new Date(input.expires_at) : null);
    return { result: view(row, stored.last4), subject: input.kind, counts: { stored: 1 } };
  });
}

/** DELETE /design-sync/credentials/{kind}: the vault secret revoked, the row removed; 404 when none is stored. */
export function deleteCredential(scope: ActionScope, config: AppConfig, kind: CredentialKind): Promise<void> {
  return audited(scope, 'credential.delete', async () => {
    const removed = await repo.deleteCredential(scope.db(), scope.projectId, kind);
    if (removed === 0) throw new ApiError('NOT_FOUND', `no ${kind} credential in this project`);
    await revokeSecret(vaultOf(scope, config), scope.projectId, CREDENTIAL_ALIAS[kind]).catch((err: unknown) => {
      if (!(err instanceof ApiError && err.code === 'NOT_FOUND')) throw err;
    });
    return { result: undefined, subject: kind, counts: { deleted: removed } };
  });
}

/** Cron: one credential_expiring notification per credential per day, from CREDENTIAL_REMINDER_DAYS before expiry. */
export async function remindExpiringCredentials(env: Bindings, now: Date): Promise<number> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { cron: 'design-sync-credentials' });
  const service = serviceDbFromConfig(config, log, { reason: 'design-sync credentials: expiry reminders of every project', route: 'cron:design-sync-credentials' }, 1);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  let sent = 0;
  try {
    for (const row of await repo.expiringCredentials(service.db, new Date(now.getTime() + CREDENTIAL_REMINDER_DAYS * DAY), today, 100)) {
      const handle = tenantDb(config, row.projectId, 1);
      try {
        const days = Math.floor((row.expiresAt!.getTime() - now.getTime()) / DAY);
        const when = days < 0 ? `expired on ${row.expiresAt!.toISOString().slice(0, 10)}` : days === 0 ? 'expires today' : `expires in ${days} day${days === 1 ? '' : 's'}`;
        await notify({ db: handle.db, queue: config.NOTIFY_QUEUE }, row.projectId, {
          category: 'credential_expiring',
          dedupeKey: `credential_expiring:${row.kind}:${today.toISOString().slice(0, 10)}`,
          title: `The ${row.kind} credential ${when}`,
          lines: [`Store a new one with POST /design-sync/credentials (kind ${row.kind}) before ${row.expiresAt!.toISOString().slice(0, 10)}.`],
        });
        await repo.markReminded(service.db, row.id, now);
        sent++;
      } catch (err) {
        log.error('credential reminder failed', { projectId: row.projectId, kind: row.kind, ...describeError(err) });
      } finally {
        await handle.close();
      }
    }
  } finally {
    await service.close();
  }
  return sent;
}

