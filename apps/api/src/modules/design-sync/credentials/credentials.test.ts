// Credentials through the Worker: each kind checked by a real call (the Figma fake's /v1/me, the Slack fake, the
// sample Storybook's index.json) before it is stored; a failed check stores nothing; values never answered; rotate,
// delete, tenancy; daily expiry reminders, one per credential per day.
import { schema } from '@cogo/db';
import { CredentialListSchema, CredentialViewSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestProject, testDb, type TestProject } from '../../../../test/helpers';
import { ds } from '../design-sync.test-helpers';
import { errorOf, ok } from '../sync.test-helpers';
import { slackHook } from '../notifications/notifications.test-helpers';
import { remindExpiringCredentials } from './credentials.service';

const service = testDb();
afterAll(() => service.close());

const put = (p: TestProject, json: Record<string, unknown>) => ds(p, 'credentials', { json });
const list = async (p: TestProject) => (await ok(await ds(p, 'credentials'), 200, (v) => CredentialListSchema.parse(v))).credentials;
const viewOf = (v: unknown) => CredentialViewSchema.parse(v);
const storybookUrl = () => inject('storybookUrl');
const secrets = (projectId: string, alias: string) =>
  service.db.select().from(schema.secureKeys).where(and(eq(schema.secureKeys.projectId, projectId), eq(schema.secureKeys.alias, alias), eq(schema.secureKeys.status, 'active')));

