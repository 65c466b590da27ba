// A local stand-in for an OpenAI-compatible API (chat completions with SSE streaming, embeddings) with
// switchable faults. Order per request: read and record it, apply a fault if one matches, check the key, serve.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordRequest, requestUrl } from '../http/request-log';
import type { RecordedRequest } from '../http/request-log';
import { delayAtLeast, readBody } from '../http/send';
import { listen } from '../http/server-lifecycle';
import { shortHash } from './chat-reply';
import { INVALID_JSON, authError, openAIError, sendOpenAIError } from './openai-errors';
import { createOpenAIFaultQueue, openAIFaultAnswer } from './openai-faults';
import { handleChat, handleEmbeddings, handleModels } from './openai-handlers';
import type { OpenAIFake, OpenAIFakeOptions } from './openai-types';

/** Starts the OpenAI-compatible fake; its `url` ends in /v1. */
export async function startOpenAIFake(options: OpenAIFakeOptions = {}): Promise<OpenAIFake> {
  const faults = createOpenAIFaultQueue();
  const requests: RecordedRequest[] = [];
  let sequence = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = requestUrl(req);
    const record = recordRequest(req, url);
    requests.push(record);
    const raw = req.method === 'POST' ? (await readBody(req)).toString('utf8') : '';
    const parsed = parseJson(raw);
    if (parsed.ok) record.body = parsed.value;
    const body = parsed.ok ? parsed.value : undefined;
    const streaming = isStreaming(body);

    let dropAfterChunks: number | undefined;
    const fault = faults.take(url.pathname, { streaming });
    if (fault !== undefined) {
      const answer = openAIFaultAnswer(fault, modelOf(body));
      if (answer !== undefined) return sendOpenAIError(res, answer.status, answer.body, answer.headers);
      if (fault.kind === 'latency') await delayAtLeast(fault.ms);
      if (fault.kind === 'stream-drop') dropAfterChunks = fault.afterChunks;
    }

    if (options.apiKey !== undefined) {
      const sent = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
      if (sent !== options.apiKey) return sendOpenAIError(res, 401, authError(sent));
    }

    const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/$/, '')}`;
    if (route === 'GET /v1/models') return handleModels(res, options);
    const isPost = route === 'POST /v1/chat/completions' || route === 'POST /v1/embeddings';
    if (!isPost) {
      const message = `Invalid URL (${req.method ?? 'GET'} ${url.pathname})`;
      return sendOpenAIError(res, 404, openAIError(message, 'invalid_request_error'));
    }
    if (!parsed.ok) return sendOpenAIError(res, 400, INVALID_JSON);
    if (route === 'POST /v1/embeddings') return handleEmbeddings(res, body, options);
    sequence += 1;
    const id = `chatcmpl-${shortHash(`${sequence}:${raw}`, 29)}`;
    return handleChat(res, body, options, { id, dropAfterChunks });
  };

  const server = await listen(handle, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    url: `${server.origin}/v1`,
    port: server.port,
    requests,
    setFaults: (list) => faults.set(list),
    clearFaults: () => faults.clear(),
    pendingFaults: () => faults.pending(),
    close: server.close,
  };
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

function isStreaming(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
}

function modelOf(body: unknown): string {
  const model = typeof body === 'object' && body !== null ? (body as { model?: unknown }).model : undefined;
  return typeof model === 'string' ? model : 'gpt-4o-mini';
}
