// UI JSON (issue 14, seed 000 §13): `cogo_ui_json` is COGO's page → section → block → component tree (props,
// layout, token references, actions); `uui_json` is the renderer-facing form of the same tree (one node kind, CSS-ish
// style with tokens as custom properties). Both are versioned; @cogo/figma-compat converts each way losslessly, and
// a stored figma-context page converts to `cogo_ui_json` too, so a generated page and an extracted page are the
// same kind of thing. Token references are DTCG aliases: a style or layout string `{color.brand.primary}`.
import { z } from '@hono/zod-openapi';

/** Bounds every UI JSON document keeps (the sanitizer reports what it cut; the schemas refuse the rest). */
export const UI_JSON_LIMITS = {
  /** Component nesting below a block. */
  maxDepth: 12,
  /** Nodes of every level in one document. */
  maxNodes: 2_000,
  /** Longest string anywhere (text, prop value, name). */
  maxStringChars: 10_000,
  /** Props, style or layout entries on one node. */
  maxEntries: 64,
} as const;

export const UI_JSON_VERSION = '1.0';

/** A node id: stable within the document (Figma node ids are valid ones). */
export const UiIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_:;.\-]+$/)
  .openapi({ example: 'hero-1' });

/** A lowercase type name: `hero`, `button`, `login_form`… */
const TypeNameSchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-z0-9_-]*$/);

/**
 * A DTCG alias `{group.token}`; any other string in style or layout is a literal value. Names follow DTCG: any
 * characters but `{`, `}` and `.` — spaces too (variables/derive names groups after Figma collections, "Storefront
 * tokens") — though not starting or ending with whitespace, and no control characters.
 */
export const TOKEN_REF_PATTERN = /^\{((?:[^{}.\s\p{Cc}](?:[^{}.\p{Cc}]*[^{}.\s\p{Cc}])?)(?:\.[^{}.\s\p{Cc}](?:[^{}.\p{Cc}]*[^{}.\s\p{Cc}])?)*)\}$/u;

const ScalarSchema = z.union([z.string().max(UI_JSON_LIMITS.maxStringChars), z.number().finite(), z.boolean(), z.null()]);
const PropsSchema = z.record(z.string().min(1).max(100), ScalarSchema).openapi({ description: 'Plain values only (strings, numbers, booleans, null)' });
const StyleSchema = z
  .record(z.string().min(1).max(100), z.union([z.string().max(500), z.number().finite()]))
  .openapi({ description: 'Style properties (camelCase CSS names: `background`, `color`, `borderRadius`…); a value `{path.to.token}` references a design token' });

export const UiLayoutSchema = z
  .object({
    direction: z.enum(['row', 'column']).optional(),
    gap: z.union([z.number().min(0).max(10_000), z.string().max(200)]).optional(),
    padding: z.union([z.number().min(0).max(10_000), z.string().max(200)]).optional(),
    align: z.enum(['start', 'center', 'end', 'stretch']).optional(),
    justify: z.enum(['start', 'center', 'end', 'between']).optional(),
    columns: z.number().int().min(1).max(24).optional(),
    width: z.union([z.enum(['fill', 'hug']), z.number().min(0).max(100_000)]).optional(),
    height: z.union([z.enum(['fill', 'hug']), z.number().min(0).max(100_000)]).optional(),
  })
  .strict()
  .openapi('UiLayout');
export type UiLayout = z.infer<typeof UiLayoutSchema>;

/** Safe link targets: http(s), mailto, tel, a path or a fragment — never `javascript:`, `data:`, `vbscript:`. */
export const SAFE_URL_PATTERN = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#|\.{1,2}\/)[^\s<>"']*$/i;

export const UiActionSchema = z
  .object({
    on: z.enum(['click', 'submit', 'change', 'load']),
    type: z.enum(['navigate', 'open_url', 'submit', 'toggle', 'scroll_to', 'custom']),
    target: z.string().max(200).optional().openapi({ description: 'A page/section/node id (navigate, scroll_to, toggle) or a custom action name' }),
    url: z.string().max(2_000).regex(SAFE_URL_PATTERN).optional().openapi({ description: 'open_url only: http(s), mailto, tel or a relative path' }),
  })
  .strict()
  .openapi('UiAction');
