// Deciding and measuring the assistant's answer: the default reply (echo, or JSON for structured output), token estimates (~4 characters per
// token, +4 per message, as OpenAI's cookbook counts chat overhead), splitting text into token-like stream
// pieces, and deterministic ids.
import { createHash } from 'node:crypto';
import type { ChatCompletionRequest, ChatMessage, ChatReply, RawReply, ToolCallSpec } from './openai-types';
import { designEditsReply, DESIGN_EDITS_SCHEMA } from './design-edits';
import { layerNamesReply, LAYER_NAMES_SCHEMA } from './layer-names';
import { schemaInstance } from './schema-instance';

export interface ResolvedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface ResolvedReply {
  content: string | null;
  toolCalls: ResolvedToolCall[];
}

/** Text of a message whether its content is a string or a list of parts. */
export function messageText(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
  return '';
}

/** The default reply: an echo of the last user message, so tests can predict it. */
export function echoReply(request: ChatCompletionRequest): string {
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
  const said = lastUser === undefined ? '' : messageText(lastUser).trim();
  return said === '' ? 'Hello from the COGO fake.' : `You said: ${said}`;
}

/**
 * The reply when neither a queued reply nor the `reply` option decides: a minimal instance of the schema
 * for `response_format: json_schema`, `{ "reply": <echo> }` for `json_object`, else the echo.
 */
export function defaultReply(request: ChatCompletionRequest): string {
  const format = request.response_format as { type?: unknown; json_schema?: { name?: unknown; schema?: unknown } } | undefined;
  // the offline answers of the AI plugin jobs' prompts (the demo and the Worker tests run without a model)
  if (format?.type === 'json_schema' && format.json_schema?.name === LAYER_NAMES_SCHEMA) return layerNamesReply(request);
  if (format?.type === 'json_schema' && format.json_schema?.name === DESIGN_EDITS_SCHEMA) return designEditsReply(request);
  if (format?.type === 'json_schema') return JSON.stringify(schemaInstance(format.json_schema?.schema));
  if (format?.type === 'json_object') return JSON.stringify({ reply: echoReply(request) });
  return echoReply(request);
}

/** Normalises a ChatReply; tool call ids default to ids derived from `seed`. */
export function resolveReply(reply: Exclude<ChatReply, RawReply>, seed: string): ResolvedReply {
  if (typeof reply === 'string') return { content: reply, toolCalls: [] };
  const toolCalls = (reply.toolCalls ?? []).map((call: ToolCallSpec, i) => ({
    id: call.id ?? `call_${shortHash(`${seed}:${i}`, 24)}`,
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
  }));
  return { content: reply.content ?? (toolCalls.length > 0 ? null : ''), toolCalls };
}

/** Splits text into word and punctuation pieces with their leading spaces; joined, they give the text back. */
export function tokenPieces(text: string): string[] {
  return text.match(/\s*[\p{L}\p{N}_]+|\s*[^\s\p{L}\p{N}_]|\s+$/gu) ?? [];
}

/** Estimated token count of a string. */
export function estimateTokens(text: string): number {
  return text === '' ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

/** Estimated prompt tokens of a chat request. */
export function promptTokens(request: ChatCompletionRequest): number {
  return request.messages.reduce((sum, message) => sum + 4 + estimateTokens(messageText(message)), 3);
}

/** Completion tokens of a reply: its stream pieces, text and tool arguments alike. */
export function completionTokens(reply: ResolvedReply): number {
  const text = tokenPieces(reply.content ?? '').length;
  return text + reply.toolCalls.reduce((sum, call) => sum + 1 + tokenPieces(call.arguments).length, 0);
}

/** A base62-ish deterministic id fragment. */
export function shortHash(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, length);
}

/** Usage block with the detail objects current responses carry. */
export function usageBlock(prompt: number, completion: number) {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
