import type { Context } from 'hono';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import * as repo from './vault.repo';
import { putSecret, revokeSecret, secretView, type VaultContext } from './vault.service';
import { listSecretsRoute, putSecretRoute, revokeSecretRoute, rotateSecretRoute, secretAuditRoute } from './vault.routes';

/** The vault context of a request. */
export function vaultContext(c: Context): VaultContext {
  const config = c.get('config');
  return {
    db: c.get('db')(),
    masterKey: config.VAULT_MASTER_KEY,
    masterKeyId: config.VAULT_MASTER_KEY_ID,
    actor: principalOf(c).actor,
    traceId: c.get('traceId'),
    requestId: c.get('requestId'),
  };
}

/** Key vault routes. */
export const vaultRouter = createRouter()
  .openapi(listSecretsRoute, async (c) => {
    const rows = await repo.listSecrets(c.get('db')(), principalOf(c).projectId);
    return c.json({ items: rows.map(secretView) }, 200);
  })
  .openapi(putSecretRoute, async (c) => {
    const { alias } = c.req.valid('param');
    const row = await putSecret(vaultContext(c), principalOf(c).projectId, alias, c.req.valid('json').value, false);
    c.get('events').emit('vault_secret_set', { alias, version: row.version }, { source: 'vault' });
    return c.json(secretView(row), 201);
  })
  .openapi(rotateSecretRoute, async (c) => {
    const { alias } = c.req.valid('param');
    const row = await putSecret(vaultContext(c), principalOf(c).projectId, alias, c.req.valid('json').value, true);
    c.get('events').emit('vault_secret_rotated', { alias, version: row.version }, { source: 'vault' });
    return c.json(secretView(row), 201);
  })
  .openapi(revokeSecretRoute, async (c) => {
    const { alias } = c.req.valid('param');
    const rows = await revokeSecret(vaultContext(c), principalOf(c).projectId, alias);
    c.get('events').emit('vault_secret_revoked', { alias, versions: rows.map((r) => r.version) }, { source: 'vault' });
    return c.json({ items: rows.map(secretView) }, 200);
  })
  .openapi(secretAuditRoute, async (c) => {
    const rows = await repo.auditTrail(c.get('db')(), principalOf(c).projectId, c.req.valid('param').alias);
    return c.json(
      {
        items: rows.map((r) => ({
          alias: r.alias,
          version: r.version,
          action: r.action as 'set' | 'rotate' | 'revoke' | 'use',
          actor: r.actor,
          trace_id: r.traceId,
          at: r.createdAt.toISOString(),
        })),
      },
      200,
    );
  });