describe('design-sync credentials', () => {
  it('stores a Figma token Figma accepts, in the vault secret figma-context uses, never answering it', async () => {
    const p = await createTestProject();
    const token = env.FIGMA_API_KEY;
    const res = await put(p, { kind: 'figma', value: token, expires_at: '2027-03-01T00:00:00Z' });
    const text = await res.clone().text();
    expect(text).not.toContain(token);
    const v = await ok(res, 200, viewOf);
    expect(v).toMatchObject({ kind: 'figma', status: 'active', last4: token.slice(-4), check: { ok: true, status: 200 }, expires_at: '2027-03-01T00:00:00.000Z', disabled_reason: null });
    expect(v.expires_in_days).toBeGreaterThan(0);
    expect(await secrets(p.id, 'FIGMA_API_KEY')).toHaveLength(1);
    const listed = JSON.stringify(await list(p));
    expect(listed).not.toContain(token);
    // a new token rotates: one active version
    await ok(await put(p, { kind: 'figma', value: token }), 200, viewOf);
    expect(await secrets(p.id, 'FIGMA_API_KEY')).toHaveLength(1);
    expect((await list(p))[0]!.expires_at).toBeNull();
  });

  it('refuses a token Figma rejects with 422, and stores nothing', async () => {
    const p = await createTestProject();
    const e = await errorOf(await put(p, { kind: 'figma', value: 'figd_not_a_real_token_123' }), 422, 'UNPROCESSABLE');
    expect(e.message).toContain('Figma rejected the token');
    expect(e.details).toMatchObject({ kind: 'figma', check: { ok: false, status: 403 } });
    expect(await list(p)).toEqual([]);
    expect(await secrets(p.id, 'FIGMA_API_KEY')).toHaveLength(0);
  });

  it('checks a Slack webhook without posting a message; a revoked one is refused', async () => {
    const p = await createTestProject();
    const hook = await slackHook();
    const v = await ok(await put(p, { kind: 'slack', value: hook.url }), 200, viewOf);
    expect(v).toMatchObject({ kind: 'slack', status: 'active', check: { ok: true, status: 400, message: 'the Slack webhook is live' } });
    const posts = await hook.posts();
    expect(posts.map((x) => [x.status, x.answer])).toEqual([[400, 'no_text']]);
    const gone = await slackHook();
    await gone.revoke();
    const e = await errorOf(await put(p, { kind: 'slack', value: gone.url }), 422, 'UNPROCESSABLE');
    expect(e.message).toContain('404 no_service');
    // the stored one is still the first
    expect((await list(p)).map((c) => c.kind)).toEqual(['slack']);
  });

  it('checks a Storybook URL by its index.json and stores it without a trailing slash', async () => {
    const p = await createTestProject();
    const v = await ok(await put(p, { kind: 'storybook', value: `${storybookUrl()}/` }), 200, viewOf);
    expect(v.check).toMatchObject({ ok: true, status: 200, message: 'a Storybook index v5' });
    const e = await errorOf(await put(p, { kind: 'storybook', value: `${storybookUrl()}/nowhere` }), 422, 'UNPROCESSABLE');
    expect(e.message).toContain('Storybook answered 404');
  });

  it('refuses bad values with 400 before any call', async () => {
    const p = await createTestProject();
    const cases: Array<Record<string, unknown>> = [
      { kind: 'figma', value: 'has space' },
      { kind: 'figma', value: 'nul\u0000byte' },
      { kind: 'slack', value: 'not a url' },
      { kind: 'slack', value: 'https://hooks.example.com/services/T1/B1/x' },
      { kind: 'storybook', value: 'https://storybook.internal.example/' },
      { kind: 'storybook', value: 'ftp://x.chromatic.com' },
      { kind: 'figma', value: 'figd_x', expires_at: 'next week' },
      { kind: 'jira', value: 'x' },
      { kind: 'figma', value: 'x'.repeat(2049) },
      { kind: 'figma', value: 'figd_x', extra: 1 },
    ];
    for (const json of cases) await errorOf(await put(p, json), 400, 'VALIDATION_FAILED');
    expect(await list(p)).toEqual([]);
  });

  it('deletes a credential (its secret revoked); another project sees none of yours', async () => {
    const p = await createTestProject();
    const other = await createTestProject();
    await ok(await put(p, { kind: 'storybook', value: storybookUrl() }), 200, viewOf);
    expect(await list(other)).toEqual([]);
    await errorOf(await ds(other, 'credentials/storybook', { method: 'DELETE' }), 404, 'NOT_FOUND');
    expect((await ds(p, 'credentials/storybook', { method: 'DELETE' })).status).toBe(204);
    expect(await list(p)).toEqual([]);
    expect(await secrets(p.id, 'STORYBOOK_URL')).toHaveLength(0);
    await errorOf(await ds(p, 'credentials/storybook', { method: 'DELETE' }), 404, 'NOT_FOUND');
    await errorOf(await ds(p, 'credentials/jira', { method: 'DELETE' }), 400, 'VALIDATION_FAILED');
  });

  it('reminds of an expiring credential once a day, from 7 days before', async () => {
    const p = await createTestProject();
    const now = new Date();
    const expires = new Date(now.getTime() + 5 * 86_400_000);
    await ok(await put(p, { kind: 'figma', value: env.FIGMA_API_KEY, expires_at: expires.toISOString() }), 200, viewOf);
    const ev = schema.notificationEvents;
    const reminders = () => service.db.select().from(ev).where(and(eq(ev.projectId, p.id), eq(ev.category, 'credential_expiring')));
    expect(await remindExpiringCredentials(env, now)).toBeGreaterThanOrEqual(1);
    await remindExpiringCredentials(env, new Date(now.getTime() + 60_000));
    const first = await reminders();
    expect(first).toHaveLength(1);
    expect(first[0]!.title).toMatch(/^The figma credential expires in [45] days$/);
    // credential_expiring is immediate by default: queued for Slack
    expect(first[0]!.status).toBe('queued');
    await remindExpiringCredentials(env, new Date(now.getTime() + 86_400_000));
    expect(await reminders()).toHaveLength(2);
    // a credential far from expiry is not reminded
    const q = await createTestProject();
    await ok(await put(q, { kind: 'figma', value: env.FIGMA_API_KEY, expires_at: new Date(now.getTime() + 30 * 86_400_000).toISOString() }), 200, viewOf);
    await remindExpiringCredentials(env, now);
    expect(await service.db.select().from(ev).where(eq(ev.projectId, q.id))).toHaveLength(0);
  });
});
