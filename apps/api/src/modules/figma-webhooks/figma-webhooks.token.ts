// The Figma token a project's webhooks use: the same as its jobs (vault FIGMA_API_KEY, else the deployment's
// FIGMA_API_KEY), found by project id — the receiver has no caller to take it from.
import type { Db } from '@cogo/db';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { FIGMA_TOKEN_ALIAS } from '../figma-context/figma-context.token';
import { resolveSecret } from '../vault';

/** The token for `projectId`, read through `db` (the receiver's follow-up has a connection of its own). */
export async function figmaTokenOfProject(c: Context, projectId: string, db: Db = c.get('db')()): Promise<string> {
  const config = c.get('config');
  if (config.VAULT_MASTER_KEY) {
    const ctx = { db, masterKey: config.VAULT_MASTER_KEY, masterKeyId: config.VAULT_MASTER_KEY_ID, actor: 'service:figma-webhooks', traceId: c.get('traceId'), requestId: c.get('requestId') };
    const fromVault = await resolveSecret(ctx, projectId, FIGMA_TOKEN_ALIAS);
    if (fromVault) return fromVault;
  }
  if (config.FIGMA_API_KEY) return config.FIGMA_API_KEY;
  throw new ApiError('UNPROCESSABLE', `no Figma token for this project: store one with PUT /vault/secrets/${FIGMA_TOKEN_ALIAS}`);
}
