import type { Context } from 'hono';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import * as service from './llm-admin.service';
import * as routes from './llm-admin.routes';

const SOURCE = { source: 'llm' };

/** The platform catalogue's connection: admin routes write rows of no project. */
const platformDb = (c: Context) => c.get('serviceDb')('admin: llm catalogue');

/** Hosts a project's provider may point at. */
const allowHosts = (c: Context) => c.get('config').OUTBOUND_ALLOWLIST.split(',');

/**
 * The fields a PATCH body really sent. The update contracts are `.partial()` of create schemas with defaults, and
 * zod still fills those in: passed on as parsed, a PATCH would reset every field it left out.
 */
async function sentFields<T extends object>(c: Context, parsed: T): Promise<Partial<T>> {
  const raw = (await c.req.json()) as Record<string, unknown>; // parsed once by the validator, cached by Hono
  return Object.fromEntries(Object.entries(parsed).filter(([k]) => Object.hasOwn(raw, k))) as Partial<T>;
}

/** Admin routes: the platform's providers and models. */
const adminRouter = createRouter()
  .openapi(routes.adminListProvidersRoute, async (c) => c.json({ items: await service.listProviders(platformDb(c), null) }, 200))
  .openapi(routes.adminCreateProviderRoute, async (c) => {
    const provider = await service.createProvider(platformDb(c), null, c.req.valid('json'), null);
    c.get('events').emit('llm_provider_created', { name: provider.name, scope: provider.scope }, SOURCE);
    return c.json(provider, 201);
  })
  .openapi(routes.adminUpdateProviderRoute, async (c) => {
    const provider = await service.updateProvider(platformDb(c), null, c.req.valid('param').name, await sentFields(c, c.req.valid('json')), null);
    c.get('events').emit('llm_provider_updated', { name: provider.name, scope: provider.scope }, SOURCE);
    return c.json(provider, 200);
  })
  .openapi(routes.adminDeleteProviderRoute, async (c) => {
    const provider = await service.deleteProvider(platformDb(c), null, c.req.valid('param').name);
    c.get('events').emit('llm_provider_deleted', { name: provider.name, scope: provider.scope }, SOURCE);
    return c.json(provider, 200);
  })
  .openapi(routes.adminListModelsRoute, async (c) => c.json({ items: await service.listModels(platformDb(c), null, c.req.valid('query').kind) }, 200))
  .openapi(routes.adminCreateModelRoute, async (c) => {
    const model = await service.createModel(platformDb(c), null, c.req.valid('json'));
    c.get('events').emit('llm_model_created', { id: model.id, name: model.name, provider: model.provider, scope: model.scope }, SOURCE);
    return c.json(model, 201);
  })
  .openapi(routes.adminUpdateModelRoute, async (c) => {
    const model = await service.updateModel(platformDb(c), null, c.req.valid('param').id, await sentFields(c, c.req.valid('json')));
    c.get('events').emit('llm_model_updated', { id: model.id, name: model.name, provider: model.provider, scope: model.scope }, SOURCE);
    return c.json(model, 200);
  })
  .openapi(routes.adminDeleteModelRoute, async (c) => {
    const model = await service.deleteModel(platformDb(c), null, c.req.valid('param').id);
    c.get('events').emit('llm_model_deleted', { id: model.id, name: model.name, provider: model.provider, scope: model.scope }, SOURCE);
    return c.json(model, 200);
  });

/** Project routes: the catalogue the project sees, its own providers and models, its routing policy. */
const projectRouter = createRouter()
  .openapi(routes.listProvidersRoute, async (c) => c.json({ items: await service.listProviders(c.get('db')(), principalOf(c).projectId) }, 200))
  .openapi(routes.createProviderRoute, async (c) => {
    const provider = await service.createProvider(c.get('db')(), principalOf(c).projectId, c.req.valid('json'), allowHosts(c));
    c.get('events').emit('llm_provider_created', { name: provider.name, scope: provider.scope }, SOURCE);
    return c.json(provider, 201);
  })
  .openapi(routes.updateProviderRoute, async (c) => {
    const { projectId } = principalOf(c);
    const provider = await service.updateProvider(c.get('db')(), projectId, c.req.valid('param').name, await sentFields(c, c.req.valid('json')), allowHosts(c));
    c.get('events').emit('llm_provider_updated', { name: provider.name, scope: provider.scope }, SOURCE);
    return c.json(provider, 200);
  })
  .openapi(routes.deleteProviderRoute, async (c) => {
    const provider = await service.deleteProvider(c.get('db')(), principalOf(c).projectId, c.req.valid('param').name);
    c.get('events').emit('llm_provider_deleted', { name: provider.name, scope: provider.scope }, SOURCE);
    return c.json(provider, 200);
  })
  .openapi(routes.listModelsRoute, async (c) => c.json({ items: await service.listModels(c.get('db')(), principalOf(c).projectId, c.req.valid('query').kind) }, 200))
  .openapi(routes.createModelRoute, async (c) => {
    const model = await service.createModel(c.get('db')(), principalOf(c).projectId, c.req.valid('json'));
    c.get('events').emit('llm_model_created', { id: model.id, name: model.name, provider: model.provider, scope: model.scope }, SOURCE);
    return c.json(model, 201);
  })
  .openapi(routes.updateModelRoute, async (c) => {
    const model = await service.updateModel(c.get('db')(), principalOf(c).projectId, c.req.valid('param').id, await sentFields(c, c.req.valid('json')));
    c.get('events').emit('llm_model_updated', { id: model.id, name: model.name, provider: model.provider, scope: model.scope }, SOURCE);
    return c.json(model, 200);
  })
  .openapi(routes.deleteModelRoute, async (c) => {
    const model = await service.deleteModel(c.get('db')(), principalOf(c).projectId, c.req.valid('param').id);
    c.get('events').emit('llm_model_deleted', { id: model.id, name: model.name, provider: model.provider, scope: model.scope }, SOURCE);
    return c.json(model, 200);
  })
  .openapi(routes.getPolicyRoute, async (c) => c.json(await service.getPolicy(c.get('db')(), principalOf(c).projectId), 200))
  .openapi(routes.putPolicyRoute, async (c) => {
    const policy = await service.putPolicy(c.get('db')(), principalOf(c).projectId, c.req.valid('json'));
    c.get('events').emit('llm_policy_updated', { allowed_models: policy.allowed_models.length, fallback_order: policy.fallback_order }, SOURCE);
    return c.json(policy, 200);
  });

/** LLM catalogue routes: the platform's (admin) and each project's providers, models and routing policy. */
export const llmAdminRouter = createRouter().route('/', adminRouter).route('/', projectRouter);
