// design-sync contract (issue 15, seed 003): a registry of coded components (Storybook index + props from a
// components manifest or react-docgen-typescript, Code Connect as explicit mappings), mappings to the Figma
// components figma-context stored, drift between the two, sync operations (atomic per component) with an undo stack,
// and coverage. Inner shapes (props, stories, drift items) are @cogo/design-sync's own, written once.
import { z } from '@hono/zod-openapi';
import { ArtifactPointerSchema } from './artifacts';
import { TraceIdSchema, UuidSchema } from './ids';

/** Limits of one registry ingest (a large design system: ~2,000 components, ~20,000 stories). */
export const DESIGN_SYNC_LIMITS = {
  components: 5_000,
  storyEntries: 50_000,
  propsPerComponent: 500,
  mappingsPerOperation: 500,
  undoDepth: 50,
  undoWindowHours: 24,
} as const;

const FileKeySchema = z.string().regex(/^[A-Za-z0-9]{6,128}$/, 'a Figma file key');
const NodeIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f]+$/, 'a Figma node id')
  .openapi({ example: '12:34' });

export const CodePropSchema = z
  .object({
    name: z.string(),
    kind: z.enum(['boolean', 'string', 'number', 'enum', 'node', 'function', 'other']),
    type: z.string(),
    values: z.array(z.string()).optional(),
    default: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    required: z.boolean().optional(),
    description: z.string().optional(),
  })
  .openapi('CodeProp');

export const CodeStorySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(['story', 'docs']),
    tags: z.array(z.string()),
    args: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .openapi('CodeStory');

export const CodeComponentSchema = z
  .object({
    id: UuidSchema,
    key: z.string().openapi({ example: 'Components/Button' }),
    name: z.string(),
    import_path: z.string().nullable(),
    component_path: z.string().nullable(),
    description: z.string().nullable(),
    props: z.array(CodePropSchema),
    stories: z.array(CodeStorySchema),
    content_hash: z.string(),
    updated_at: z.string(),
  })
  .openapi('CodeComponent');

const JsonDocument = z.unknown().openapi({ type: 'object' });

export const RegistryIngestRequestSchema = z
  .object({
    index: JsonDocument.optional().openapi({ description: 'Storybook `index.json` (v5): `{ v: 5, entries: { <id>: { id, title, name, importPath, componentPath?, tags, type } } }`' }),
    manifest: JsonDocument.optional().openapi({ description: 'Storybook 10 components manifest (`manifests/components.json`): props per component' }),
    docgen: JsonDocument.optional().openapi({ description: 'react-docgen-typescript output (an array of `{ displayName, filePath, props }`)' }),
    code_connect: JsonDocument.optional().openapi({ description: 'Code Connect JSON: explicit component ↔ Figma node mappings (confirmed at once)' }),
    storybook_url: z.string().url().max(2_000).optional().openapi({ description: 'Where the Storybook build is served (kept for browser sessions and links)' }),
    prune: z.boolean().default(false).openapi({ description: 'Delete registry components this ingest does not name (default: keep them)' }),
    trace_id: TraceIdSchema.optional(),
  })
  .refine((b) => b.index !== undefined || b.manifest !== undefined || b.docgen !== undefined || b.code_connect !== undefined, {
    message: 'give at least one of index, manifest, docgen, code_connect',
  })
  .openapi('RegistryIngestRequest');
export type RegistryIngestRequest = z.infer<typeof RegistryIngestRequestSchema>;

const ChangeCountsSchema = z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), deleted: z.number().int() });

export const RegistryIngestResponseSchema = z
  .object({
    components: ChangeCountsSchema,
    stories: z.number().int(),
    mappings: ChangeCountsSchema.openapi({ description: 'Explicit mappings from Code Connect' }),
    warnings: z.array(z.object({ path: z.string(), message: z.string() })),
    trace_id: z.string(),
  })
  .openapi('RegistryIngestResponse');
export type RegistryIngestResponse = z.infer<typeof RegistryIngestResponseSchema>;

/** The files POST /design-sync/registry/storybook reads beside the build's `index.json` when they are there. */
/** What the one-click ingest reads beside `index.json`: Storybook 10's components manifest (props, published by the
 *  build itself), react-docgen-typescript output and Code Connect JSON (published beside the build for COGO). */
