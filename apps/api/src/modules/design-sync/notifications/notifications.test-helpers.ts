// Slack for notification tests: a webhook of the Slack fake (its /__fake/ API), stored as the project's credential
// directly (vault secret + credential row), so these tests do not depend on the credentials routes.
import { schema } from '@cogo/db';
import { env } from 'cloudflare:test';
import { testDb } from '../../../../test/helpers';
import { putSecret } from '../../vault/vault.service';
import { CREDENTIAL_ALIAS } from '../credentials/credentials.resolve';

export interface SlackPostSeen {
  status: number;
  answer: string;
  body: unknown;
}

export interface SlackHook {
  id: string;
  url: string;
  posts: () => Promise<SlackPostSeen[]>;
  faults: (faults: Array<{ status: number; body: string; retryAfter?: number; times?: number }>) => Promise<void>;
  archive: () => Promise<void>;
  revoke: () => Promise<void>;
}

const control = (path: string, body?: unknown) =>
  fetch(`${env.SLACK_WEBHOOK_BASE}/__fake/${path}`, { method: body === undefined && path === 'posts' ? 'GET' : 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/** A new webhook of the Slack fake. */
export async function slackHook(): Promise<SlackHook> {
  const { id, url } = (await (await control('webhooks', {})).json()) as { id: string; url: string };
  return {
    id,
    url,
    posts: async () => ((await (await control('posts')).json()) as { posts: Array<SlackPostSeen & { webhook: string }> }).posts.filter((p) => p.webhook === id),
    faults: async (faults) => void (await control(`webhooks/${id}/faults`, { faults })),
    archive: async () => void (await control(`webhooks/${id}/archive`, {})),
    revoke: async () => void (await control(`webhooks/${id}/revoke`, {})),
  };
}

/** Stores `url` as the project's Slack webhook, active. */
export async function storeSlackWebhook(projectId: string, url: string): Promise<void> {
  const h = testDb();
  try {
    await putSecret({ db: h.db, masterKey: env.VAULT_MASTER_KEY, masterKeyId: 'k1', actor: 'test' }, projectId, CREDENTIAL_ALIAS.slack, url, false);
    await h.db.insert(schema.designSyncCredentials).values({ projectId, kind: 'slack', lastCheck: { ok: true, status: 400, message: 'test', checked_at: new Date().toISOString() } });
  } finally {
    await h.close();
  }
}
