// Queued chat replies, so a test can script what the "model" says next (an invalid JSON to exercise repair,
// a tool call, then text). One queue per scope: the unscoped queue serves any path, a scoped one (path prefix
// or RegExp, matched on the full request path) only its provider. Scoped queues are tried first, in the order
// they were set. A reply is taken only by a request that gets as far as answering (valid body and key,
// no error fault): a 429 or a 400 does not eat the reply the retry should get, but a dropped stream does.
// Embeddings requests take only recorded answers (RawReply), so a scripted chat reply is never eaten by them.
import { ControlInputError } from '../http/control-wire';
import { pathMatches } from '../http/fault-queue';
import type { ChatReply, RawReply } from './openai-types';

interface ScopedQueue {
  key: string;
  scope: string | RegExp | undefined;
  replies: ChatReply[];
}

function scopeKey(scope: string | RegExp | undefined): string {
  if (scope === undefined) return '*';
  return typeof scope === 'string' ? `prefix:${scope}` : `pattern:${scope.source}/${scope.flags}`;
}

/** Chat replies queued per path scope. */
export class ReplyQueue {
  private queues: ScopedQueue[] = [];

  /** Replaces the queue of `scope` (undefined: any path) with `replies`. */
  set(replies: readonly ChatReply[], scope?: string | RegExp): void {
    const key = scopeKey(scope);
    this.queues = this.queues.filter((queue) => queue.key !== key);
    this.queues.push({ key, scope, replies: [...replies] });
  }

  /** Drops every queue. */
  clear(): void {
    this.queues = [];
  }

  /** Replies not yet taken, over every scope. */
  pending(): number {
    return this.queues.reduce((sum, queue) => sum + queue.replies.length, 0);
  }

  /**
   * Takes the next reply for a request to `path`, scoped queues first. `accepts` narrows what this request may
   * answer with (embeddings: recorded answers only); a queue whose next reply it refuses is passed over, untouched.
   */
  take(path: string, accepts: (reply: ChatReply) => boolean = () => true): ChatReply | undefined {
    const ready = (queue: ScopedQueue) =>
      queue.replies.length > 0 && pathMatches(queue.scope, path) && accepts(queue.replies[0] as ChatReply);
    const queue =
      this.queues.find((q) => q.scope !== undefined && ready(q)) ?? this.queues.find((q) => q.scope === undefined && ready(q));
    return queue?.replies.shift();
  }
}

/** Validates one ChatReply arriving as JSON (string, { content?, toolCalls? } or { raw: { contentType, body } }). */
export function checkChatReply(value: unknown, index: number): ChatReply {
  const fail = (why: string): never => {
    throw new ControlInputError(`reply ${index}: ${why}`);
  };
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('expected a string, { content?, toolCalls? } or { raw: { contentType, body } }');
  }
  if ('raw' in value) return checkRawReply(value as Record<string, unknown>, fail);
  const { content, toolCalls } = value as { content?: unknown; toolCalls?: unknown };
  if (content !== undefined && content !== null && typeof content !== 'string') fail('content must be a string or null');
  if (toolCalls !== undefined) {
    if (!Array.isArray(toolCalls)) fail('toolCalls must be an array');
    for (const call of toolCalls as unknown[]) {
      const { name, arguments: args, id } = (call ?? {}) as { name?: unknown; arguments?: unknown; id?: unknown };
      if (typeof name !== 'string' || name === '') fail('every tool call needs a name');
      if (typeof args !== 'string' && (typeof args !== 'object' || args === null)) fail('tool call arguments must be a string or an object');
      if (id !== undefined && typeof id !== 'string') fail('tool call id must be a string');
    }
  }
  return value as ChatReply;
}

function checkRawReply(value: Record<string, unknown>, fail: (why: string) => never): RawReply {
  const extra = Object.keys(value).filter((key) => key !== 'raw');
  if (extra.length > 0) fail(`a raw reply has nothing beside raw (got ${extra.join(', ')})`);
  const { contentType, body } = (value.raw ?? {}) as { contentType?: unknown; body?: unknown };
  if (typeof contentType !== 'string' || contentType.trim() === '') fail('raw.contentType must be a non-empty string');
  if (typeof body !== 'string') fail('raw.body must be a string (the recorded bytes as UTF-8 text)');
  return { raw: { contentType: contentType as string, body: body as string } };
}
