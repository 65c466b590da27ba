// Providers as data (issue 11): the platform's catalogue (admin), a project's own providers and models beside it,
// and its routing policy — checked through the GET routes and the stored rows.
import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema, type Model, type Provider, type RoutingPolicy } from '@cogo/types';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestProject, eventually, testDb } from '../../../test/helpers';
import { cachedCatalogue, catalogueGeneration, storeCatalogue } from '../llm/catalogue-cache';

const handle = testDb();
afterAll(() => handle.close());

// project providers must point at an allowed host; these tests allow one
const bindings = { ...env, OUTBOUND_ALLOWLIST: 'llm.example.test,*.deepinfra.com' };
const app = createApp();

/** A request to the app with the test's bindings; `json` becomes the body. */
async function call(path: string, init: { method?: string; key: string; json?: unknown }) {
  const headers: Record<string, string> = { authorization: `Bearer ${init.key}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  return app.request(path, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) }, bindings);
}
const admin = (path: string, init: { method?: string; json?: unknown } = {}) => call(path, { ...init, key: env.ADMIN_TOKEN });
const errorOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error;
const uid = () => crypto.randomUUID().slice(0, 8);

// platform rows are seen by every project of the shared database: each test removes its own, and creates them
// disabled so that no routing test elsewhere picks them meanwhile
const platformNames: string[] = [];
afterEach(async () => {
  if (platformNames.length) await handle.db.delete(schema.llmProviders).where(and(isNull(schema.llmProviders.projectId), inArray(schema.llmProviders.name, platformNames.splice(0))));
});

/** Creates a disabled platform provider with one model through the admin routes. */
async function platformProvider(kind: 'chat' | 'embedding' = 'chat') {
  const name = `plat-${uid()}`;
  platformNames.push(name);
  const res = await admin('/admin/llm/providers', { method: 'POST', json: { name, base_url: 'https://internal.platform.test/v1', key_alias: 'PLATFORM_LLM_KEY', enabled: false } });
  expect(res.status).toBe(201);
  const provider = (await res.json()) as Provider;
  const m = await admin('/admin/llm/models', { method: 'POST', json: { provider: name, name: `pm-${uid()}`, kind, context_window: 8192 } });
  expect(m.status).toBe(201);
  return { provider, model: (await m.json()) as Model };
}

const list = async <T>(res: Response) => {
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: T[] }).items;
};

describe('platform catalogue (admin)', () => {
  it('creates, lists, changes and deletes a platform provider; its models go with it', async () => {
    const name = `plat-${uid()}`;
    platformNames.push(name);
    const created = await admin('/admin/llm/providers', {
      method: 'POST',
      // a platform provider is trusted: its host need not be in OUTBOUND_ALLOWLIST
      json: { name, base_url: 'https://api.deepinfra-internal.test/v1/openai', key_alias: 'DEEPINFRA_API_KEY', quirks: { embeddings_encoding_format: 'float' }, region: 'eu', enabled: false },
    });
    expect(created.status).toBe(201);
    const provider = (await created.json()) as Provider;
    expect(provider).toMatchObject({ scope: 'platform', name, key_alias: 'DEEPINFRA_API_KEY', quirks: { embeddings_encoding_format: 'float' }, region: 'eu', enabled: false });

    const m = await admin('/admin/llm/models', { method: 'POST', json: { provider: name, name: `emb-${uid()}`, kind: 'embedding', dimensions: 1024, context_window: 8192, input_price_per_mtok: 0.02 } });
    expect(m.status).toBe(201);
    const model = (await m.json()) as Model;
    expect(model).toMatchObject({ scope: 'platform', provider: name, upstream_model: model.name, kind: 'embedding', dimensions: 1024, input_price_per_mtok: 0.02 });

    expect((await list<Provider>(await admin('/admin/llm/providers'))).find((p) => p.name === name)).toEqual(provider);
    expect((await list<Model>(await admin('/admin/llm/models?kind=embedding'))).map((x) => x.id)).toContain(model.id);
    expect((await list<Model>(await admin('/admin/llm/models?kind=chat'))).map((x) => x.id)).not.toContain(model.id);

    // every project sees it
    const p = await createTestProject();
    expect((await list<Provider>(await call('/llm/providers', { key: p.key }))).find((x) => x.name === name)).toMatchObject({ scope: 'platform', id: provider.id });
    expect((await list<Model>(await call('/llm/models', { key: p.key }))).find((x) => x.id === model.id)).toEqual(model);

    // fields left out of a PATCH keep their value
    const patched = await admin(`/admin/llm/providers/${name}`, { method: 'PATCH', json: { enabled: true } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ enabled: true, key_alias: 'DEEPINFRA_API_KEY', quirks: { embeddings_encoding_format: 'float' }, region: 'eu' });
    const mPatched = await admin(`/admin/llm/models/${model.id}`, { method: 'PATCH', json: { output_price_per_mtok: 2 } });
    expect(mPatched.status).toBe(200);
    expect(await mPatched.json()).toMatchObject({ output_price_per_mtok: 2, input_price_per_mtok: 0.02, context_window: 8192, dimensions: 1024, enabled: true });
    await admin(`/admin/llm/providers/${name}`, { method: 'PATCH', json: { enabled: false } });

    const deleted = await admin(`/admin/llm/providers/${name}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toMatchObject({ id: provider.id, name, scope: 'platform' });
    expect((await list<Provider>(await admin('/admin/llm/providers'))).map((x) => x.name)).not.toContain(name);
    expect((await list<Model>(await admin('/admin/llm/models'))).map((x) => x.id)).not.toContain(model.id);
    expect(await handle.db.select().from(schema.llmModels).where(eq(schema.llmModels.id, model.id))).toEqual([]);
  });

  it('answers 409 for a taken name, 422 for an unknown provider, 404 for unknown rows, 400 for a bad body', async () => {
    const { provider, model } = await platformProvider();
    const dup = await admin('/admin/llm/providers', { method: 'POST', json: { name: provider.name, base_url: 'https://other.test/v1' } });
    expect(dup.status).toBe(409);
    expect(await errorOf(dup)).toMatchObject({ code: 'CONFLICT', message: `a platform provider named ${provider.name} already exists` });

    const dupModel = await admin('/admin/llm/models', { method: 'POST', json: { provider: provider.name, name: model.name, kind: 'chat' } });
    expect(dupModel.status).toBe(409);
    expect((await errorOf(dupModel)).code).toBe('CONFLICT');

    const orphan = await admin('/admin/llm/models', { method: 'POST', json: { provider: `nope-${uid()}`, name: 'm', kind: 'chat' } });
    expect(orphan.status).toBe(422);
    expect((await errorOf(orphan)).message).toMatch(/^unknown provider nope-/);

    for (const [path, method] of [
      [`/admin/llm/providers/nope-${uid()}`, 'PATCH'],
      [`/admin/llm/providers/nope-${uid()}`, 'DELETE'],
      [`/admin/llm/models/${crypto.randomUUID()}`, 'PATCH'],
      [`/admin/llm/models/${crypto.randomUUID()}`, 'DELETE'],
    ] as const) {
      const res = await admin(path, { method, json: method === 'PATCH' ? { enabled: true } : undefined });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await errorOf(res)).code).toBe('NOT_FOUND');
    }

    const bad = await admin('/admin/llm/providers', { method: 'POST', json: { name: 'Not A Name', base_url: 'ftp://x.test' } });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details?.issues?.map((i) => i.path).sort()).toEqual(['json.base_url', 'json.name']);
    expect((await admin('/admin/llm/models?kind=image')).status).toBe(400);
  });
});