export type UiAction = z.infer<typeof UiActionSchema>;

/** Which stored component a node uses (generation matched it by name), when it uses one. */
export const UiComponentRefSchema = z
  .object({
    name: z.string().min(1).max(500),
    component_id: z.uuid().optional().openapi({ description: "The project's stored component (figma-context apply)" }),
    node_id: z.string().max(200).optional().openapi({ description: 'Its Figma node id' }),
  })
  .strict()
  .openapi('UiComponentRef');
export type UiComponentRef = z.infer<typeof UiComponentRefSchema>;

export interface UiComponentNode {
  id: string;
  type: string;
  name?: string | undefined;
  component?: UiComponentRef | undefined;
  text?: string | undefined;
  props?: Record<string, string | number | boolean | null> | undefined;
  layout?: UiLayout | undefined;
  style?: Record<string, string | number> | undefined;
  actions?: UiAction[] | undefined;
  children?: UiComponentNode[] | undefined;
}

export const UiComponentNodeSchema: z.ZodType<UiComponentNode> = z
  .object({
    id: UiIdSchema,
    type: TypeNameSchema.openapi({ description: '`button`, `text`, `heading`, `image`, `input`, `link`, `icon`, `card`, `list`, `container`, `component`…' }),
    name: z.string().max(500).optional(),
    component: UiComponentRefSchema.optional(),
    text: z.string().max(UI_JSON_LIMITS.maxStringChars).optional(),
    props: PropsSchema.optional(),
    layout: UiLayoutSchema.optional(),
    style: StyleSchema.optional(),
    actions: z.array(UiActionSchema).max(16).optional(),
    get children() {
      return z.array(UiComponentNodeSchema).max(UI_JSON_LIMITS.maxNodes).optional();
    },
  })
  .strict()
  .openapi('UiComponentNode');

export const UiBlockSchema = z
  .object({
    id: UiIdSchema,
    type: TypeNameSchema.openapi({ description: '`stack`, `grid`, `form`, `card-row`, `media`…' }),
    name: z.string().max(500).optional(),
    layout: UiLayoutSchema.optional(),
    style: StyleSchema.optional(),
    components: z.array(UiComponentNodeSchema).max(UI_JSON_LIMITS.maxNodes),
  })
  .strict()
  .openapi('UiBlock');
export type UiBlock = z.infer<typeof UiBlockSchema>;

export const UiSectionSchema = z
  .object({
    id: UiIdSchema,
    type: TypeNameSchema.openapi({ description: '`hero`, `cta`, `features`, `pricing`, `login_form`, `navbar`, `footer`, `testimonials`, `faq`, `generic`…' }),
    name: z.string().max(500),
    layout: UiLayoutSchema.optional(),
    style: StyleSchema.optional(),
    blocks: z.array(UiBlockSchema).max(200),
  })
  .strict()
  .openapi('UiSection');
export type UiSection = z.infer<typeof UiSectionSchema>;

export const UiPageSourceSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('generated'), generator: z.enum(['keyword', 'llm']), prompt: z.string().max(4_000).optional() }).strict(),
    z.object({ kind: z.literal('figma'), file_key: z.string().min(1).max(200), node_id: z.string().min(1).max(200), page_id: z.uuid().optional() }).strict(),
  ])
  .openapi('UiPageSource');
export type UiPageSource = z.infer<typeof UiPageSourceSchema>;

export const CogoUiJsonSchema = z
  .object({
    schema: z.literal('cogo_ui_json'),
    version: z.literal(UI_JSON_VERSION),
    page: z
      .object({
        id: UiIdSchema,
        name: z.string().min(1).max(500),
        source: UiPageSourceSchema,
        layout: UiLayoutSchema.optional(),
        style: StyleSchema.optional(),
        sections: z.array(UiSectionSchema).max(200),
      })
      .strict(),
  })
  .strict()
  .openapi('CogoUiJson');
