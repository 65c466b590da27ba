// Chat (seed 001 §4, §11): `/chat` streams `ready`, `keepalive`, `chat.delta`, `chat.done`, `error` and keeps
// each session's messages; `/chat-gateway` is its ingress; embeddings through `/embed`.
import { z } from '@hono/zod-openapi';
import { TraceIdSchema } from './ids';
import { ChatMessageSchema, LlmUsageSchema, ModelNameSchema } from './llm';


export const ChatRequestSchema = z
  .object({
    session_id: z.uuid().optional().openapi({ description: 'Continue this session; absent: a new session' }),
    content: z.string().min(1).max(100_000),
    model: ModelNameSchema.optional(),
    system: z.string().max(20_000).optional(),
    stream: z.boolean().default(true),
    trace_id: TraceIdSchema.optional(),
    idempotency_key: z.string().min(1).max(255).optional(),
  })
  .openapi('ChatRequest');
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

export const ChatResultSchema = z
  .object({
    session_id: z.uuid(),
    user_message_id: z.uuid(),
    message_id: z.uuid(),
    text: z.string(),
    usage: LlmUsageSchema,
    provider: z.string(),
    model: z.string(),
    continued: z.boolean(),
    replayed: z.boolean().openapi({ description: 'True when this Idempotency-Key already stored the answer: it is sent again, not asked again' }),
    trace_id: z.string(),
  })
  .openapi('ChatResult');
export type ChatResult = z.infer<typeof ChatResultSchema>;

export const ChatGatewayRequestSchema = z
  .object({
    messages: z.array(ChatMessageSchema).min(1).max(500),
    session_id: z.uuid().optional(),
    model: ModelNameSchema.optional(),
    stream: z.boolean().default(true),
    idempotency_key: z.string().min(1).max(255).optional(),
    mode: z
      .enum(['chat', 'design'])
      .default('chat')
      .openapi({ description: '`design`: the turn is a design chat turn (POST /chat/design with these messages): RAG → the model’s page → `ui.preview`, streamed' }),
  })
  .openapi('ChatGatewayRequest');
export type ChatGatewayRequest = z.infer<typeof ChatGatewayRequestSchema>;

export const ChatGatewayResultSchema = z
  .object({ output: z.object({ text: z.string() }), session_id: z.uuid(), message_id: z.uuid(), trace_id: z.string(), usage: LlmUsageSchema, provider: z.string(), model: z.string() })
  .openapi('ChatGatewayResult');
export type ChatGatewayResult = z.infer<typeof ChatGatewayResultSchema>;

export const ChatSessionSchema = z
  .object({ id: z.uuid(), title: z.string().nullable(), model: z.string().nullable(), created_at: z.string(), last_message_at: z.string() })
  .openapi('ChatSession');
export type ChatSession = z.infer<typeof ChatSessionSchema>;

export const StoredMessageSchema = z
  .object({
    id: z.uuid(),
    session_id: z.uuid(),
    role: z.enum(['system', 'user', 'assistant']),
    content: z.string(),
    status: z.enum(['complete', 'error']),
    model: z.string().nullable(),
    provider: z.string().nullable(),
    trace_id: z.string().nullable(),
    input_tokens: z.number().int().nullable().openapi({ description: "An assistant message's prompt tokens (null for other roles)" }),
    output_tokens: z.number().int().nullable().openapi({ description: "An assistant message's answer tokens (null for other roles)" }),
    created_at: z.string(),
  })
  .openapi('StoredMessage');
export type StoredMessage = z.infer<typeof StoredMessageSchema>;

export const EmbedRequestSchema = z
  .object({
    input: z.union([z.string().min(1).max(100_000), z.array(z.string().min(1).max(100_000)).min(1).max(4_096)]),
    model: ModelNameSchema.optional(),
    stream: z.boolean().default(false),
    trace_id: TraceIdSchema.optional(),
  })
  .openapi('EmbedRequest');
export type EmbedRequest = z.infer<typeof EmbedRequestSchema>;

export const EmbedResultSchema = z
  .object({
    model: z.string(),
    provider: z.string(),
    providers: z.array(z.string()).openapi({ description: 'Every provider whose vectors are in the answer, in order (several only when providers of the same model took over from each other)' }),
    dimensions: z.number().int(),
    data: z.array(z.object({ index: z.number().int(), embedding: z.array(z.number()) })),
    usage: LlmUsageSchema,
    batches: z.number().int(),
    trace_id: z.string(),
  })
  .openapi('EmbedResult');
export type EmbedResult = z.infer<typeof EmbedResultSchema>;
