import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateModelSchema,
  CreateProviderSchema,
  ModelSchema,
  ProviderNameSchema,
  ProviderSchema,
  RoutingPolicySchema,
  UpdateModelSchema,
  UpdateProviderSchema,
  UuidSchema,
} from '@cogo/types';
import { BEARER, errorResponses, jsonBody, jsonResponse } from '../../lib/openapi';
import { adminGuard, guard } from '../../middleware';

const NameParam = z.object({ name: ProviderNameSchema.openapi({ param: { name: 'name', in: 'path' } }) });
const IdParam = z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) });
const KindQuery = z.object({ kind: z.enum(['chat', 'embedding']).optional().openapi({ param: { name: 'kind', in: 'query' } }) });
const Providers = z.object({ items: z.array(ProviderSchema) });
const Models = z.object({ items: z.array(ModelSchema) });

// each route gets its own guard chain, as elsewhere
const admin = () => ({ tags: ['llm'], security: BEARER, middleware: adminGuard() });
const project = () => ({ tags: ['llm'], security: BEARER, middleware: guard() });
const adminErrors = (...s: Array<404 | 409 | 422>) => errorResponses(400, 401, 403, ...s, 429);
const projectErrors = (...s: Array<404 | 409 | 422>) => errorResponses(400, 401, ...s, 429);

// platform catalogue (admin token): rows with no project, which every project may route to

export const adminListProvidersRoute = createRoute({
  ...admin(),
  method: 'get',
  path: '/admin/llm/providers',
  summary: 'Platform LLM providers (admin)',
  responses: { 200: jsonResponse(Providers, 'Platform providers'), ...adminErrors() },
});

export const adminCreateProviderRoute = createRoute({
  ...admin(),
  method: 'post',
  path: '/admin/llm/providers',
  summary: 'Add a platform LLM provider (admin)',
  request: jsonBody(CreateProviderSchema),
  responses: { 201: jsonResponse(ProviderSchema, 'Created'), ...adminErrors(409, 422) },
});

export const adminUpdateProviderRoute = createRoute({
  ...admin(),
  method: 'patch',
  path: '/admin/llm/providers/{name}',
  summary: 'Change a platform LLM provider; fields left out keep their value (admin)',
  request: { params: NameParam, ...jsonBody(UpdateProviderSchema) },
  responses: { 200: jsonResponse(ProviderSchema, 'Updated'), ...adminErrors(404, 422) },
});

export const adminDeleteProviderRoute = createRoute({
  ...admin(),
  method: 'delete',
  path: '/admin/llm/providers/{name}',
  summary: 'Delete a platform LLM provider and its models (admin)',
  request: { params: NameParam },
  responses: { 200: jsonResponse(ProviderSchema, 'The deleted provider'), ...adminErrors(404) },
});

export const adminListModelsRoute = createRoute({
  ...admin(),
  method: 'get',
  path: '/admin/llm/models',
  summary: 'Models of the platform providers (admin)',
  request: { query: KindQuery },
  responses: { 200: jsonResponse(Models, 'Platform models'), ...adminErrors() },
});

export const adminCreateModelRoute = createRoute({
  ...admin(),
  method: 'post',
  path: '/admin/llm/models',
  summary: 'Add a model under a platform provider (admin)',
  request: jsonBody(CreateModelSchema),
  responses: { 201: jsonResponse(ModelSchema, 'Created'), ...adminErrors(409, 422) },
});

export const adminUpdateModelRoute = createRoute({
  ...admin(),
  method: 'patch',
  path: '/admin/llm/models/{id}',
  summary: 'Change a platform model; fields left out keep their value (admin)',
  request: { params: IdParam, ...jsonBody(UpdateModelSchema) },
  responses: { 200: jsonResponse(ModelSchema, 'Updated'), ...adminErrors(404) },
});

export const adminDeleteModelRoute = createRoute({
  ...admin(),
  method: 'delete',
  path: '/admin/llm/models/{id}',
  summary: 'Delete a platform model (admin)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(ModelSchema, 'The deleted model'), ...adminErrors(404) },
});

// a project's catalogue: it sees the platform's rows and writes only its own

export const listProvidersRoute = createRoute({
  ...project(),
  method: 'get',
  path: '/llm/providers',
  summary: "LLM providers the project may route to: the platform's and its own (see `scope`)",
  responses: { 200: jsonResponse(Providers, 'Providers'), ...projectErrors() },
});

export const createProviderRoute = createRoute({
  ...project(),
  method: 'post',
  path: '/llm/providers',
  summary: "Add an OpenAI-compatible provider of the project's own (its host must be in OUTBOUND_ALLOWLIST)",
  request: jsonBody(CreateProviderSchema),
  responses: { 201: jsonResponse(ProviderSchema, 'Created'), ...projectErrors(409, 422) },
});

export const updateProviderRoute = createRoute({
  ...project(),
  method: 'patch',
  path: '/llm/providers/{name}',
  summary: "Change one of the project's providers; fields left out keep their value",
  request: { params: NameParam, ...jsonBody(UpdateProviderSchema) },
  responses: { 200: jsonResponse(ProviderSchema, 'Updated'), ...projectErrors(404, 422) },
});

export const deleteProviderRoute = createRoute({
  ...project(),
  method: 'delete',
  path: '/llm/providers/{name}',
  summary: "Delete one of the project's providers and its models",
  request: { params: NameParam },
  responses: { 200: jsonResponse(ProviderSchema, 'The deleted provider'), ...projectErrors(404) },
});

export const listModelsRoute = createRoute({
  ...project(),
  method: 'get',
  path: '/llm/models',
  summary: "Models the project may route to: the platform's and its own",
  request: { query: KindQuery },
  responses: { 200: jsonResponse(Models, 'Models'), ...projectErrors() },
});

export const createModelRoute = createRoute({
  ...project(),
  method: 'post',
  path: '/llm/models',
  summary: "Add a model under one of the project's own providers",
  request: jsonBody(CreateModelSchema),
  responses: { 201: jsonResponse(ModelSchema, 'Created'), ...projectErrors(409, 422) },
});

export const updateModelRoute = createRoute({
  ...project(),
  method: 'patch',
  path: '/llm/models/{id}',
  summary: "Change one of the project's models; fields left out keep their value",
  request: { params: IdParam, ...jsonBody(UpdateModelSchema) },
  responses: { 200: jsonResponse(ModelSchema, 'Updated'), ...projectErrors(404) },
});

export const deleteModelRoute = createRoute({
  ...project(),
  method: 'delete',
  path: '/llm/models/{id}',
  summary: "Delete one of the project's models",
  request: { params: IdParam },
  responses: { 200: jsonResponse(ModelSchema, 'The deleted model'), ...projectErrors(404) },
});

export const getPolicyRoute = createRoute({
  ...project(),
  method: 'get',
  path: '/llm/policy',
  summary: "The project's routing policy (the defaults when it has stored none)",
  responses: { 200: jsonResponse(RoutingPolicySchema, 'Policy'), ...errorResponses(401, 429) },
});

export const putPolicyRoute = createRoute({
  ...project(),
  method: 'put',
  path: '/llm/policy',
  summary: "Replace the project's routing policy; every model it names must be one the project can see",
  request: jsonBody(RoutingPolicySchema),
  responses: { 200: jsonResponse(RoutingPolicySchema, 'Stored'), ...projectErrors(422) },
});
