// Who may write which catalogue rows, where a project's provider may point (SSRF), and what a provider view
// reveals (an alias, never a key).
import { schema } from '@cogo/db';
import { ErrorEnvelopeSchema, ProviderSchema, type Model, type Provider } from '@cogo/types';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { env } from 'cloudflare:test';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, testDb, type TestProject } from '../../../test/helpers';

const handle = testDb();
afterAll(() => handle.close());

const bindings = { ...env, OUTBOUND_ALLOWLIST: 'llm.example.test, *.deepinfra.com ,' };
const app = createApp();

async function call(path: string, init: { method?: string; key?: string; json?: unknown }) {
  const headers: Record<string, string> = {};
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  return app.request(path, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) }, bindings);
}
const errorOf = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error;
const uid = () => crypto.randomUUID().slice(0, 8);
const items = async <T>(res: Response) => ((await res.json()) as { items: T[] }).items;

// platform rows are shared by every test file: removed after each test, created disabled
const platformNames: string[] = [];
afterEach(async () => {
  if (platformNames.length) await handle.db.delete(schema.llmProviders).where(and(isNull(schema.llmProviders.projectId), inArray(schema.llmProviders.name, platformNames.splice(0))));
});

async function platformCatalogue() {
  const name = `plat-${uid()}`;
  platformNames.push(name);
  const res = await call('/admin/llm/providers', { method: 'POST', key: env.ADMIN_TOKEN, json: { name, base_url: 'https://internal.platform.test/v1', enabled: false } });
  expect(res.status).toBe(201);
  const m = await call('/admin/llm/models', { method: 'POST', key: env.ADMIN_TOKEN, json: { provider: name, name: `pm-${uid()}`, kind: 'chat' } });
  expect(m.status).toBe(201);
  return { provider: (await res.json()) as Provider, model: (await m.json()) as Model };
}

async function ownCatalogue(p: TestProject) {
  const name = `own-${uid()}`;
  const res = await call('/llm/providers', { method: 'POST', key: p.key, json: { name, base_url: 'https://llm.example.test/v1', key_alias: 'OWN_KEY' } });
  expect(res.status).toBe(201);
  const m = await call('/llm/models', { method: 'POST', key: p.key, json: { provider: name, name: `om-${uid()}`, kind: 'chat' } });
  expect(m.status).toBe(201);
  return { provider: (await res.json()) as Provider, model: (await m.json()) as Model };
}

describe('llm catalogue: admin routes', () => {
  it('refuse a project key and no credentials with 401, and write nothing', async () => {
    const p = await createTestProject();
    const name = `plat-${uid()}`;
    platformNames.push(name);
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/admin/llm/providers'],
      ['POST', '/admin/llm/providers', { name, base_url: 'https://x.test/v1' }],
      ['PATCH', `/admin/llm/providers/${name}`, { enabled: true }],
      ['DELETE', `/admin/llm/providers/${name}`],
      ['GET', '/admin/llm/models'],
      ['POST', '/admin/llm/models', { provider: name, name: 'm', kind: 'chat' }],
      ['PATCH', `/admin/llm/models/${crypto.randomUUID()}`, { enabled: true }],
      ['DELETE', `/admin/llm/models/${crypto.randomUUID()}`],
    ];
    for (const [method, path, json] of routes) {
      for (const key of [p.key, undefined]) {
        const res = await call(path, { method, key, json });
        expect(res.status, `${method} ${path} ${key ? 'project key' : 'anonymous'}`).toBe(401);
        expect((await errorOf(res)).code).toBe('UNAUTHORIZED');
      }
    }
    expect(await handle.db.select().from(schema.llmProviders).where(eq(schema.llmProviders.name, name))).toEqual([]);
  });

  it('a project route does not take the admin token', async () => {
    const res = await call('/llm/providers', { method: 'POST', key: env.ADMIN_TOKEN, json: { name: `own-${uid()}`, base_url: 'https://llm.example.test/v1' } });
    expect(res.status).toBe(401);
  });
});

