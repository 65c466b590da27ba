// Plugin-only mode (no Figma token): presign → upload the plugin's export → ingest → stream/apply.
import { z } from '@hono/zod-openapi';
import { UuidSchema } from './ids';

export const PresignSchema = z
  .object({
    filename: z.string().max(200).optional(),
    content_type: z.literal('application/json').default('application/json'),
    size: z.number().int().min(1).optional().openapi({ description: 'Bytes the client will upload (checked against the limit up front)' }),
  })
  .openapi('Presign');

export const PresignResponseSchema = z
  .object({
    upload_id: UuidSchema,
    upload_url: z.string().openapi({ description: 'PUT the JSON here with Content-Type: application/json; no Authorization header needed' }),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expires_at: z.string(),
    max_bytes: z.number().int(),
  })
  .openapi('PresignResponse');

export const UploadResultSchema = z.object({ upload_id: UuidSchema, size: z.number().int() }).openapi('UploadResult');

export const IngestSchema = z
  .object({
    upload_id: UuidSchema,
    file_key: z
      .string()
      .regex(/^[A-Za-z0-9]{6,128}$/)
      .optional()
      .openapi({ description: 'The Figma file key (figma.fileKey in the plugin), so ids match token-based extraction of the same file' }),
    name: z.string().max(300).optional(),
  })
  .openapi('Ingest');