export const STORYBOOK_SIDE_DOCUMENTS = { manifest: 'manifests/components.json', docgen: 'docgen.json', code_connect: 'code-connect.json' } as const;

export const StorybookIngestRequestSchema = z
  .object({
    prune: z.boolean().default(false).openapi({ description: 'Delete registry components the index no longer names' }),
    trace_id: TraceIdSchema.optional(),
  })
  .strict()
  .openapi('StorybookIngestRequest');

export const StorybookIngestResponseSchema = RegistryIngestResponseSchema.extend({
  documents: z.array(z.string()).openapi({ description: 'The files read from the Storybook URL', example: ['index.json', 'manifests/components.json', 'code-connect.json'] }),
}).openapi('StorybookIngestResponse');
export type StorybookIngestResponse = z.infer<typeof StorybookIngestResponseSchema>;

export const MappingStatusSchema = z.enum(['suggested', 'confirmed', 'rejected']).openapi('MappingStatus');

export const ComponentMappingSchema = z
  .object({
    id: UuidSchema,
    code_component: z.object({ id: UuidSchema, key: z.string(), name: z.string() }),
    figma: z.object({ file_key: z.string(), node_id: z.string(), name: z.string().nullable().openapi({ description: 'null: the Figma component is no longer stored' }) }),
    status: MappingStatusSchema,
    source: z.enum(['explicit', 'code_connect', 'suggested']),
    confidence: z.number().nullable(),
    props: z.record(z.string(), z.string()).openapi({ description: 'Figma property name → code prop name' }),
    synced_at: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi('ComponentMapping');
export type ComponentMapping = z.infer<typeof ComponentMappingSchema>;

export const MappingListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().min(1).max(500).optional(),
  status: MappingStatusSchema.optional(),
  file_key: FileKeySchema.optional(),
});

export const CreateMappingRequestSchema = z
  .object({
    code_component: z.string().min(1).max(500).openapi({ description: "The registry component's key (or id)", example: 'Components/Button' }),
    file_key: FileKeySchema,
    node_id: NodeIdSchema,
    props: z.record(z.string().max(200), z.string().max(200)).optional().openapi({ description: 'Figma property name → code prop name (matched by name when absent)' }),
    trace_id: TraceIdSchema.optional(),
  })
  .openapi('CreateMappingRequest');

export const SuggestMappingsRequestSchema = z
  .object({
    file_key: FileKeySchema.optional().openapi({ description: "Only this file's components (default: every stored file)" }),
    min_confidence: z.number().min(0).max(1).default(0.6),
    trace_id: TraceIdSchema.optional(),
  })
  .openapi('SuggestMappingsRequest');

export const SuggestMappingsResponseSchema = z
  .object({
    suggested: z.array(ComponentMappingSchema),
    counts: z.object({ code_components: z.number().int(), figma_components: z.number().int(), suggested: z.number().int(), already_mapped: z.number().int(), rejected: z.number().int() }),
    trace_id: z.string(),
  })
  .openapi('SuggestMappingsResponse');

export const UpdateMappingRequestSchema = z
  .object({
    status: z.enum(['confirmed', 'rejected']),
    props: z.record(z.string().max(200), z.string().max(200)).optional(),
    trace_id: TraceIdSchema.optional(),
  })
  .openapi('UpdateMappingRequest');

export const CodeConnectExportSchema = z
  .object({
    files: z.array(z.object({ path: z.string(), content: z.string(), mapping_id: UuidSchema })),
    trace_id: z.string(),
  })
  .openapi('CodeConnectExport');

export const DriftKindSchema = z
  .enum(['figma_prop_missing_in_code', 'code_prop_missing_in_figma', 'variant_values_differ', 'default_differs', 'type_differs', 'token_changed', 'design_renamed', 'design_removed', 'code_removed'])
  .openapi('DriftKind');

export const DriftItemSchema = z
  .object({ kind: DriftKindSchema, subject: z.string(), figma: z.unknown().optional(), code: z.unknown().optional(), message: z.string() })
  .openapi('DriftItem');

