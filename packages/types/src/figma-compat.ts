// figma-compat contract (issue 13): Figma variables and styles → W3C DTCG 2025.10 design tokens, stored per file
// version, and the diff between two stored versions. The report's inner fields are the converter's own
// (`@cogo/figma-compat` DeriveReport, camelCase) so one shape is written once.
import { z } from '@hono/zod-openapi';
import { ArtifactPointerSchema } from './artifacts';
import { TraceIdSchema, UuidSchema } from './ids';

/** A Figma file key, as in a design URL. */
const FileKeySchema = z.string().regex(/^[A-Za-z0-9]{6,128}$/, 'a Figma file key');

export const TokenFormatSchema = z.enum(['dtcg', 'resolver', 'css', 'tailwind']).openapi('TokenFormat');
export type TokenFormat = z.infer<typeof TokenFormatSchema>;

/** Where variables/derive reads from; inferred from the fields given when absent. */
export const TokenSourceKindSchema = z
  .enum(['figma', 'upload', 'merged'])
  .openapi('TokenSourceKind', {
    description:
      '`figma`: Figma REST only (`file_key` or `figma_url`). `upload`: a plugin upload only (`upload_id`; Figma is not asked, so no Figma token is needed; a `file_key`/`figma_url` given with it only names the file the tokens are stored under, so that uploads of one file can be diffed). `merged`: both, merged by variable id (`file_key`/`figma_url` and `upload_id`). Default: `figma` without `upload_id`, `upload` with `upload_id` alone, `merged` with both.',
  });
export type TokenSourceKind = z.infer<typeof TokenSourceKindSchema>;

export const DeriveTokensRequestSchema = z
  .object({
    file_key: FileKeySchema.optional().openapi({ example: 'COGOSAMPLE0001' }),
    figma_url: z.string().min(1).max(4096).optional().openapi({ example: 'https://www.figma.com/design/COGOSAMPLE0001/Storefront' }),
    upload_id: UuidSchema.optional().openapi({
      description:
        'A plugin export uploaded with POST /figma-compat/uui/presign and a PUT to its URL. Its variables are the top-level `variables` and `variableCollections` of the export object, beside the REST-shaped `document` (or `nodes`): arrays (or maps keyed by id) of what `figma.variables.getLocalVariablesAsync()` and `getLocalVariableCollectionsAsync()` return, serialised — variables with `id`, `name`, `resolvedType`, `valuesByMode` (aliases as `{ "type": "VARIABLE_ALIAS", "id" }`), `variableCollectionId`, `scopes`, `codeSyntax`…; collections with `id`, `name`, `modes` (`modeId`, `name`), `defaultModeId`, `variableIds`. Its styles are the `styles` map of the document (values read from the nodes that use them). An array of JSON_REST_V1 exports carries no variables.',
    }),
    source: TokenSourceKindSchema.optional(),
    trace_id: TraceIdSchema.optional(),
    formats: z
      .array(TokenFormatSchema)
      .min(1)
      .max(4)
      .optional()
      .openapi({ description: '`css` and `tailwind` add those outputs; the DTCG document (`dtcg`) and the Resolver document (`resolver`) are always in the answer. Default: `["dtcg", "resolver"]`.' }),
  })
  .superRefine((v, ctx) => {
    const file = Boolean(v.figma_url) || Boolean(v.file_key);
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.figma_url && v.file_key) issue('file_key', 'give either figma_url or file_key, not both');
    else if (!file && !v.upload_id) issue('file_key', 'give file_key or figma_url (Figma), upload_id (a plugin upload), or both');
    else if (v.source === 'figma' && v.upload_id) issue('upload_id', 'source "figma" reads no upload: leave upload_id out or choose "merged"');
    else if (v.source === 'figma' && !file) issue('file_key', 'source "figma" needs file_key or figma_url');
    else if (v.source === 'upload' && !v.upload_id) issue('upload_id', 'source "upload" needs upload_id');
    else if (v.source === 'merged' && !(file && v.upload_id)) issue(file ? 'upload_id' : 'file_key', 'source "merged" needs upload_id and file_key or figma_url');
  })
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
    variables: z.enum(['rest', 'plugin', 'both', 'unavailable']).openapi({
      description: "Where the variables came from: Figma's Variables REST API, the plugin export, both (merged by variable id), or neither (the tokens are the styles')",
    }),
    /** Why a source gave no variables (a 403: the Variables REST API is Enterprise-only; an export without `variables`). */
    reason: z.string().optional(),
    /** Styles of the file read (with or without values: see `report.styles`). */
    styles: z.number().int(),
    /** Variables in the plugin export (when an upload was read). */
    plugin: z.number().int().optional(),
    /** The plugin upload read. */
    upload_id: z.string().optional(),
  })
  .openapi('TokenSources');

export const DerivedTokensResponseSchema = z
  .object({
    file_key: z.string(),
    version: z.string().openapi({ description: "Figma's file version the tokens were derived from; `upload:<upload_id>` for a plugin upload alone" }),
    cached: z.boolean().openapi({ description: 'true: the tokens stored for this version, with no Figma call but /meta (none for an upload alone) and no upload read' }),
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

export const TokenVersionsQuerySchema = z.object({ file_key: FileKeySchema });

export const TokenVersionsResponseSchema = z
  .object({
    file_key: z.string(),
    items: z.array(
      z.object({
        version: z.string().openapi({ description: 'a Figma file version, or `upload:<upload_id>`' }),
        created_at: z.string(),
        tokens: z.number().int().nullable().openapi({ description: 'tokens derived (null for a version stored without a report)' }),
        content_hash: z.string(),
        trace_id: z.string(),
      }),
    ),
  })
  .openapi('TokenVersions');
export type TokenVersionsResponse = z.infer<typeof TokenVersionsResponseSchema>;

const DiffTokenSchema = z.object({ path: z.string(), mode: z.string().nullable(), $type: z.string(), $value: z.unknown() });

export const TokensDiffResponseSchema = z
  .object({
    file_key: z.string(),
    from: z.string(),
    to: z.string(),
    /** How many of each, inline or not. */
    counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), renamed: z.number().int() }),
    /** The lists below are inline unless the whole diff is over ARTIFACT_INLINE_MAX_BYTES: then `artifact` holds it. */
    added: z.array(DiffTokenSchema).optional(),
    removed: z.array(DiffTokenSchema).optional(),
    changed: z.array(
      z.object({
        path: z.string(),
        mode: z.string().nullable(),
        previousPath: z.string().optional(),
        from: z.object({ $type: z.string(), $value: z.unknown() }),
        to: z.object({ $type: z.string(), $value: z.unknown() }),
      }),
    )
      .optional(),
    renamed: z.array(z.object({ id: z.string(), from: z.string(), to: z.string() })).optional(),
    unchanged: z.number().int(),
    /** The whole diff (this answer's fields with every list) as a `diff` artifact, when over ARTIFACT_INLINE_MAX_BYTES. */
    artifact: ArtifactPointerSchema.optional(),
  })
  .openapi('TokensDiffResponse');
export type TokensDiffResponse = z.infer<typeof TokensDiffResponseSchema>;
