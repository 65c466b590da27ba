// figma-compat contract (issue 13): Figma variables and styles → W3C DTCG 2025.10 design tokens, stored per file
// version, and the diff between two stored versions. The report's inner fields are the converter's own
// (`@cogo/figma-compat` DeriveReport, camelCase) so one shape is written once.
import { z } from '@hono/zod-openapi';
import { TraceIdSchema } from './ids';

/** A Figma file key, as in a design URL. */
const FileKeySchema = z.string().regex(/^[A-Za-z0-9]{6,128}$/, 'a Figma file key');

export const TokenFormatSchema = z.enum(['dtcg', 'resolver', 'css', 'tailwind']).openapi('TokenFormat');
export type TokenFormat = z.infer<typeof TokenFormatSchema>;

export const DeriveTokensRequestSchema = z
  .object({
    file_key: FileKeySchema.optional().openapi({ example: 'COGOSAMPLE0001' }),
    figma_url: z.string().min(1).max(4096).optional().openapi({ example: 'https://www.figma.com/design/COGOSAMPLE0001/Storefront' }),
    trace_id: TraceIdSchema.optional(),
    formats: z
      .array(TokenFormatSchema)
      .min(1)
      .max(4)
      .optional()
      .openapi({ description: '`css` and `tailwind` add those outputs; the DTCG document (`dtcg`) and the Resolver document (`resolver`) are always in the answer. Default: `["dtcg", "resolver"]`.' }),
  })
  .refine((v) => Boolean(v.figma_url) !== Boolean(v.file_key), { message: 'give either figma_url or file_key', path: ['file_key'] })
  .openapi('DeriveTokensRequest');
export type DeriveTokensRequest = z.infer<typeof DeriveTokensRequestSchema>;

const JsonObjectSchema = z.record(z.string(), z.unknown());

const ModeCountSchema = z.object({ id: z.string(), name: z.string(), context: z.string(), isDefault: z.boolean(), variables: z.number(), tokens: z.number(), extensions: z.number() });

const VariableIssueSchema = z.object({
  variableId: z.string(),
  path: z.string(),
  mode: z.string(),
  reason: z.string().openapi({ description: 'why the alias (or value) could not be written as is' }),
  targetId: z.string().optional(),
  fallback: z.string(),
});

export const TokensReportSchema = z
  .object({
    sources: z.object({ rest: z.number(), plugin: z.number(), both: z.number(), styles: z.number() }),
    variables: z.number(),
    collections: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        group: z.string(),
        set: z.string(),
        modifier: z.string().nullable(),
        remote: z.boolean(),
        extends: z.string().optional(),
        variables: z.number(),
        modes: z.array(ModeCountSchema),
      }),
    ),
    tokens: z.object({ total: z.number(), byType: z.record(z.string(), z.number()) }),
    typeSources: z.record(z.string(), z.number()),
    aliases: z.object({ total: z.number(), resolved: z.number(), resolvedByKey: z.number(), unresolved: z.number(), issues: z.array(VariableIssueSchema) }),
    invalidValues: z.array(VariableIssueSchema),
    renamed: z.array(z.object({ id: z.string(), name: z.string(), path: z.string() })),
    filledModeValues: z.number(),
    styles: z.object({ total: z.number(), tokens: z.number(), extensions: z.number(), skipped: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })) }),
  })
  .openapi('TokensReport');

export const TokenSourcesSchema = z
  .object({
    variables: z.enum(['rest', 'unavailable']),
    /** Why the Variables REST API gave nothing (a 403: it is Enterprise-only). */
    reason: z.string().optional(),
    /** Styles of the file read (with or without values: see `report.styles`). */
    styles: z.number().int(),
  })
  .openapi('TokenSources');

export const DerivedTokensResponseSchema = z
  .object({
    file_key: z.string(),
    version: z.string().openapi({ description: "Figma's file version the tokens were derived from" }),
    cached: z.boolean().openapi({ description: 'true: the tokens stored for this version, with no Figma call but /meta' }),
    tokens: JsonObjectSchema.openapi({ description: 'DTCG 2025.10 document: every collection (default mode) and the styles' }),
    resolver: JsonObjectSchema.openapi({ description: 'DTCG 2025.10 Resolver document: collections → sets, modes → modifier contexts' }),
    css: z.string().optional(),
    tailwind: z.string().optional(),
    report: TokensReportSchema,
    sources: TokenSourcesSchema,
    content_hash: z.string(),
    trace_id: z.string(),
  })
  .openapi('DerivedTokensResponse');
export type DerivedTokensResponse = z.infer<typeof DerivedTokensResponseSchema>;

export const TokensDiffQuerySchema = z.object({
  file_key: FileKeySchema,
  from: z.string().min(1).max(200).openapi({ description: 'a stored version (see `version` of variables/derive)' }),
  to: z.string().min(1).max(200),
});
export type TokensDiffQuery = z.infer<typeof TokensDiffQuerySchema>;

const DiffTokenSchema = z.object({ path: z.string(), mode: z.string().nullable(), $type: z.string(), $value: z.unknown() });

export const TokensDiffResponseSchema = z
  .object({
    file_key: z.string(),
    from: z.string(),
    to: z.string(),
    added: z.array(DiffTokenSchema),
    removed: z.array(DiffTokenSchema),
    changed: z.array(
      z.object({
        path: z.string(),
        mode: z.string().nullable(),
        previousPath: z.string().optional(),
        from: z.object({ $type: z.string(), $value: z.unknown() }),
        to: z.object({ $type: z.string(), $value: z.unknown() }),
      }),
    ),
    renamed: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })),
    unchanged: z.number().int(),
  })
  .openapi('TokensDiffResponse');
export type TokensDiffResponse = z.infer<typeof TokensDiffResponseSchema>;
