// figma-compat contract, `symbols/map` (issue 13): a design's components and component sets, with their
// `componentPropertyDefinitions`, mapped to code symbols — from a registry when one is given, else from names. The
// map's inner fields are the mapper's own (`@cogo/figma-compat` SymbolMap, camelCase), so one shape is written once.
import { z } from '@hono/zod-openapi';
import { DesignOriginSchema, DesignSourceSchema } from './figma-compat-design';
import { TraceIdSchema } from './ids';

/** Most registry symbols one request may name (the design-sync registry of a large codebase). */
export const MAX_REGISTRY_ENTRIES = 2000;

export const SymbolRegistryEntrySchema = z
  .object({
    name: z.string().min(1).max(200).openapi({ example: 'Button' }),
    path: z.string().max(1000).optional().openapi({ example: 'src/components/Button.tsx' }),
    props: z
      .array(
        z.object({
          name: z.string().min(1).max(200),
          type: z.string().max(2000).openapi({ description: "TypeScript-ish text: `boolean`, `'sm' | 'md'`, `ReactNode`…", example: "'sm' | 'md' | 'lg'" }),
          values: z.array(z.string().max(200)).max(500).optional(),
        }),
      )
      .max(500),
  })
  .openapi('SymbolRegistryEntry');

export const MapSymbolsRequestSchema = z
  .object({
    source: DesignSourceSchema,
    registry: z
      .array(SymbolRegistryEntrySchema)
      .max(MAX_REGISTRY_ENTRIES)
      .optional()
      .openapi({ description: `Code symbols to map to (the design-sync registry; at most ${MAX_REGISTRY_ENTRIES}). Without it every component gets the symbol its names give.` }),
    min_confidence: z.number().min(0).max(1).optional().openapi({ description: 'Least confidence of a registry match (default 0.5)' }),
    components_from: z
      .enum(['design', 'stored'])
      .optional()
      .openapi({
        description:
          "`design` (default): the components of the design the source names, read as every figma-compat route reads it — full `componentPropertyDefinitions` (with INSTANCE_SWAP preferred values) and the file's component keys. `stored`: the project's stored `components` rows (POST /figma-context/apply) — of the page for `source.page_id`, of the job's whole file for `source.job_id` — with no Figma call; their definitions keep type, default and options only.",
      }),
    trace_id: TraceIdSchema.optional(),
  })
  .refine((b) => b.components_from !== 'stored' || b.source.page_id !== undefined || b.source.job_id !== undefined, {
    message: 'components_from "stored" needs source.page_id or source.job_id',
    path: ['components_from'],
  })
  .refine((b) => b.components_from !== 'stored' || b.source.node_id === undefined, {
    message: 'components_from "stored" reads the stored page (or the job\'s file) whole: leave source.node_id out',
    path: ['source', 'node_id'],
  })
  .openapi('MapSymbolsRequest');
export type MapSymbolsRequest = z.infer<typeof MapSymbolsRequestSchema>;

const FigmaRefSchema = z.object({ id: z.string(), name: z.string(), type: z.enum(['COMPONENT', 'COMPONENT_SET']), key: z.string().optional() });
const CodeSymbolSchema = z.object({
  name: z.string(),
  source: z.enum(['registry', 'derived']),
  path: z.string().optional(),
  props: z.array(z.object({ name: z.string(), type: z.string() })),
});

const PropMappingSchema = z.object({
  figma: z.object({
    key: z.string().openapi({ description: 'as Figma has it (`Icon#12:3`)' }),
    name: z.string(),
    type: z.enum(['VARIANT', 'BOOLEAN', 'TEXT', 'INSTANCE_SWAP']),
    default: z.union([z.string(), z.boolean()]).optional(),
    options: z.array(z.string()).optional(),
    preferred: z.array(z.string()).optional(),
  }),
  code: z.object({ name: z.string(), type: z.string() }),
  confidence: z.number(),
  values: z.record(z.string(), z.string()).optional().openapi({ description: 'variant option → code value' }),
  note: z.string().optional(),
});

const SymbolMappingSchema = z
  .object({
    figma: FigmaRefSchema,
    symbol: CodeSymbolSchema,
    confidence: z.number().openapi({ description: '0..1: 0.6 × name + 0.4 × props' }),
    confidenceParts: z.object({ name: z.number(), props: z.number() }),
    props: z.array(PropMappingSchema),
    unmappedFigmaProps: z.array(z.object({ key: z.string(), name: z.string(), type: z.string(), reason: z.string() })),
    unmappedCodeProps: z.array(z.object({ name: z.string(), type: z.string(), reason: z.string() })),
  })
  .openapi('SymbolMapping');

export const SymbolMapResponseSchema = z
  .object({
    mappings: z.array(SymbolMappingSchema),
    unmappedComponents: z
      .array(z.object({ figma: FigmaRefSchema, reason: z.string(), best: z.object({ name: z.string(), confidence: z.number() }).optional(), suggested: CodeSymbolSchema }))
      .openapi({ description: 'Components no registry symbol matched well enough: the best candidate and a symbol derived from the name' }),
    unusedSymbols: z.array(z.object({ name: z.string(), path: z.string().optional() })).openapi({ description: 'Registry symbols no component matched' }),
    stats: z.object({
      components: z.number().int(),
      mapped: z.number().int(),
      unmappedComponents: z.number().int(),
      unusedSymbols: z.number().int(),
      figmaProps: z.number().int(),
      mappedFigmaProps: z.number().int(),
    }),
    components_from: z.enum(['design', 'stored']),
    origin: DesignOriginSchema.nullable().openapi({ description: 'The design read; null when the components came from stored rows' }),
    file_key: z.string().nullable().openapi({ description: 'The file the components belong to (null for an inline document)' }),
    trace_id: z.string(),
  })
  .openapi('SymbolMapResponse');
export type SymbolMapResponse = z.infer<typeof SymbolMapResponseSchema>;
