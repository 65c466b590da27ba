// Which Figma token a project's jobs use: its vault entry FIGMA_API_KEY, else the deployment's
// FIGMA_API_KEY secret. Never sent by the client, never logged, never returned.
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import type { AppConfig } from '../../env';
import { resolveSecret, vaultContext, type VaultContext } from '../vault';

export const FIGMA_TOKEN_ALIAS = 'FIGMA_API_KEY';

/** The token for the request's project, and where it came from. */
export function figmaTokenFor(c: Context): Promise<{ token: string; source: 'vault' | 'env' }> {
  return figmaTokenOf(c.get('config'), vaultContext(c), principalOf(c).projectId);
}

/** The token for `projectId`, read through `vault` (a request's context; its `db` any connection of that project's tenant). */
export async function figmaTokenOf(config: AppConfig, vault: VaultContext, projectId: string): Promise<{ token: string; source: 'vault' | 'env' }> {
  if (config.VAULT_MASTER_KEY) {
    const fromVault = await resolveSecret({ ...vault, actor: 'service:figma-context' }, projectId, FIGMA_TOKEN_ALIAS);
    if (fromVault) return { token: fromVault, source: 'vault' };
  }
  if (config.FIGMA_API_KEY) return { token: config.FIGMA_API_KEY, source: 'env' };
  throw new ApiError('UNPROCESSABLE', `no Figma token for this project: store one with PUT /vault/secrets/${FIGMA_TOKEN_ALIAS}`);
}
