// The project's change feed (issue 9): the outbox rows of `cogo.project_updates`, read by keyset on their id.
import { z } from '@hono/zod-openapi';
import { UuidSchema } from './ids';

/** `?after=<id>&limit=`: rows with an id above `after` (0 or absent: from the start), oldest first. */
export const ProjectUpdatesQuerySchema = z.object({
  after: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,14})$/, 'must be an update id (a non-negative integer) from a previous page')
    .optional()
    .openapi({ example: '0', description: 'the `next_after` of the previous page; absent or 0 for the first' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ example: 100 }),
});
export type ProjectUpdatesQuery = z.infer<typeof ProjectUpdatesQuerySchema>;

export const ProjectUpdateSchema = z
  .object({
    id: z.number().int().openapi({ description: 'global order of changes; pass the last one as `after`' }),
    entity: z.enum(['page', 'project_page', 'component', 'project', 'token_version', 'action_flow']),
    entity_id: UuidSchema,
    operation: z.enum(['insert', 'update', 'delete']),
    content_hash: z.string().nullable(),
    version: z.number().int().openapi({ description: '1, 2, 3 … per entity' }),
    trace_id: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
  })
  .openapi('ProjectUpdate');

export const ProjectUpdatesPageSchema = z
  .object({
    items: z.array(ProjectUpdateSchema),
    next_after: z.string().nullable().openapi({ description: 'the `after` of the next page; null when this page is the last' }),
    latest_id: z.number().int().openapi({ description: "the project's newest update id now (0: none): a follower starting now follows from it" }),
  })
  .openapi('ProjectUpdatesPage');

/** `POST /admin/updates/replay`: re-send undelivered updates, optionally of one project and/or since a time. */
export const ReplayUpdatesSchema = z
  .object({
    project_id: UuidSchema.optional(),
    since: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('ReplayUpdates');

export const ReplayUpdatesResultSchema = z
  .object({ sent: z.number().int(), more: z.boolean().openapi({ description: 'true when more remain: call again' }) })
  .openapi('ReplayUpdatesResult');