export const DriftQuerySchema = z.object({
  file_key: FileKeySchema.optional(),
  mapping_id: UuidSchema.optional(),
  only_drifted: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const DriftResponseSchema = z
  .object({
    mappings: z.array(
      z.object({
        mapping_id: UuidSchema,
        code_component: z.object({ id: UuidSchema, key: z.string(), name: z.string() }),
        figma: z.object({ file_key: z.string(), node_id: z.string(), name: z.string().nullable() }),
        items: z.array(DriftItemSchema),
        diff_hash: z.string().openapi({ description: 'sha256 of the canonical items: what a sync operation of this component is keyed by' }),
        cached: z.boolean().openapi({ description: 'Both sides unchanged since the last drift: the stored report was reused' }),
      }),
    ),
    counts: z.object({ mappings: z.number().int(), drifted: z.number().int(), items: z.number().int(), cached: z.number().int() }),
    by_kind: z.record(z.string(), z.number().int()),
    trace_id: z.string(),
  })
  .openapi('DriftResponse');
export type DriftResponse = z.infer<typeof DriftResponseSchema>;

export const SyncDirectionSchema = z.enum(['design_to_code', 'code_to_design']).openapi('SyncDirection');

export const SyncOperationRequestSchema = z
  .object({
    direction: SyncDirectionSchema,
    mapping_ids: z
      .array(UuidSchema)
      .min(1)
      .max(DESIGN_SYNC_LIMITS.mappingsPerOperation)
      .optional()
      .openapi({ description: 'Default: every confirmed mapping with drift' }),
    trace_id: TraceIdSchema.optional(),
  })
  .openapi('SyncOperationRequest');

export const SyncComponentResultSchema = z
  .object({
    mapping_id: UuidSchema,
    code_component: z.string(),
    status: z.enum(['applied', 'unchanged', 'failed']),
    changes: z.number().int(),
    artifacts: z.array(ArtifactPointerSchema.extend({ path: z.string() })).optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .openapi('SyncComponentResult');

export const SyncOperationSchema = z
  .object({
    id: z.string().openapi({ example: 'op_5d41402abc4b2a76b9719d911017c592' }),
    direction: SyncDirectionSchema,
    status: z.enum(['succeeded', 'partial', 'failed', 'noop', 'undone']),
    diff_hash: z.string(),
    results: z.array(SyncComponentResultSchema),
    counts: z.object({ components: z.number().int(), applied: z.number().int(), unchanged: z.number().int(), failed: z.number().int(), changes: z.number().int() }),
    actor: z.string(),
    trace_id: z.string(),
    duration_ms: z.number().int(),
    created_at: z.string(),
    undone_at: z.string().nullable(),
    replayed: z.boolean().openapi({ description: 'true: the same operation (same components, same diff) ran before; this is its stored result' }),
  })
  .openapi('SyncOperation');
export type SyncOperation = z.infer<typeof SyncOperationSchema>;

export const UndoRequestSchema = z
  .object({
    operation_id: z.string().regex(/^op_[0-9a-f]{32,64}$/).optional().openapi({ description: 'Default: the latest operation that can be undone' }),
    trace_id: TraceIdSchema.optional(),
  })
  .openapi('UndoRequest');

export const UndoResponseSchema = z
  .object({
    operation_id: z.string(),
    restored: z.number().int().openapi({ description: 'Components restored' }),
    pre_hash: z.string(),
    restored_hash: z.string().openapi({ description: 'sha256 of the restored state: equal to pre_hash' }),
    trace_id: z.string(),
  })
  .openapi('UndoResponse');

export const CoverageQuerySchema = z.object({ file_key: FileKeySchema.optional() });

export const CoverageResponseSchema = z
  .object({
    components: z.array(
      z.object({
        code_component: z.object({ id: UuidSchema, key: z.string(), name: z.string() }),
        figma: z.object({ file_key: z.string(), node_id: z.string(), name: z.string() }).nullable(),
        stories: z.number().int(),
        tests: z.number().int(),
        variants: z.object({ total: z.number().int(), covered: z.number().int(), missing: z.array(z.string()) }),
      }),
    ),
    totals: z.object({ components: z.number().int(), with_stories: z.number().int(), with_tests: z.number().int(), variants: z.number().int(), variants_covered: z.number().int(), ratio: z.number() }),
    trace_id: z.string(),
  })
  .openapi('CoverageResponse');
export type CoverageResponse = z.infer<typeof CoverageResponseSchema>;
