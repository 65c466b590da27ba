// Figma webhooks (issue 8), through the public API against the Figma fake: a project registers a webhook (the
// fake's POST /v2/webhooks holds it), Figma's FILE_UPDATE delivery with the right passcode drops the file's
// version-cache entries (the next job fetches again: Tier-1 calls in the fake's log) and lands in bus_events;
// a wrong passcode is 401, a replay a 200 no-op, an unknown webhook 404, and another project cannot delete it.
import { schema } from '@cogo/db';
import { storefrontFile } from '@cogo/fakes/samples';
import { ErrorEnvelopeSchema, FigmaWebhookSchema } from '@cogo/types';
import { env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, eventually, figmaFake, runFigmaJob, testDb, projectWithOwnFigmaToken } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());
afterEach(() => figmaFake.clear());

// the cache is off in the pool's bindings; these tests need it on to see an invalidation
const CACHE_ON = { ...env, FIGMA_VERSION_CACHE: 'true' };
const app = createApp();
const call = (path: string, init: { method?: string; key?: string; json?: unknown; body?: string } = {}) =>
  app.request(
    `https://cogo.test${path}`,
    {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.key ? { authorization: `Bearer ${init.key}` } : {}) },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body !== undefined ? { body: init.body } : {}),
    },
    CACHE_ON,
  );

interface FakeHook {
  id: string;
  event_type: string;
  context: string;
  context_id: string;
  endpoint: string;
  passcode: string;
}
const fakeHooks = async () => ((await (await fetch(`${env.FIGMA_API_BASE}/__fake/webhooks`)).json()) as { webhooks: FakeHook[] }).webhooks;

async function ownFile() {
  const key = `HOOK${crypto.randomUUID().replaceAll('-', '').slice(0, 14)}`;
  await figmaFake.putFile(key, storefrontFile());
  return key;
}

/** Tier-1 calls (file and nodes) the fake received for one file since `since`. */
async function tier1Calls(key: string, since: number) {
  const all = (await (await fetch(`${env.FIGMA_API_BASE}/__fake/requests`)).json()) as Array<{ path: string; at: number }>;
  return all.filter((r) => r.at >= since && (r.path === `/v1/files/${key}` || r.path === `/v1/files/${key}/nodes`)).length;
}

async function register(projectKey: string, fileKey: string, eventType = 'FILE_UPDATE') {
  const res = await call('/figma/webhooks/register', { method: 'POST', key: projectKey, json: { event_type: eventType, context: 'file', context_id: fileKey } });
  expect(res.status).toBe(201);
  const hook = FigmaWebhookSchema.parse(await res.json());
  const held = (await fakeHooks()).find((h) => h.id === hook.figma_webhook_id);
  return { hook, held: held! };
}

const deliver = (payload: Record<string, unknown>) => call('/figma/webhooks', { method: 'POST', json: payload });
const fileUpdate = (held: FakeHook, fileKey: string, extra: Record<string, unknown> = {}) => ({
  event_type: 'FILE_UPDATE',
  file_key: fileKey,
  file_name: 'COGO Sample Storefront',
  passcode: held.passcode,
  timestamp: new Date().toISOString(),
  webhook_id: held.id,
  ...extra,
});

describe('figma webhooks: registration', () => {
  it("registers through Figma's POST /v2/webhooks (endpoint = our receiver, passcode ours) and lists it; the passcode is never shown", async () => {
    const p = await createTestProject();
    const key = await ownFile();
    const { hook, held } = await register(p.key, key);
    expect(held).toMatchObject({ event_type: 'FILE_UPDATE', context: 'FILE', context_id: key, endpoint: 'https://cogo.test/figma/webhooks' });
    expect(held.passcode.length).toBeGreaterThanOrEqual(32);
    expect(hook).toMatchObject({ event_type: 'FILE_UPDATE', context: 'file', context_id: key, endpoint: 'https://cogo.test/figma/webhooks', status: 'ACTIVE' });
    expect(JSON.stringify(hook)).not.toContain(held.passcode);

    const listed = (await (await call('/figma/webhooks', { key: p.key })).json()) as { items: unknown[] };
    expect(listed.items).toEqual([hook]);
    const row = (await handle.db.select().from(schema.figmaWebhooks).where(eq(schema.figmaWebhooks.id, hook.id)))[0]!;
    expect(row.passcodeHash).not.toContain(held.passcode);
  });

  it('another project can neither see nor delete it (404); the owner deletes it in Figma too', async () => {
    const a = await createTestProject();
    const b = await createTestProject();
    const { hook, held } = await register(a.key, await ownFile());
    expect(((await (await call('/figma/webhooks', { key: b.key })).json()) as { items: unknown[] }).items).toEqual([]);
    const theirs = await call(`/figma/webhooks/${hook.id}`, { method: 'DELETE', key: b.key });
    expect(theirs.status).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await theirs.json()).error.code).toBe('NOT_FOUND');
    expect((await fakeHooks()).some((h) => h.id === held.id)).toBe(true);

    const mine = await call(`/figma/webhooks/${hook.id}`, { method: 'DELETE', key: a.key });
    expect(mine.status).toBe(200);
    expect(FigmaWebhookSchema.parse(await mine.json()).id).toBe(hook.id);
    expect((await fakeHooks()).some((h) => h.id === held.id)).toBe(false);
    // a delivery for a deleted webhook is unknown
    expect((await deliver(fileUpdate(held, hook.context_id))).status).toBe(404);
  });

  it('refuses a bad registration with a 400 envelope, and needs credentials', async () => {
    const p = await createTestProject();
    const bad = await call('/figma/webhooks/register', { method: 'POST', key: p.key, json: { event_type: 'FILE_COMMENT', context_id: 'X' } });
    expect(bad.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await bad.json()).error.details?.issues?.[0]?.path).toBe('json.event_type');
    expect((await call('/figma/webhooks/register', { method: 'POST', json: { event_type: 'FILE_UPDATE', context_id: 'X' } })).status).toBe(401);
  });
});