describe('llm catalogue: tenant isolation', () => {
  it("a project neither sees nor changes another's providers, models or policy; both see the platform's", async () => {
    const platform = await platformCatalogue();
    const a = await createTestProject();
    const b = await createTestProject();
    const own = await ownCatalogue(a);
    const policy = { allowed_models: [own.model.name], fallback_order: [], daily_budget_usd: 1, monthly_budget_usd: null, error_budget: null, region: null };
    expect((await call('/llm/policy', { method: 'PUT', key: a.key, json: policy })).status).toBe(200);

    for (const p of [a, b]) {
      expect((await items<Provider>(await call('/llm/providers', { key: p.key }))).map((x) => x.id)).toContain(platform.provider.id);
      expect((await items<Model>(await call('/llm/models', { key: p.key }))).map((x) => x.id)).toContain(platform.model.id);
    }
    expect((await items<Provider>(await call('/llm/providers', { key: b.key }))).map((x) => x.id)).not.toContain(own.provider.id);
    expect((await items<Model>(await call('/llm/models', { key: b.key }))).map((x) => x.id)).not.toContain(own.model.id);

    const writes: Array<[string, string, unknown?]> = [
      ['PATCH', `/llm/providers/${own.provider.name}`, { base_url: 'https://llm.example.test/stolen' }],
      ['DELETE', `/llm/providers/${own.provider.name}`],
      ['PATCH', `/llm/models/${own.model.id}`, { upstream_model: 'stolen' }],
      ['DELETE', `/llm/models/${own.model.id}`],
    ];
    for (const [method, path, json] of writes) {
      const res = await call(path, { method, key: b.key, json });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // B cannot add a model under A's provider, nor name A's model in its policy, nor read A's policy
    const under = await call('/llm/models', { method: 'POST', key: b.key, json: { provider: own.provider.name, name: 'x', kind: 'chat' } });
    expect(under.status).toBe(422);
    const named = await call('/llm/policy', { method: 'PUT', key: b.key, json: { allowed_models: [own.model.name, platform.model.name] } });
    expect(named.status).toBe(422);
    expect((await errorOf(named)).details).toEqual({ unknown_models: [own.model.name] });
    expect(((await (await call('/llm/policy', { key: b.key })).json()) as { allowed_models: string[] }).allowed_models).toEqual([]);
    // the same name in B's own scope is B's, not a clash
    expect((await call('/llm/providers', { method: 'POST', key: b.key, json: { name: own.provider.name, base_url: 'https://llm.example.test/b' } })).status).toBe(201);

    expect((await items<Provider>(await call('/llm/providers', { key: a.key }))).find((x) => x.id === own.provider.id)).toEqual(own.provider);
    expect((await items<Model>(await call('/llm/models', { key: a.key }))).find((x) => x.id === own.model.id)).toEqual(own.model);
    expect(await (await call('/llm/policy', { key: a.key })).json()).toEqual(policy);
  });

  it("a project cannot change or delete the platform's providers and models (404), though it sees them", async () => {
    const platform = await platformCatalogue();
    const p = await createTestProject();
    const writes: Array<[string, string, unknown?]> = [
      ['PATCH', `/llm/providers/${platform.provider.name}`, { enabled: true }],
      ['DELETE', `/llm/providers/${platform.provider.name}`],
      ['PATCH', `/llm/models/${platform.model.id}`, { enabled: true }],
      ['DELETE', `/llm/models/${platform.model.id}`],
    ];
    for (const [method, path, json] of writes) {
      const res = await call(path, { method, key: p.key, json });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await errorOf(res)).code).toBe('NOT_FOUND');
    }
    const [provider] = await handle.db.select().from(schema.llmProviders).where(eq(schema.llmProviders.id, platform.provider.id));
    expect(provider).toMatchObject({ enabled: false, projectId: null });
    const [model] = await handle.db.select().from(schema.llmModels).where(eq(schema.llmModels.id, platform.model.id));
    expect(model).toMatchObject({ enabled: true, providerId: platform.provider.id });
  });
});

