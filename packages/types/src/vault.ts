import { z } from '@hono/zod-openapi';

/** Vault aliases are SCREAMING_SNAKE names, e.g. FIGMA_API_KEY. */
export const SecretAliasSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'SCREAMING_SNAKE_CASE, 2–64 characters')
  .openapi({ example: 'FIGMA_API_KEY' });

export const SecretVersionSchema = z
  .object({
    alias: z.string(),
    version: z.number().int(),
    status: z.enum(['active', 'rotated', 'revoked']),
    last4: z.string().nullable().openapi({ description: 'Last 4 characters of the value; null when it has under 12' }),
    created_at: z.string(),
    updated_at: z.string(),
    revoked_at: z.string().nullable(),
  })
  .openapi('SecretVersion');

export const PutSecretSchema = z
  .object({ value: z.string().min(1).max(16_384).openapi({ description: 'Write-only; never returned' }) })
  .openapi('PutSecret');

export const SecretAuditSchema = z
  .object({
    alias: z.string(),
    version: z.number().int().nullable(),
    action: z.enum(['set', 'rotate', 'revoke', 'use']),
    actor: z.string(),
    trace_id: z.string().nullable(),
    at: z.string(),
  })
  .openapi('SecretAudit');