describe("figma webhooks: Figma's refusals", () => {
  it("Figma's limit of 3 webhooks per file is a 422 naming it, and nothing is stored", async () => {
    const p = await createTestProject();
    const key = await ownFile();
    for (let i = 0; i < 3; i++) await register(p.key, key);
    const fourth = await call('/figma/webhooks/register', { method: 'POST', key: p.key, json: { event_type: 'FILE_UPDATE', context_id: key } });
    expect(fourth.status).toBe(422);
    expect(ErrorEnvelopeSchema.parse(await fourth.json()).error.message).toMatch(/Figma refused the webhook: .*limit/i);
    expect(((await (await call('/figma/webhooks', { key: p.key })).json()) as { items: unknown[] }).items).toHaveLength(3);
  });

  it("a 4-day Retry-After on POST /v2/webhooks is 429 FIGMA_QUOTA_EXHAUSTED naming the retry time, through the project's own token", async () => {
    const p = await projectWithOwnFigmaToken();
    await figmaFake.faults([{ fault: { kind: 'rate-limit', retryAfterSeconds: 4 * 86_400, planTier: 'starter', limitType: 'low' }, path: '/v2/webhooks' }]);
    const res = await call('/figma/webhooks/register', { method: 'POST', key: p.key, json: { event_type: 'FILE_UPDATE', context_id: 'ANYFILE0001' } });
    expect(res.status).toBe(429);
    const body = ErrorEnvelopeSchema.parse(await res.json());
    expect(body.error.code).toBe('FIGMA_QUOTA_EXHAUSTED');
    expect(body.error.details).toMatchObject({ tier: 2, retry_after_seconds: 4 * 86_400, limit_type: 'low', plan_tier: 'starter' });
    expect(((await (await call('/figma/webhooks', { key: p.key })).json()) as { items: unknown[] }).items).toEqual([]);
  });
});

