// Request handlers of the OpenAI fake: validate like the real API (400 with its error envelope), then answer.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/send';
import { completionBody, streamChunks } from './chat-completions';
import type { CompletionMeta } from './chat-completions';
import { defaultReply, estimateTokens, promptTokens, resolveReply } from './chat-reply';
import { writeChatStream } from './chat-stream-writer';
import { embedText, embeddingInputs, float32ToBase64 } from './embeddings';
import { invalidParameter, missingParameter, sendOpenAIError } from './openai-errors';
import type { OpenAIErrorBody } from './openai-errors';
import type { ChatFaultEffects } from './openai-faults';
import type { ChatCompletionRequest, ChatReply, OpenAIFakeOptions, RawReply } from './openai-types';
import { isRawReply, sendRawReply } from './raw-reply';
import type { WordVectors } from './word-vectors';

export interface ChatContext {
  /** Unique per request, e.g. chatcmpl-…; also seeds tool call ids. */
  id: string;
  /** What a fault changes in the answer (stream plan, usage). */
  effects: ChatFaultEffects;
  /** Takes the next queued reply for this request, if any; called only once the request is valid. */
  takeReply: () => ChatReply | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Checked = { ok: true; request: ChatCompletionRequest } | { ok: false; error: OpenAIErrorBody };

/** Checks a chat completion body the way the API does, first problem wins. */
function validateChat(body: unknown): Checked {
  const fail = (error: OpenAIErrorBody): Checked => ({ ok: false, error });
  if (!isRecord(body)) return fail(invalidParameter('body', 'expected a JSON object.'));
  if (typeof body.model !== 'string' || body.model === '') return fail(missingParameter('model'));
  if (body.messages === undefined) return fail(missingParameter('messages'));
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return fail(invalidParameter('messages', 'expected a non-empty array of messages.'));
  }
  const badIndex = body.messages.findIndex((message) => !isRecord(message) || typeof message.role !== 'string');
  if (badIndex !== -1) return fail(missingParameter(`messages[${badIndex}].role`));
  return { ok: true, request: body as ChatCompletionRequest };
}

/** POST /v1/chat/completions, streaming or not. */
export async function handleChat(
  res: ServerResponse,
  body: unknown,
  options: OpenAIFakeOptions,
  ctx: ChatContext,
): Promise<void> {
  const checked = validateChat(body);
  if (!checked.ok) return sendOpenAIError(res, 400, checked.error);
  const { request } = checked;
  // Queued replies win over the reply option, which wins over the default (echo or structured output).
  const chosen = ctx.takeReply() ?? (options.reply ?? defaultReply)(request);
  const requestId = { 'x-request-id': `req_${ctx.id.slice(9)}` };
  if (isRawReply(chosen)) return sendRawReply(res, chosen, ctx.effects, requestId);
  const reply = resolveReply(chosen, ctx.id);
  const meta: CompletionMeta = {
    id: ctx.id,
    created: Math.floor(Date.now() / 1000),
    model: options.model ?? request.model,
    promptTokens: promptTokens(request),
  };
  if (request.stream !== true) return sendJson(res, 200, completionBody(meta, reply, { usage: ctx.effects.usage }));

  const chunks = streamChunks(meta, reply, {
    includeUsage: request.stream_options?.include_usage === true && ctx.effects.usage,
    obfuscation: request.stream_options?.include_obfuscation !== false,
  });
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...requestId,
  });
  return writeChatStream(res, chunks, ctx.effects.stream);
}

/** POST /v1/embeddings; `takeRecorded` gives the queued recorded answer for this request, if any. */
export async function handleEmbeddings(
  res: ServerResponse,
  body: unknown,
  options: OpenAIFakeOptions,
  takeRecorded: () => RawReply | undefined = () => undefined,
): Promise<void> {
  if (!isRecord(body)) return sendOpenAIError(res, 400, invalidParameter('body', 'expected a JSON object.'));
  if (typeof body.model !== 'string' || body.model === '') return sendOpenAIError(res, 400, missingParameter('model'));
  if (body.input === undefined) return sendOpenAIError(res, 400, missingParameter('input'));
  const texts = embeddingInputs(body.input);
  if (texts === undefined || texts.includes('')) {
    const why = 'expected a non-empty string, strings, or token arrays.';
    return sendOpenAIError(res, 400, invalidParameter('input', why));
  }
  const format = body.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64') {
    return sendOpenAIError(res, 400, invalidParameter('encoding_format', "expected 'float' or 'base64'."));
  }
  const words = options.wordVectors?.model === body.model ? options.wordVectors : undefined;
  const dimensions = body.dimensions ?? (words ? words.dimensions : (options.dimensions ?? 1536));
  if (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 1 || dimensions > 8192) {
    return sendOpenAIError(res, 400, invalidParameter('dimensions', 'expected an integer between 1 and 8192.'));
  }
  if (words && dimensions < words.dimensions) {
    const why = `${words.model} has ${words.dimensions} dimensions: expected ${words.dimensions} to 8192 (wider is zero-padded).`;
    return sendOpenAIError(res, 400, invalidParameter('dimensions', why));
  }
  // a recorded answer is served as recorded, whatever the request asked (that is the test's script)
  const recorded = takeRecorded();
  if (recorded !== undefined) return sendRawReply(res, recorded);
  const data = texts.map((text, index) => {
    const vector = words ? wordVectorOf(words, text, dimensions) : embedText(text, dimensions);
    const embedding = format === 'base64' ? float32ToBase64(vector) : Array.from(vector);
    return { object: 'embedding', index, embedding };
  });
  const tokens = texts.reduce((sum, text) => {
    if (text.startsWith('tokens:')) return sum + text.split(',').length;
    // the word-vector model reads words, so its usage counts words (at least one per input, as the API bills)
    return sum + (words ? Math.max(1, words.countWords(text)) : estimateTokens(text));
  }, 0);
  const usage = { prompt_tokens: tokens, total_tokens: tokens };
  return sendJson(res, 200, { object: 'list', data, model: body.model, usage });
}

/** Token-id inputs cannot be read back as words: they get the table's no-known-word fallback, padded. */
function wordVectorOf(words: WordVectors, text: string, dimensions: number): Float32Array {
  if (!text.startsWith('tokens:')) return words.embed(text, dimensions);
  const out = new Float32Array(dimensions);
  out.set(embedText(`${words.model}:${text}`, words.dimensions));
  return out;
}

/** GET /v1/models: the configured model, so SDK health checks pass. */
export function handleModels(res: ServerResponse, options: OpenAIFakeOptions): Promise<void> {
  const ids = [options.model ?? 'gpt-4o-mini', 'text-embedding-3-small', ...(options.wordVectors ? [options.wordVectors.model] : [])];
  const data = ids.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'cogo-fake' }));
  return sendJson(res, 200, { object: 'list', data });
}
