// The OpenAI fake's control API, for tests that cannot reach the fake object (Worker tests run in workerd)
// and for people poking the dev stack by hand. Never part of OpenAI's API, and only at the root (no prefix):
//   PUT    /__fake/faults     JSON [{ fault, times?: number|null (null = always), path?, pathPattern? }]; a bare
//                             fault { kind, … } in the list is one use on any path. Faults: see OpenAIFault.
//   DELETE /__fake/faults
//   PUT    /__fake/replies    JSON [ChatReply, …] (any path) or { path?, pathPattern?, replies: [ChatReply, …] }
//   DELETE /__fake/replies    every queue, scoped or not
//   GET    /__fake/requests   the recorded requests (credentials redacted); ?path=/alt/ keeps those under a prefix
//   DELETE /__fake/requests   the same filter: ?path= forgets only those
//   GET    /__fake/pending    { faults, replies }: fault rules with uses left, queued replies not yet taken
// A ChatReply is a string or { content?, toolCalls?: [{ name, arguments, id? }] }, or a recorded answer
// { raw: { contentType, body } } served as recorded (raw-reply.ts). The next chat completions answer the queued
// replies in order, then the default (echo, or a schema instance for structured output) applies again; an
// embeddings request takes the next reply of its scope only when that is a recorded answer. Each PUT of replies
// replaces the queue of its scope only, so two providers on one fake (/v1 and /alt/v1) can be scripted
// separately; scoped queues are tried before the unscoped one (reply-queue.ts). `path` / `pathPattern` are
// matched against the full request path, prefix included. Control requests are not recorded. Bad input is a 400
// `{ error: message }`, an unknown control route a 404.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ControlInputError, readControlJson, wireRules, wireScope } from '../http/control-wire';
import type { RecordedRequest } from '../http/request-log';
import { sendJson } from '../http/send';
import { checkOpenAIFault } from './openai-fault-check';
import type { OpenAIFake } from './openai-types';
import { checkChatReply } from './reply-queue';

/** Where the control routes live. */
export const CONTROL_PREFIX = '/__fake/';

/** The parts of the fake the control API drives. */
export type OpenAIControl = Pick<
  OpenAIFake,
  'setFaults' | 'clearFaults' | 'pendingFaults' | 'setReplies' | 'clearReplies' | 'pendingReplies' | 'requests'
>;

function noContent(res: ServerResponse): void {
  res.writeHead(204).end();
}

async function putReplies(fake: OpenAIControl, req: IncomingMessage): Promise<void> {
  const body = await readControlJson(req);
  if (Array.isArray(body)) return fake.setReplies(body.map(checkChatReply));
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { replies?: unknown }).replies)) {
    throw new ControlInputError('expected [ChatReply, …] or { path?, pathPattern?, replies: [ChatReply, …] }');
  }
  const scoped = body as { replies: unknown[]; path?: unknown; pathPattern?: unknown };
  const scope = wireScope(scoped);
  fake.setReplies(scoped.replies.map(checkChatReply), scope);
}

function selectRequests(url: URL): (record: RecordedRequest) => boolean {
  const prefix = url.searchParams.get('path');
  return (record) => prefix === null || record.path.startsWith(prefix);
}

/** Handles a control request; false when the path is not a control path. */
export async function handleOpenAIControl(
  fake: OpenAIControl,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!url.pathname.startsWith(CONTROL_PREFIX)) return false;
  const method = req.method ?? 'GET';
  const route = `${method} ${url.pathname.slice(CONTROL_PREFIX.length)}`;
  try {
    switch (route) {
      case 'PUT faults':
        fake.setFaults(wireRules(await readControlJson(req), checkOpenAIFault));
        break;
      case 'DELETE faults':
        fake.clearFaults();
        break;
      case 'PUT replies':
        await putReplies(fake, req);
        break;
      case 'DELETE replies':
        fake.clearReplies();
        break;
      case 'GET requests':
        await sendJson(res, 200, fake.requests.filter(selectRequests(url)));
        return true;
      case 'DELETE requests': {
        const selected = selectRequests(url);
        const kept = fake.requests.filter((record) => !selected(record));
        fake.requests.splice(0, fake.requests.length, ...kept);
        break;
      }
      case 'GET pending':
        await sendJson(res, 200, { faults: fake.pendingFaults(), replies: fake.pendingReplies() });
        return true;
      default:
        await sendJson(res, 404, { error: `no control route ${method} ${url.pathname}` });
        return true;
    }
  } catch (err) {
    // Malformed input (or a body over readBody's limit) is the caller's mistake; anything else is a fake bug → 500.
    if (!(err instanceof ControlInputError) && !(err instanceof RangeError)) throw err;
    await sendJson(res, 400, { error: err.message });
    return true;
  }
  noContent(res);
  return true;
}