describe("llm catalogue: where a project's provider may point", () => {
  it('refuses a base_url whose host is not in OUTBOUND_ALLOWLIST with 422 naming the host, and stores nothing', async () => {
    const p = await createTestProject();
    const cases: Array<[string, string]> = [
      ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
      ['http://localhost:8787/v1', 'localhost:8787'],
      ['http://127.0.0.1/v1', '127.0.0.1'],
      ['https://llm.example.test.evil.com/v1', 'llm.example.test.evil.com'],
      ['https://deepinfra.com/v1', 'deepinfra.com'],
    ];
    for (const [base_url, host] of cases) {
      const name = `own-${uid()}`;
      const res = await call('/llm/providers', { method: 'POST', key: p.key, json: { name, base_url } });
      expect(res.status, base_url).toBe(422);
      expect(await errorOf(res)).toMatchObject({ code: 'UNPROCESSABLE', message: `host ${host} of base_url is not in OUTBOUND_ALLOWLIST`, details: { host } });
      expect(await handle.db.select().from(schema.llmProviders).where(eq(schema.llmProviders.name, name))).toEqual([]);
    }
    // a wildcard entry admits subdomains
    expect((await call('/llm/providers', { method: 'POST', key: p.key, json: { name: `own-${uid()}`, base_url: 'https://api.deepinfra.com/v1/openai' } })).status).toBe(201);

    // nor may a PATCH move an existing provider there
    const { provider } = await ownCatalogue(p);
    const moved = await call(`/llm/providers/${provider.name}`, { method: 'PATCH', key: p.key, json: { base_url: 'http://169.254.169.254/' } });
    expect(moved.status).toBe(422);
    const [row] = await handle.db.select().from(schema.llmProviders).where(eq(schema.llmProviders.id, provider.id));
    expect(row!.baseUrl).toBe('https://llm.example.test/v1');

    // with no allowlist at all (the deployment's default), no host is allowed
    const none = await api('/llm/providers', { method: 'POST', key: p.key, json: { name: `own-${uid()}`, base_url: 'https://llm.example.test/v1' } });
    expect(none.status).toBe(422);
  });

  it('lets the platform (admin) point anywhere', async () => {
    const name = `plat-${uid()}`;
    platformNames.push(name);
    const res = await call('/admin/llm/providers', { method: 'POST', key: env.ADMIN_TOKEN, json: { name, base_url: 'http://10.0.0.7:8000/v1', enabled: false } });
    expect(res.status).toBe(201);
  });
});

describe('llm catalogue: keys', () => {
  it('refuses credentials in base_url and a key in place of an alias; views carry only the contract fields', async () => {
    const p = await createTestProject();
    const secret = `sk-live-${crypto.randomUUID()}`;
    for (const [path, key] of [
      ['/llm/providers', p.key],
      ['/admin/llm/providers', env.ADMIN_TOKEN],
    ] as const) {
      const name = `leak-${uid()}`;
      const inUrl = await call(path, { method: 'POST', key, json: { name, base_url: `https://user:${secret}@llm.example.test/v1` } });
      expect(inUrl.status, path).toBe(422);
      const text = JSON.stringify(await errorOf(inUrl));
      expect(text).toContain('must not carry credentials');
      expect(text).not.toContain(secret);
      const asAlias = await call(path, { method: 'POST', key, json: { name, base_url: 'https://llm.example.test/v1', key_alias: secret } });
      expect(asAlias.status, path).toBe(400);
      expect(await handle.db.select().from(schema.llmProviders).where(eq(schema.llmProviders.name, name))).toEqual([]);
    }

    const { provider } = await ownCatalogue(p);
    const fields = Object.keys(ProviderSchema.shape).sort();
    expect(Object.keys(provider).sort()).toEqual(fields);
    for (const item of await items<Provider>(await call('/llm/providers', { key: p.key }))) expect(Object.keys(item).sort()).toEqual(fields);
  });
});
