// Artifacts (issue 14, seed 002): generated plans, UI JSON, diffs and large job outputs, stored as R2 objects with a
// row each (project, kind, content type, bytes, sha256, trace, created, expires). Served by GET /artifacts/{id}
// (tenancy-checked, streamed, ETag) and listed by GET /artifacts; kept ARTIFACT_TTL_DAYS.
import { z } from '@hono/zod-openapi';
import { UuidSchema } from './ids';

export const ArtifactKindSchema = z.enum(['plan', 'ui_json', 'diff', 'job_output', 'scaffold', 'screenshot', 'image', 'job_input']).openapi('ArtifactKind');
export type ArtifactKind = z.infer<typeof ArtifactKindSchema>;

export const ArtifactSchema = z
  .object({
    id: UuidSchema,
    kind: ArtifactKindSchema,
    content_type: z.string(),
    bytes: z.number().int(),
    sha256: z.string().openapi({ description: 'Hex SHA-256 of the bytes; the ETag is it, quoted' }),
    trace_id: z.string().nullable(),
    created_at: z.string(),
    expires_at: z.string(),
  })
  .openapi('Artifact');
export type Artifact = z.infer<typeof ArtifactSchema>;

/** Where a result too large to answer inline was put: GET `url` (with the same key) gives it back byte for byte. */
export const ArtifactPointerSchema = z
  .object({
    artifact_id: UuidSchema,
    url: z.string().openapi({ example: '/artifacts/4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11' }),
    kind: ArtifactKindSchema,
    content_type: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
  })
  .openapi('ArtifactPointer');
export type ArtifactPointer = z.infer<typeof ArtifactPointerSchema>;

export const ArtifactListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional(),
  kind: ArtifactKindSchema.optional(),
  trace_id: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});
export type ArtifactListQuery = z.infer<typeof ArtifactListQuerySchema>;