export type CogoUiJson = z.infer<typeof CogoUiJsonSchema>;

/** What a renderer node came from, so uui_json converts back to cogo_ui_json without loss. */
export const UuiMetaSchema = z
  .object({
    kind: z.enum(['page', 'section', 'block', 'component']),
    type: TypeNameSchema.openapi({ description: 'The cogo_ui_json type of the node' }),
    name: z.string().max(500).optional(),
    component: UiComponentRefSchema.optional(),
    source: UiPageSourceSchema.optional().openapi({ description: 'The page node only' }),
    layout: UiLayoutSchema.optional(),
    tokens: z.record(z.string(), z.string()).optional().openapi({ description: 'Style property → token path, for each style value that references a token' }),
    own_style: z
      .array(z.string().max(100))
      .max(64)
      .optional()
      .openapi({ description: "Style properties the node sets itself that its layout sets too (the node's own value wins in `style`)" }),
    empty: z
      .array(z.enum(['props', 'style', 'children']))
      .optional()
      .openapi({ description: 'Fields the cogo_ui_json node has but left empty (`{}` / `[]`), which `style`/`props`/`children` cannot tell from absent ones' }),
  })
  .strict()
  .openapi('UuiMeta');
export type UuiMeta = z.infer<typeof UuiMetaSchema>;

export interface UuiNode {
  id: string;
  /** The element a renderer draws: `page`, `section`, `stack`, `grid`, `text`, `heading`, `button`, `image`, `input`, `link`… */
  type: string;
  text?: string | undefined;
  props: Record<string, string | number | boolean | null>;
  /** CSS-ish style; a token is `var(--token-path)` here (UuiJson.tokens maps the variable back). */
  style: Record<string, string | number>;
  on?: UiAction[] | undefined;
  meta: UuiMeta;
  children: UuiNode[];
}

export const UuiNodeSchema: z.ZodType<UuiNode> = z
  .object({
    id: UiIdSchema,
    type: TypeNameSchema,
    text: z.string().max(UI_JSON_LIMITS.maxStringChars).optional(),
    props: PropsSchema,
    style: StyleSchema,
    on: z.array(UiActionSchema).max(16).optional(),
    meta: UuiMetaSchema,
    get children() {
      return z.array(UuiNodeSchema).max(UI_JSON_LIMITS.maxNodes);
    },
  })
  .strict()
  .openapi('UuiNode');

export const UuiJsonSchema = z
  .object({
    schema: z.literal('uui_json'),
    version: z.literal(UI_JSON_VERSION),
    root: UuiNodeSchema,
    tokens: z.record(z.string(), z.string()).openapi({ description: 'CSS custom property (`--color-brand-primary`) → token path (`color.brand.primary`)' }),
  })
  .strict()
  .openapi('UuiJson');
export type UuiJson = z.infer<typeof UuiJsonSchema>;

/** What validation of a (generated) UI JSON found: what was cut, and what it names that the project does not have. */
export const UiReportSchema = z
  .object({
    pruned: z
      .array(z.object({ path: z.string(), reason: z.enum(['unsafe_key', 'unsafe_url', 'event_handler', 'too_deep', 'too_many_nodes', 'too_long', 'invalid']) }))
      .openapi({ description: 'What the sanitizer removed, by JSON path' }),
    unknown_components: z.array(z.object({ path: z.string(), name: z.string() })).openapi({ description: "Component references that are not the project's stored components (kept as generic nodes, reference dropped)" }),
    unknown_tokens: z.array(z.object({ path: z.string(), token: z.string() })).openapi({ description: 'Token references with no token of that path in the project (kept as written)' }),
    nodes: z.number().int(),
    bytes: z.number().int().openapi({ description: 'Bytes of the cogo_ui_json as JSON' }),
  })
  .openapi('UiReport');
export type UiReport = z.infer<typeof UiReportSchema>;
