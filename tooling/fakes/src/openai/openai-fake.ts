// A local stand-in for an OpenAI-compatible API (chat completions with SSE streaming, embeddings) with
// switchable faults, scriptable replies and an HTTP control API (openai-control.ts). Several providers share
// one fake: any prefix before /v1/ (/alt/v1/chat/completions) reaches the same API; the prefix is stripped for
// routing only, while the request log, fault rules and reply queues see the full path, so a test can aim at
// one provider. Order per request: control routes, record it, apply a fault if one matches, check the key, serve.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordRequest, requestUrl } from '../http/request-log';
import type { RecordedRequest } from '../http/request-log';
import { delayAtLeast, readBody } from '../http/send';
import { listen } from '../http/server-lifecycle';
import { shortHash } from './chat-reply';
import { INVALID_JSON, authError, openAIError, sendOpenAIError } from './openai-errors';
import { handleOpenAIControl } from './openai-control';
import type { OpenAIControl } from './openai-control';
import { chatFaultEffects, createOpenAIFaultQueue, openAIFaultAnswer } from './openai-faults';
import { handleChat, handleEmbeddings, handleModels } from './openai-handlers';
import { handleImages } from './images';
import type { OpenAIFake, OpenAIFakeOptions, RawReply } from './openai-types';
import { isRawReply } from './raw-reply';
import { ReplyQueue } from './reply-queue';

/** The API path behind any provider prefix: /alt/v1/chat/completions → /v1/chat/completions. */
function routedPath(pathname: string): string {
  const at = pathname.indexOf('/v1/');
  const path = at > 0 ? pathname.slice(at) : pathname;
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

/** Starts the OpenAI-compatible fake; its `url` ends in /v1. */
export async function startOpenAIFake(options: OpenAIFakeOptions = {}): Promise<OpenAIFake> {
  const faults = createOpenAIFaultQueue();
  const replies = new ReplyQueue();
  const requests: RecordedRequest[] = [];
  let sequence = 0;
  let imageCalls = 0;
  const control: OpenAIControl = {
    requests,
    setFaults: (list) => faults.set(list),
    clearFaults: () => faults.clear(),
    pendingFaults: () => faults.pending(),
    setReplies: (list, path) => replies.set(list, path),
    clearReplies: () => replies.clear(),
    pendingReplies: () => replies.pending(),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = requestUrl(req);
    if (await handleOpenAIControl(control, req, res, url)) return;
    const record = recordRequest(req, url);
    requests.push(record);
    res.once('close', () => (record.doneAt = Date.now()));
    const raw = req.method === 'POST' ? (await readBody(req)).toString('utf8') : '';
    const parsed = parseJson(raw);
    if (parsed.ok) record.body = parsed.value;
    const body = parsed.ok ? parsed.value : undefined;
    const route = `${req.method ?? 'GET'} ${routedPath(url.pathname)}`;
    const chat = route === 'POST /v1/chat/completions';

    const fault = faults.take(url.pathname, { chat, streaming: isStreaming(body) }, raw);
    if (fault !== undefined) {
      const answer = openAIFaultAnswer(fault, modelOf(body));
      if (answer !== undefined) return sendOpenAIError(res, answer.status, answer.body, answer.headers);
      if (fault.kind === 'latency') await delayAtLeast(fault.ms);
    }

    if (options.apiKey !== undefined) {
      const sent = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
      if (sent !== options.apiKey) return sendOpenAIError(res, 401, authError(sent));
    }

    if (route === 'GET /v1/models') return handleModels(res, options);
    if (route === 'POST /v1/images/generations') return parsed.ok ? handleImages(res, body, ++imageCalls) : sendOpenAIError(res, 400, INVALID_JSON);
    if (!chat && route !== 'POST /v1/embeddings') {
      const message = `Invalid URL (${req.method ?? 'GET'} ${url.pathname})`;
      return sendOpenAIError(res, 404, openAIError(message, 'invalid_request_error'));
    }
    if (!parsed.ok) return sendOpenAIError(res, 400, INVALID_JSON);
    if (!chat) return handleEmbeddings(res, body, options, () => replies.take(url.pathname, isRawReply) as RawReply | undefined);
    sequence += 1;
    const id = `chatcmpl-${shortHash(`${sequence}:${raw}`, 29)}`;
    const effects = chatFaultEffects(fault, options.chunkDelayMs ?? 0);
    return handleChat(res, body, options, { id, effects, takeReply: () => replies.take(url.pathname) });
  };

  const server = await listen(handle, options.port ?? 0, options.host ?? '127.0.0.1');
  return { url: `${server.origin}/v1`, origin: server.origin, port: server.port, ...control, close: server.close };
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