describe("a project's catalogue", () => {
  it('adds its own providers and models beside the platform ones, changes and deletes them', async () => {
    const { provider: platform, model: platformModel } = await platformProvider();
    const p = await createTestProject();
    const name = `own-${uid()}`;
    const created = await call('/llm/providers', { method: 'POST', key: p.key, json: { name, base_url: 'https://llm.example.test/v1', key_alias: 'MY_LLM_KEY', quirks: { stream_usage: false } } });
    expect(created.status).toBe(201);
    const provider = (await created.json()) as Provider;
    expect(provider).toMatchObject({ scope: 'project', name, base_url: 'https://llm.example.test/v1', key_alias: 'MY_LLM_KEY', quirks: { stream_usage: false }, region: null, enabled: true });
    const [row] = await handle.db.select().from(schema.llmProviders).where(eq(schema.llmProviders.id, provider.id));
    expect(row).toMatchObject({ projectId: p.id, name, keyAlias: 'MY_LLM_KEY' });

    // a platform provider's name is free in the project's scope, once
    const shadow = await call('/llm/providers', { method: 'POST', key: p.key, json: { name: platform.name, base_url: 'https://api.deepinfra.com/v1/openai' } });
    expect(shadow.status).toBe(201);
    const again = await call('/llm/providers', { method: 'POST', key: p.key, json: { name: platform.name, base_url: 'https://api.deepinfra.com/v1/openai' } });
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ code: 'CONFLICT', message: `a project provider named ${platform.name} already exists` });

    const chat = (await (await call('/llm/models', { method: 'POST', key: p.key, json: { provider: name, name: 'my-chat', upstream_model: 'vendor/chat-1', kind: 'chat', output_price_per_mtok: 1.5 } })).json()) as Model;
    expect(chat).toMatchObject({ scope: 'project', provider: name, name: 'my-chat', upstream_model: 'vendor/chat-1', context_window: 128_000, output_price_per_mtok: 1.5 });
    const emb = await call('/llm/models', { method: 'POST', key: p.key, json: { provider: name, name: 'my-embed', kind: 'embedding', dimensions: 1024 } });
    expect(emb.status).toBe(201);
    const embModel = (await emb.json()) as Model;

    const providers = await list<Provider>(await call('/llm/providers', { key: p.key }));
    expect(providers.filter((x) => x.scope === 'project').map((x) => x.name).sort()).toEqual([name, platform.name].sort());
    expect(providers.find((x) => x.id === platform.id)?.scope).toBe('platform');
    const chats = await list<Model>(await call('/llm/models?kind=chat', { key: p.key }));
    expect(chats.map((x) => x.id)).toEqual(expect.arrayContaining([chat.id, platformModel.id]));
    expect(chats.map((x) => x.id)).not.toContain(embModel.id);

    const patched = await call(`/llm/providers/${name}`, { method: 'PATCH', key: p.key, json: { enabled: false, region: 'eu' } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ enabled: false, region: 'eu', key_alias: 'MY_LLM_KEY', quirks: { stream_usage: false }, base_url: 'https://llm.example.test/v1' });
    const mPatched = await call(`/llm/models/${chat.id}`, { method: 'PATCH', key: p.key, json: { enabled: false } });
    expect(mPatched.status).toBe(200);
    expect(await mPatched.json()).toMatchObject({ enabled: false, output_price_per_mtok: 1.5, context_window: 128_000, upstream_model: 'vendor/chat-1' });

    const dropModel = await call(`/llm/models/${embModel.id}`, { method: 'DELETE', key: p.key });
    expect(dropModel.status).toBe(200);
    expect(((await dropModel.json()) as Model).id).toBe(embModel.id);

    const deleted = await call(`/llm/providers/${name}`, { method: 'DELETE', key: p.key });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toMatchObject({ id: provider.id, name, scope: 'project' });
    const models = await list<Model>(await call('/llm/models', { key: p.key }));
    expect(models.map((x) => x.id)).not.toContain(chat.id);
    expect(models.map((x) => x.id)).toContain(platformModel.id);
    expect(await handle.db.select().from(schema.llmModels).where(eq(schema.llmModels.providerId, provider.id))).toEqual([]);
  });

  it('refuses a model under a platform or unknown provider (422), a taken model name (409), unknown rows (404)', async () => {
    const { provider: platform } = await platformProvider();
    const p = await createTestProject();
    const name = `own-${uid()}`;
    expect((await call('/llm/providers', { method: 'POST', key: p.key, json: { name, base_url: 'https://llm.example.test/v1' } })).status).toBe(201);

    const underPlatform = await call('/llm/models', { method: 'POST', key: p.key, json: { provider: platform.name, name: 'x', kind: 'chat' } });
    expect(underPlatform.status).toBe(422);
    expect(await errorOf(underPlatform)).toMatchObject({
      code: 'UNPROCESSABLE',
      message: `provider ${platform.name} is a platform provider: a project adds models only under its own providers`,
    });
    const unknown = await call('/llm/models', { method: 'POST', key: p.key, json: { provider: `nope-${uid()}`, name: 'x', kind: 'chat' } });
    expect(unknown.status).toBe(422);
    expect((await errorOf(unknown)).message).toMatch(/^unknown provider nope-/);

    expect((await call('/llm/models', { method: 'POST', key: p.key, json: { provider: name, name: 'm1', kind: 'chat' } })).status).toBe(201);
    const dup = await call('/llm/models', { method: 'POST', key: p.key, json: { provider: name, name: 'm1', kind: 'embedding' } });
    expect(dup.status).toBe(409);
    expect(await errorOf(dup)).toMatchObject({ code: 'CONFLICT', message: `provider ${name} already has a model named m1` });

    for (const [path, method] of [
      [`/llm/providers/nope-${uid()}`, 'PATCH'],
      [`/llm/providers/nope-${uid()}`, 'DELETE'],
      [`/llm/models/${crypto.randomUUID()}`, 'PATCH'],
      [`/llm/models/${crypto.randomUUID()}`, 'DELETE'],
    ] as const) {
      const res = await call(path, { method, key: p.key, json: method === 'PATCH' ? { enabled: true } : undefined });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await call('/llm/models/not-a-uuid', { method: 'DELETE', key: p.key })).status).toBe(400);
  });

  it('records a bus event for each write, on the project', async () => {
    const p = await createTestProject();
    const name = `own-${uid()}`;
    expect((await call('/llm/providers', { method: 'POST', key: p.key, json: { name, base_url: 'https://llm.example.test/v1' } })).status).toBe(201);
    expect((await call(`/llm/providers/${name}`, { method: 'DELETE', key: p.key })).status).toBe(200);
    const types = await eventually(async () => {
      const rows = await handle.db.select().from(schema.busEvents).where(eq(schema.busEvents.projectId, p.id));
      const llm = rows.filter((r) => r.type.startsWith('llm_'));
      return llm.length >= 2 ? llm : null;
    });
    expect(types.map((r) => [r.type, r.payload]).sort()).toEqual([
      ['llm_provider_created', { name, scope: 'project' }],
      ['llm_provider_deleted', { name, scope: 'project' }],
    ]);
  });

  it("drops the routing catalogue cache: a project write its own entry, a platform write everyone's", async () => {
    const p = await createTestProject();
    const other = crypto.randomUUID();
    storeCatalogue(p.id, 'stale', catalogueGeneration(p.id));
    storeCatalogue(other, 'stale', catalogueGeneration(other));
    expect((await call('/llm/providers', { method: 'POST', key: p.key, json: { name: `own-${uid()}`, base_url: 'https://llm.example.test/v1' } })).status).toBe(201);
    expect(cachedCatalogue(p.id)).toBeUndefined();
    expect(cachedCatalogue(other)).toBe('stale');
    await platformProvider();
    expect(cachedCatalogue(other)).toBeUndefined();

    storeCatalogue(p.id, 'stale', catalogueGeneration(p.id));
    expect((await call('/llm/policy', { method: 'PUT', key: p.key, json: {} })).status).toBe(200);
    expect(cachedCatalogue(p.id)).toBeUndefined();
  });
});

