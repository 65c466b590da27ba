// The LLM gateway's contract (issue 11, seed 000 §18–22): completions through router-select, streamed as
// `llm.delta` … `llm.done` or answered as JSON; router-select's inspection answer.
import { z } from '@hono/zod-openapi';
import { TraceIdSchema } from './ids';

/** A public model name a project asks for (`gpt-4o-mini`); providers serve it under their own upstream id. */
export const ModelNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][\w.:/@-]{0,127}$/, 'letters, digits and . _ : / @ -, at most 128 characters')
  .openapi({ example: 'gpt-4o-mini' });

export const ToolCallSchema = z
  .object({
    id: z.string().max(200),
    type: z.literal('function').default('function'),
    function: z.object({ name: z.string().min(1).max(200), arguments: z.string().max(200_000) }),
  })
  .openapi('ToolCall');
export type ToolCall = z.infer<typeof ToolCallSchema>;

export const ChatMessageSchema = z
  .object({
    role: z.enum(['system', 'user', 'assistant', 'tool']),
    content: z.string().max(400_000).nullable().default(''),
    name: z.string().max(64).optional(),
    tool_call_id: z.string().max(200).optional(),
    tool_calls: z.array(ToolCallSchema).max(64).optional(),
  })
  .openapi('ChatMessage');
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ToolSchema = z
  .object({
    type: z.literal('function'),
    function: z.object({
      name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      description: z.string().max(4_000).optional(),
      parameters: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Tool');

export const ResponseFormatSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('text') }),
    z.object({ type: z.literal('json_object') }),
    z.object({
      type: z.literal('json_schema'),
      json_schema: z.object({
        name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
        description: z.string().max(4_000).optional(),
        schema: z.record(z.string(), z.unknown()),
        strict: z.boolean().optional(),
      }),
    }),
  ])
  .openapi('ResponseFormat');
export type ResponseFormat = z.infer<typeof ResponseFormatSchema>;

export const CompletionRequestSchema = z
  .object({
    model: ModelNameSchema.optional().openapi({ description: "Default: the policy's first model, else CHAT_MODEL_DEFAULT" }),
    messages: z.array(ChatMessageSchema).min(1).max(500),
    stream: z.boolean().default(false),
    response_format: ResponseFormatSchema.optional(),
    tools: z.array(ToolSchema).max(128).optional(),
    tool_choice: z.union([z.enum(['auto', 'none', 'required']), z.object({ type: z.literal('function'), function: z.object({ name: z.string() }) })]).optional(),
    temperature: z.number().min(0).max(2).optional(),
    max_tokens: z.number().int().min(1).max(1_000_000).optional(),
    trace_id: TraceIdSchema.optional(),
    job_id: z.uuid().optional(),
  })
  .openapi('CompletionRequest');
export type CompletionRequest = z.infer<typeof CompletionRequestSchema>;

export const LlmUsageSchema = z
  .object({
    input_tokens: z.number().int(),
    output_tokens: z.number().int(),
    cost_usd: z.number(),
    estimated: z.boolean().openapi({ description: 'True when the provider sent no usage and the tokens were counted from the text' }),
  })
  .openapi('LlmUsage');
export type LlmUsage = z.infer<typeof LlmUsageSchema>;

export const CompletionResultSchema = z
  .object({
    text: z.string(),
    tool_calls: z.array(ToolCallSchema).optional(),
    output: z.unknown().optional().openapi({ description: 'The parsed JSON of structured output (response_format json_schema), validated against its schema' }),
    finish_reason: z.string(),
    usage: LlmUsageSchema,
    provider: z.string(),
    model: z.string(),
    latency_ms: z.number().int(),
    continued: z.boolean().openapi({ description: 'True when a stream cut after tokens was finished by a fallback provider' }),
    providers: z.array(z.string()).openapi({ description: 'Every provider that produced part of the answer, in order' }),
    repaired: z.boolean().optional(),
    trace_id: z.string(),
  })
  .openapi('CompletionResult');
export type CompletionResult = z.infer<typeof CompletionResultSchema>;

export const LlmDeltaDataSchema = z.object({ text: z.string(), tool_calls: z.array(z.unknown()).optional() }).openapi('LlmDelta');

export const CandidateStatusSchema = z.enum(['selected', 'available', 'cooldown', 'over_budget', 'not_allowed', 'disabled', 'error_budget', 'wrong_kind']);

export const RouterSelectRequestSchema = z
  .object({
    model: ModelNameSchema.optional(),
    kind: z.enum(['chat', 'embedding']).default('chat'),
    estimated_input_tokens: z.number().int().min(0).max(10_000_000).default(0),
    max_output_tokens: z.number().int().min(0).max(1_000_000).optional(),
  })
  .openapi('RouterSelectRequest');

export const BudgetStateSchema = z
  .object({
    period: z.enum(['daily', 'monthly']),
    limit_usd: z.number().nullable(),
    spent_usd: z.number(),
    resets_at: z.string(),
  })
  .openapi('BudgetState');
export type BudgetState = z.infer<typeof BudgetStateSchema>;

export const RouterCandidateSchema = z
  .object({
    provider: z.string(),
    model: z.string(),
    upstream_model: z.string(),
    status: CandidateStatusSchema,
    reason: z.string().optional(),
    projected_cost_usd: z.number(),
  })
  .openapi('RouterCandidate');

export const RouterSelectResultSchema = z
  .object({
    selected: RouterCandidateSchema.nullable(),
    candidates: z.array(RouterCandidateSchema),
    budgets: z.array(BudgetStateSchema),
  })
  .openapi('RouterSelectResult');
export type RouterSelectResult = z.infer<typeof RouterSelectResultSchema>;
