// figma-compat contract, the design-reading routes (issue 13): where a page's design comes from — a stored page,
// a figma-context or ingest job's file, a plugin upload, a Figma file (read through the version cache) or inline
// Figma JSON — and what each route answers: Gherkin features, the prototype's screen graph, the symbols map.
import { z } from '@hono/zod-openapi';
import { FigmaNodeIdSchema, JobIdSchema, UuidSchema } from './ids';

export const DesignSourceSchema = z
  .object({
    page_id: UuidSchema.optional().openapi({ description: 'A stored page (GET /pages): its file and node, read as the file it came from was (Figma through the version cache, or its plugin upload)' }),
    job_id: JobIdSchema.optional().openapi({ description: "A figma-context or ingest job: its file at the version it read (running or finished), its page or scoped node unless `node_id` names another" }),
    upload_id: UuidSchema.optional().openapi({ description: 'A plugin upload (POST /figma-compat/uui/upload-url): the exported JSON' }),
    file_key: z.string().regex(/^[A-Za-z0-9]{6,128}$/, 'a Figma file key').optional(),
    figma_url: z.string().min(1).max(4096).optional().openapi({ description: 'A Figma design URL; its `node-id` is the node unless `node_id` is given' }),
    node_id: FigmaNodeIdSchema.optional().openapi({ description: 'The page (CANVAS) or frame to read; required when the file has more than one page and nothing else names one' }),
    document: z.unknown().optional().openapi({ description: 'Inline Figma JSON: a GET /v1/files/:key or /nodes response, a node (JSON_REST_V1 export), or an array of nodes' }),
  })
  .refine((s) => [s.page_id, s.job_id, s.upload_id, s.file_key ?? s.figma_url, s.document].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of page_id, job_id, upload_id, file_key (or figma_url), document',
    path: ['page_id'],
  })
  .refine((s) => !(s.file_key && s.figma_url), { message: 'give file_key or figma_url, not both', path: ['figma_url'] })
  .openapi('DesignSource');
export type DesignSource = z.infer<typeof DesignSourceSchema>;

/** Where the design an answer was derived from came from, and what reading it cost. */
export const DesignOriginSchema = z
  .object({
    kind: z.enum(['figma', 'upload', 'inline']),
    file_key: z.string().nullable(),
    version: z.string().nullable().openapi({ description: "Figma's file version read (null: an upload or inline JSON)" }),
    node_id: z.string().nullable(),
    node_name: z.string().nullable(),
    figma_calls: z.object({ tier1: z.number().int(), tier2: z.number().int(), cached: z.number().int() }).openapi({ description: 'Figma calls this request made by tier, and answers replayed from the version cache' }),
  })
  .openapi('DesignOrigin');
export type DesignOrigin = z.infer<typeof DesignOriginSchema>;
