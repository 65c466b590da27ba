import { z } from '@hono/zod-openapi';
import { UuidSchema } from './ids';

export const ProjectSchema = z
  .object({ id: UuidSchema, slug: z.string(), name: z.string(), created_at: z.string() })
  .openapi('Project');

export const CreateProjectSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes, 2–63 characters')
      .openapi({ example: 'storefront' }),
    name: z.string().trim().min(1).max(200).openapi({ example: 'Storefront' }),
  })
  .openapi('CreateProject');

export const ApiKeySchema = z
  .object({
    id: UuidSchema,
    name: z.string(),
    prefix: z.string().openapi({ example: 'cogo_k3j9x2mz', description: 'The only part of a key shown again after creation' }),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    expires_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    rotated_from: z.string().nullable(),
  })
  .openapi('ApiKey');

export const IssuedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: 'The full key. Shown once; store it now.' }),
}).openapi('IssuedApiKey');

export const CreateApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ example: 'ci' }),
    expires_in_days: z.number().int().min(1).max(3650).optional(),
  })
  .openapi('CreateApiKey');

export const CreatedProjectSchema = z.object({ project: ProjectSchema, api_key: IssuedApiKeySchema }).openapi('CreatedProject');
