// Which Figma token a project's jobs use: its vault entry FIGMA_API_KEY, else the deployment's
// FIGMA_API_KEY secret. Never sent by the client, never logged, never returned.
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { resolveSecret, vaultContext } from '../vault';

export const FIGMA_TOKEN_ALIAS = 'FIGMA_API_KEY';

/** The token for the request's project, and where it came from. */
export async function figmaTokenFor(c: Context): Promise<{ token: string; source: 'vault' | 'env' }> {
  const config = c.get('config');
  if (config.VAULT_MASTER_KEY) {
    const fromVault = await resolveSecret({ ...vaultContext(c), actor: 'service:figma-context' }, principalOf(c).projectId, FIGMA_TOKEN_ALIAS);
    if (fromVault) return { token: fromVault, source: 'vault' };
  }
  if (config.FIGMA_API_KEY) return { token: config.FIGMA_API_KEY, source: 'env' };
  throw new ApiError('UNPROCESSABLE', `no Figma token for this project: store one with PUT /vault/secrets/${FIGMA_TOKEN_ALIAS}`);
}