describe('figma webhooks: the receiver', () => {
  it('a FILE_UPDATE with the right passcode drops the cache of the file (the next job fetches again) and lands in bus_events; a replay is a 200 no-op', async () => {
    const p = await createTestProject();
    const key = await ownFile();
    const { hook, held } = await register(p.key, key);

    const t0 = Date.now();
    expect((await runFigmaJob(p.key, { file_key: key }, app, CACHE_ON)).events.at(-1)!.event).toBe('done');
    const first = await tier1Calls(key, t0);
    expect(first).toBeGreaterThan(0);
    const t1 = Date.now();
    await runFigmaJob(p.key, { file_key: key }, app, CACHE_ON);
    expect(await tier1Calls(key, t1)).toBe(0); // cached

    const payload = fileUpdate(held, key);
    const res = await deliver(payload);
    expect(res.status).toBe(200);
    const receipt = (await res.json()) as { duplicate: boolean; action: string; cache_entries_dropped: number; file_key: string };
    expect(receipt).toMatchObject({ duplicate: false, action: 'invalidated', file_key: key });
    expect(receipt.cache_entries_dropped).toBeGreaterThan(0);
    expect(await handle.db.select().from(schema.figmaCacheEntries).where(eq(schema.figmaCacheEntries.fileKey, key))).toEqual([]);

    const t2 = Date.now();
    await runFigmaJob(p.key, { file_key: key }, app, CACHE_ON);
    expect(await tier1Calls(key, t2)).toBe(first);

    const events = await eventually(async () => {
      const rows = await handle.db.select().from(schema.busEvents).where(and(eq(schema.busEvents.projectId, p.id), eq(schema.busEvents.type, 'figma_file_updated')));
      return rows.length > 0 ? rows : null;
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ file_key: key, webhook_id: hook.id, figma_webhook_id: held.id, event_type: 'FILE_UPDATE', timestamp: payload.timestamp });
    expect(JSON.stringify(events[0]!.payload)).not.toContain(held.passcode);

    // Figma retries a delivery it thinks failed: acknowledged, nothing done again
    const replay = await deliver(payload);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ duplicate: true, action: 'duplicate', cache_entries_dropped: 0 });
    const t3 = Date.now();
    await runFigmaJob(p.key, { file_key: key }, app, CACHE_ON);
    expect(await tier1Calls(key, t3)).toBe(0); // the replay did not drop the fresh cache
    const deliveries = await handle.db.select().from(schema.figmaWebhookDeliveries).where(eq(schema.figmaWebhookDeliveries.webhookId, hook.id));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ eventType: 'FILE_UPDATE', fileKey: key, figmaTimestamp: payload.timestamp });
  });

  it('records the version the file has after the event (asked with the project token once the answer is sent, through the Worker itself)', async () => {
    const p = await createTestProject();
    const key = await ownFile();
    const { hook, held } = await register(p.key, key);
    const res = await api('/figma/webhooks', { method: 'POST', json: fileUpdate(held, key) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ action: 'invalidated', duplicate: false });
    const version = await eventually(async () => {
      const rows = await handle.db.select().from(schema.figmaWebhookDeliveries).where(eq(schema.figmaWebhookDeliveries.webhookId, hook.id));
      return rows[0]?.fileVersion ?? null;
    });
    expect(version).toBe(storefrontFile().version);
  });

  it('a LIBRARY_PUBLISH lands in bus_events with what was published', async () => {
    const p = await createTestProject();
    const key = await ownFile();
    const { held } = await register(p.key, key, 'LIBRARY_PUBLISH');
    const item = { key: 'c1', name: 'Button' };
    const many = Array.from({ length: 250 }, (_, i) => ({ key: `s${i}`, name: `Style ${i}` }));
    const res = await deliver({ ...fileUpdate(held, key), event_type: 'LIBRARY_PUBLISH', library_item: item, modified_components: [item], created_components: [], modified_styles: many });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ action: 'invalidated', duplicate: false });
    const row = await eventually(async () => (await handle.db.select().from(schema.busEvents).where(and(eq(schema.busEvents.projectId, p.id), eq(schema.busEvents.type, 'figma_library_published'))))[0]);
    expect(row.payload).toMatchObject({ file_key: key, event_type: 'LIBRARY_PUBLISH', library_item: item, modified_components: [item], modified_styles_count: 250 });
    // a queue message holds 128 KB: long lists are cut, their length kept
    expect((row.payload as { modified_styles: unknown[] }).modified_styles).toHaveLength(100);
  });

  it('a wrong passcode is 401, an unknown webhook 404, a bad body 400 — each in the envelope, none changes anything', async () => {
    const p = await createTestProject();
    const key = await ownFile();
    const { hook, held } = await register(p.key, key);

    // one character changed (to one it is not: a passcode may end in `x`)
    const wrongPasscode = `${held.passcode.slice(0, -1)}${held.passcode.endsWith('x') ? 'y' : 'x'}`;
    const wrong = await deliver(fileUpdate(held, key, { passcode: wrongPasscode }));
    expect(wrong.status).toBe(401);
    expect(ErrorEnvelopeSchema.parse(await wrong.json()).error.code).toBe('UNAUTHORIZED');
    const unknown = await deliver(fileUpdate(held, key, { webhook_id: '999999999' }));
    expect(unknown.status).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await unknown.json()).error.code).toBe('NOT_FOUND');
    for (const body of ['{not json', JSON.stringify({ webhook_id: held.id }), JSON.stringify([1])]) {
      const bad = await call('/figma/webhooks', { method: 'POST', body });
      expect(bad.status).toBe(400);
      expect(ErrorEnvelopeSchema.parse(await bad.json()).error.code).toMatch(/VALIDATION_FAILED|BAD_REQUEST/);
    }
    expect(await handle.db.select().from(schema.figmaWebhookDeliveries).where(eq(schema.figmaWebhookDeliveries.webhookId, hook.id))).toEqual([]);
  });

  it('a PING (sent by Figma on creation) is acknowledged and does nothing', async () => {
    const p = await createTestProject();
    const key = await ownFile();
    const { held } = await register(p.key, key);
    const res = await deliver({ event_type: 'PING', passcode: held.passcode, timestamp: new Date().toISOString(), webhook_id: held.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ action: 'ignored', cache_entries_dropped: 0 });
  });
});