describe('routing policy', () => {
  it('answers the defaults until one is stored, then the stored one; refuses names the project cannot see', async () => {
    const { model: platformModel } = await platformProvider();
    const p = await createTestProject();
    const defaults: RoutingPolicy = { allowed_models: [], fallback_order: [], daily_budget_usd: null, monthly_budget_usd: null, error_budget: null, region: null };
    const initial = await call('/llm/policy', { key: p.key });
    expect(initial.status).toBe(200);
    expect(await initial.json()).toEqual(defaults);

    const name = `own-${uid()}`;
    await call('/llm/providers', { method: 'POST', key: p.key, json: { name, base_url: 'https://llm.example.test/v1' } });
    await call('/llm/models', { method: 'POST', key: p.key, json: { provider: name, name: 'own-chat', kind: 'chat' } });

    const policy: RoutingPolicy = {
      allowed_models: [platformModel.name, 'own-chat'],
      fallback_order: ['own-chat'],
      daily_budget_usd: 5,
      monthly_budget_usd: 100,
      error_budget: 0.2,
      region: 'eu',
    };
    const put = await call('/llm/policy', { method: 'PUT', key: p.key, json: policy });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(policy);
    expect(await (await call('/llm/policy', { key: p.key })).json()).toEqual(policy);
    const [row] = await handle.db.select().from(schema.routingPolicies).where(eq(schema.routingPolicies.projectId, p.id));
    expect(row).toMatchObject({ allowedModels: policy.allowed_models, fallbackOrder: ['own-chat'], dailyBudgetUsd: 5 });

    const refused = await call('/llm/policy', { method: 'PUT', key: p.key, json: { allowed_models: ['ghost-1', 'own-chat'], fallback_order: ['ghost-2', 'ghost-1'] } });
    expect(refused.status).toBe(422);
    expect(await errorOf(refused)).toMatchObject({ code: 'UNPROCESSABLE', message: 'unknown models: ghost-1, ghost-2', details: { unknown_models: ['ghost-1', 'ghost-2'] } });
    expect(await (await call('/llm/policy', { key: p.key })).json()).toEqual(policy);

    // PUT replaces: what is left out returns to its default
    const replaced = await call('/llm/policy', { method: 'PUT', key: p.key, json: { fallback_order: [platformModel.name] } });
    expect(await replaced.json()).toEqual({ ...defaults, fallback_order: [platformModel.name] });

    const bad = await call('/llm/policy', { method: 'PUT', key: p.key, json: { error_budget: 2, allowed_models: ['bad name'] } });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details?.issues?.map((i) => i.path).sort()).toEqual(['json.allowed_models.0', 'json.error_budget']);
  });
});

describe('OpenAPI document', () => {
  it('holds every catalogue route under the llm tag, admin ones marked (admin)', async () => {
    const doc = (await (await app.request('/openapi.json', {}, bindings)).json()) as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    const expected: Record<string, string[]> = {
      '/admin/llm/providers': ['get', 'post'],
      '/admin/llm/providers/{name}': ['delete', 'patch'],
      '/admin/llm/models': ['get', 'post'],
      '/admin/llm/models/{id}': ['delete', 'patch'],
      '/llm/providers': ['get', 'post'],
      '/llm/providers/{name}': ['delete', 'patch'],
      '/llm/models': ['get', 'post'],
      '/llm/models/{id}': ['delete', 'patch'],
      '/llm/policy': ['get', 'put'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual(methods);
      for (const m of methods) {
        const op = doc.paths[path]![m]!;
        expect(op.tags, `${m} ${path}`).toEqual(['llm']);
        expect(/\(admin\)/.test(op.summary ?? ''), `${m} ${path}`).toBe(path.startsWith('/admin/'));
      }
    }
  });
});
