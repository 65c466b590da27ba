// Queued chat replies, so a test can script what the "model" says next (an invalid JSON to exercise repair,
// a tool call, then text). One queue per scope: the unscoped queue serves any path, a scoped one (path prefix
// or RegExp, matched on the full request path) only its provider. Scoped queues are tried first, in the order
// they were set. A reply is taken only by a chat request that gets as far as answering (valid body and key,
// no error fault): a 429 or a 400 does not eat the reply the retry should get, but a dropped stream does.
import { ControlInputError } from '../http/control-wire';
import { pathMatches } from '../http/fault-queue';
import type { ChatReply } from './openai-types';

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

  /** Takes the next reply for a request to `path`, scoped queues first. */
  take(path: string): ChatReply | undefined {
    const ready = (queue: ScopedQueue) => queue.replies.length > 0 && pathMatches(queue.scope, path);
    const queue =
      this.queues.find((q) => q.scope !== undefined && ready(q)) ?? this.queues.find((q) => q.scope === undefined && ready(q));
    return queue?.replies.shift();
  }
}

/** Validates one ChatReply arriving as JSON (string, or { content?, toolCalls? }). */
export function checkChatReply(value: unknown, index: number): ChatReply {
  const fail = (why: string): never => {
    throw new ControlInputError(`reply ${index}: ${why}`);
  };
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected a string or { content?, toolCalls? }');
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
