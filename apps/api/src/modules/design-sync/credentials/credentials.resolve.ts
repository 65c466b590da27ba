// Where a design-sync credential's value lives: the vault, under one alias per kind. The Figma token is the same
// secret figma-context and the webhooks use (FIGMA_API_KEY), so a project stores it once.
import { schema, type Db } from '@cogo/db';
import type { CredentialKind } from '@cogo/types';
import { and, eq } from 'drizzle-orm';
import type { AppConfig } from '../../../env';
import { FIGMA_TOKEN_ALIAS } from '../../figma-context/figma-context.token';
import { resolveSecret } from '../../vault';

export const CREDENTIAL_ALIAS: Record<CredentialKind, string> = {
  figma: FIGMA_TOKEN_ALIAS,
  slack: 'SLACK_WEBHOOK_URL',
  storybook: 'STORYBOOK_URL',
};

/** Who reads a credential, for the vault's `use` audit. */
export interface ResolveScope {
  db: Db;
  config: AppConfig;
  actor: string;
  traceId?: string | undefined;
}

/** The value of a project's credential; null when none is stored, the vault is not configured, or it was disabled. */
export async function resolveCredential(scope: ResolveScope, projectId: string, kind: CredentialKind): Promise<string | null> {
  if (!scope.config.VAULT_MASTER_KEY) return null;
  const [row] = await scope.db
    .select({ status: schema.designSyncCredentials.status })
    .from(schema.designSyncCredentials)
    .where(and(eq(schema.designSyncCredentials.projectId, projectId), eq(schema.designSyncCredentials.kind, kind)))
    .limit(1);
  if (!row || row.status !== 'active') return null;
  const vault = { db: scope.db, masterKey: scope.config.VAULT_MASTER_KEY, masterKeyId: scope.config.VAULT_MASTER_KEY_ID, actor: scope.actor, traceId: scope.traceId };
  return resolveSecret(vault, projectId, CREDENTIAL_ALIAS[kind]);
}

/** Marks a credential disabled (the upstream said it is gone): it resolves to null until stored again. */
export async function disableCredential(db: Db, projectId: string, kind: CredentialKind, reason: string): Promise<void> {
  await db
    .update(schema.designSyncCredentials)
    .set({ status: 'disabled', disabledReason: reason.slice(0, 300), updatedAt: new Date() })
    .where(and(eq(schema.designSyncCredentials.projectId, projectId), eq(schema.designSyncCredentials.kind, kind)));
}
