// UI generation and the design chat (issue 14, seed 000 §13–§23): `POST /figma-compat/uui/generate` (keyword,
// offline, deterministic), `POST /figma-compat/uui/generate/llm` (the gateway with structured output, validated and
// pruned), and `POST /chat/design` — chat → RAG → LLM plan → UI JSON → `ui.preview` on one trace, applied on approval
// with `POST /figma-context/apply { page: <cogo_ui_json> }`.
import { z } from '@hono/zod-openapi';
import { ArtifactPointerSchema } from './artifacts';
import { TraceIdSchema } from './ids';
import { ChatMessageSchema, LlmUsageSchema, ModelNameSchema } from './llm';
import { RagSearchFilterSchema, RagSearchItemSchema } from './rag';
import { CogoUiJsonSchema, UiReportSchema, UuiJsonSchema } from './ui-json';

export const UI_PROMPT_MAX_CHARS = 4_000;

const PromptSchema = z.string().trim().min(1).max(UI_PROMPT_MAX_CHARS);
const SectionTypeSchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-z0-9_-]*$/);

export const UiGenerateRequestSchema = z
  .object({
    prompt: PromptSchema.openapi({ example: 'Generate a landing page for Acme with hero, CTA and features' }),
    name: z.string().min(1).max(500).optional().openapi({ description: "The page's name; default: from the prompt" }),
    sections: z.array(SectionTypeSchema).min(1).max(30).optional().openapi({ description: 'These section types in this order, instead of the ones the prompt names' }),
    trace_id: TraceIdSchema.optional(),
  })
  .strict()
  .openapi('UiGenerateRequest');
export type UiGenerateRequest = z.infer<typeof UiGenerateRequestSchema>;

export const UiGenerateLlmRequestSchema = z
  .object({
    prompt: PromptSchema,
    cogo_ui_json: CogoUiJsonSchema.optional().openapi({ description: 'A page to refine instead of starting from nothing' }),
    context: z.array(z.string().max(8_000)).max(20).optional().openapi({ description: 'Knowledge to ground the page in (retrieved snippets)' }),
    model: ModelNameSchema.optional(),
    trace_id: TraceIdSchema.optional(),
  })
  .strict()
  .openapi('UiGenerateLlmRequest');
export type UiGenerateLlmRequest = z.infer<typeof UiGenerateLlmRequestSchema>;

/** What each section was built from. */
export const UiSectionSummarySchema = z
  .object({
    id: z.string(),
    type: z.string(),
    components: z.number().int(),
    matched: z.array(z.object({ name: z.string(), component_id: z.uuid() })).openapi({ description: "The project's stored components it uses" }),
    generic: z.boolean().openapi({ description: 'True when no stored component matched: generic blocks only' }),
  })
  .openapi('UiSectionSummary');
export type UiSectionSummary = z.infer<typeof UiSectionSummarySchema>;

export const UiGenerateResponseSchema = z
  .object({
    cogo_ui_json: CogoUiJsonSchema.optional().openapi({ description: 'Absent when the result was offloaded (`artifact`)' }),
    uui_json: UuiJsonSchema.optional().openapi({ description: 'Absent when the result was offloaded (`artifact`)' }),
    artifact: ArtifactPointerSchema.optional().openapi({ description: 'Present when the result is over ARTIFACT_INLINE_MAX_BYTES: `{ cogo_ui_json, uui_json }` as one JSON object in R2' }),
    sections: z.array(UiSectionSummarySchema),
    tokens_used: z.array(z.string()).openapi({ description: "The project's token paths the page references" }),
    report: UiReportSchema,
    llm: z
      .object({ usage: LlmUsageSchema, provider: z.string(), model: z.string(), repaired: z.boolean() })
      .optional()
      .openapi({ description: 'generate/llm only: who answered and what it cost' }),
    trace_id: z.string(),
  })
  .openapi('UiGenerateResponse');
export type UiGenerateResponse = z.infer<typeof UiGenerateResponseSchema>;

export const ChatDesignRequestSchema = z
  .object({
    prompt: PromptSchema.optional().openapi({ description: 'The message; or `messages` (the last user message is the prompt)' }),
    messages: z.array(ChatMessageSchema).min(1).max(100).optional(),
    cogo_ui_json: CogoUiJsonSchema.optional().openapi({ description: 'The page being worked on (refinements, BDD)' }),
    model: ModelNameSchema.optional(),
    generator: z
      .enum(['llm', 'keyword'])
      .default('llm')
      .openapi({ description: '`keyword`: the page comes from the offline keyword generator (as POST /figma-compat/uui/generate) — no model asked, no spend; a refinement is then a new page from the message' }),
    rag: z
      .object({ limit: z.number().int().min(0).max(20).default(6), filter: RagSearchFilterSchema.optional() })
      .strict()
      .optional()
      .openapi({ description: 'Retrieval: `limit: 0` skips it' }),
    trace_id: TraceIdSchema.optional(),
  })
  .strict()
  .openapi('ChatDesignRequest');
export type ChatDesignRequest = z.infer<typeof ChatDesignRequestSchema>;

export const ChatDesignIntentSchema = z.enum(['generate', 'refine', 'bdd']).openapi('ChatDesignIntent');
export type ChatDesignIntent = z.infer<typeof ChatDesignIntentSchema>;

export const ChatDesignStepSchema = z.enum(['rag', 'plan', 'ui', 'bdd']);

/** Data of each SSE event of /chat/design, by event name (exactly one of `done` / `error` ends the stream). */
export const ChatDesignEvents = {
  meta: z.object({ trace_id: z.string(), intents: z.array(ChatDesignIntentSchema) }),
  progress: z.object({ step: ChatDesignStepSchema, status: z.enum(['started', 'done', 'skipped']), detail: z.string().optional() }),
  'rag.item': RagSearchItemSchema,
  'rag.done': z.object({ count: z.number().int() }),
  'llm.delta': z.object({ text: z.string() }),
  'llm.done': z.object({ usage: LlmUsageSchema, provider: z.string(), model: z.string() }),
  'ui.preview': UiGenerateResponseSchema.omit({ trace_id: true, llm: true }).extend({ summary: z.string() }),
  'bdd.done': z.object({ feature: z.string(), scenarios: z.number().int() }),
  done: z.object({
    trace_id: z.string(),
    intents: z.array(ChatDesignIntentSchema),
    usage: LlmUsageSchema,
    timings: z
      .object({ total_ms: z.number(), rag_ms: z.number(), llm_ms: z.number().openapi({ description: "The gateway's own latency: providers answering" }), ui_ms: z.number() })
      .openapi({ description: 'Where the time went; total minus llm_ms and the embedding inside rag_ms is the orchestration' }),
  }),
} as const;
