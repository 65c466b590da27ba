// One chat turn (seed 001 §4, §11): the session's previous complete messages and the new user message go through the
// LLM gateway (route `chat`); the user message is stored before the answer starts, the assistant message before
// `chat.done` is sent. Idempotency is kept here, not only by the middleware (which releases the key of an SSE
// answer): messages carry the request's Idempotency-Key, so a retry whose pair exists is answered from the stored
// rows without calling a provider, a retry of a turn still being answered is a 409, and a retry of a failed turn
// takes over its user message (marked `error`: unanswered) and asks again. Concurrent duplicates: the unique index
// on (project_id, idempotency_key, role) lets exactly one insert win.
import { isUniqueViolation } from '@cogo/db';
import type { ChatMessage, ChatRequest, ChatResult, CompletionResult } from '@cogo/types';
import { spendMeterName } from '../../durable-objects/names';
import { ApiError } from '../../lib/errors';
import { describeError } from '../../lib/logger';
import type { CallScope } from '../llm/call-scope';
import { prepareCompletion, runCompletion, type CompletionSink, type PreparedCompletion } from '../llm/completion.service';
import * as repo from './chat.repo';

/** How many previous messages a prompt carries at most (the most recent ones). */
const HISTORY_LIMIT = 50;
const TITLE_CHARS = 60;
/** A user message this old without an answer belongs to a request that died mid-answer: a retry may take it over. */
const ABANDONED_AFTER_MS = 10 * 60_000;

/** A turn ready to answer: either the stored answer of an earlier request with the same key, or a new call. */
export type Turn =
  | { kind: 'replay'; result: ChatResult }
  | { kind: 'fresh'; scope: CallScope; prepared: PreparedCompletion; sessionId: string; userMessageId: string; userCreatedAt: Date; key: string | null };

/** The first characters of the first message, on one line: what a session list shows. */
export function titleOf(content: string): string | null {
  const flat = content.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat); // code points: never half a surrogate pair
  if (chars.length === 0) return null;
  return chars.length <= TITLE_CHARS ? flat : `${chars.slice(0, TITLE_CHARS - 1).join('').trimEnd()}…`;
}

const inProgress = () =>
  new ApiError('CONFLICT', 'a request with this Idempotency-Key is still being answered; retry shortly', undefined, { 'Retry-After': '2' });

function replayOf(scope: CallScope, user: repo.MessageRow, answer: repo.MessageRow): Turn {
  return {
    kind: 'replay',
    result: {
      session_id: answer.sessionId,
      user_message_id: user.id,
      message_id: answer.id,
      text: answer.content,
      // nothing is spent by a replay: the tokens are the stored answer's, the cost is this answer's
      usage: { input_tokens: answer.tokensIn ?? 0, output_tokens: answer.tokensOut ?? 0, cost_usd: 0, estimated: false },
      provider: answer.provider ?? '',
      model: answer.model ?? '',
      continued: false,
      replayed: true,
      trace_id: answer.traceId ?? scope.traceId,
    },
  };
}

/** Gives back the budget a prepared call reserved when it will not run. */
function release(prepared: PreparedCompletion): void {
  const { scope, reservation } = prepared;
  if (!reservation) return;
  const meter = scope.config.SPEND_METER.get(scope.config.SPEND_METER.idFromName(spendMeterName(scope.projectId)));
  scope.defer('spend release', meter.settle(reservation.id, 0));
}

/**
 * Resolves the session and the Idempotency-Key, prepares the completion (402/503/422 before anything streams) and
 * stores the user message. 404 for a session of another project, 409 while the same key is being answered, 422
 * when the key was used for another message.
 */
export async function startTurn(scope: CallScope, request: ChatRequest, key: string | null): Promise<Turn> {
  const db = scope.db();
  let retried: repo.MessageRow | null = null;
  if (key) {
    const found = await repo.findByKey(db, scope.projectId, key);
    if (found.user) {
      if (found.user.content !== request.content || (request.session_id && request.session_id !== found.user.sessionId)) {
        throw new ApiError('UNPROCESSABLE', 'this Idempotency-Key was already used with a different message');
      }
      if (found.assistant) return replayOf(scope, found.user, found.assistant);
      if (found.user.status !== 'error' && Date.now() - found.user.createdAt.getTime() < ABANDONED_AFTER_MS) throw inProgress();
      retried = found.user;
    }
  }
  const sessionId = retried?.sessionId ?? request.session_id;
  const session = sessionId ? await repo.findSession(db, scope.projectId, sessionId) : null;
  if (sessionId && !session) throw new ApiError('NOT_FOUND', 'chat session not found');
  const history = session ? await repo.recentHistory(db, session.id, HISTORY_LIMIT, retried ? { before: retried.createdAt, excludeId: retried.id } : {}) : [];
  const messages: ChatMessage[] = [
    ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
    ...history.map((h) => ({ role: h.role as ChatMessage['role'], content: h.content })),
    { role: 'user', content: request.content },
  ];
  const model = request.model ?? session?.model ?? undefined;
  const prepared = await prepareCompletion(scope, { model, messages, stream: request.stream }, 'chat');
  try {
    if (retried) {
      const taken = await repo.reclaimUserMessage(db, retried.id, scope.traceId, new Date(Date.now() - ABANDONED_AFTER_MS));
      if (!taken) throw inProgress();
      return { kind: 'fresh', scope, prepared, sessionId: taken.sessionId, userMessageId: taken.id, userCreatedAt: taken.createdAt, key };
    }
    const now = new Date();
    const newSession: repo.NewSession | null = session
      ? null
      : { id: crypto.randomUUID(), projectId: scope.projectId, title: titleOf(request.content), model: model ?? prepared.candidates[0]?.model.name ?? null, createdAt: now, updatedAt: now, lastMessageAt: now };
    const user: repo.NewMessage = {
      id: crypto.randomUUID(),
      sessionId: session?.id ?? newSession!.id,
      projectId: scope.projectId,
      role: 'user',
      content: request.content,
      status: 'complete',
      traceId: scope.traceId,
      idempotencyKey: key,
      createdAt: now,
    };
    await repo.insertTurn(db, newSession, user);
    return { kind: 'fresh', scope, prepared, sessionId: user.sessionId, userMessageId: user.id, userCreatedAt: now, key };
  } catch (err) {
    release(prepared);
    if (key && isUniqueViolation(err)) {
      // a concurrent request with the same key stored its user message first
      const found = await repo.findByKey(db, scope.projectId, key);
      if (found.user && found.assistant) return replayOf(scope, found.user, found.assistant);
      throw inProgress();
    }
    throw err;
  }
}

/** Runs a fresh turn to its one outcome: the stored answer (then `chat_done`), or a thrown ApiError (then `chat_failed`). */
export async function finishTurn(turn: Extract<Turn, { kind: 'fresh' }>, sink: CompletionSink): Promise<ChatResult> {
  const { scope, prepared } = turn;
  const db = scope.db();
  const messageId = crypto.randomUUID();
  let result: CompletionResult;
  try {
    result = await runCompletion(prepared, sink);
    // after the user message even when the provider answered within its millisecond
    const at = new Date(Math.max(Date.now(), turn.userCreatedAt.getTime() + 1));
    await repo.insertAnswer(db, {
      id: messageId,
      sessionId: turn.sessionId,
      projectId: scope.projectId,
      role: 'assistant',
      content: result.text,
      status: 'complete',
      model: result.model,
      provider: result.provider,
      tokensIn: result.usage.input_tokens,
      tokensOut: result.usage.output_tokens,
      traceId: scope.traceId,
      idempotencyKey: turn.key,
      createdAt: at,
    });
  } catch (err) {
    const raced = turn.key !== null && isUniqueViolation(err);
    if (!raced) await repo.markUnanswered(db, turn.userMessageId).catch((e: unknown) => scope.log.warn('chat: marking a message unanswered failed', { error: describeError(e) }));
    scope.events.emit('chat_failed', { session_id: turn.sessionId, user_message_id: turn.userMessageId, code: err instanceof ApiError ? err.code : raced ? 'CONFLICT' : 'INTERNAL' });
    // a retry that took over an abandoned turn while the first was still answering: the first stored its answer
    if (raced) throw new ApiError('CONFLICT', 'another request with this Idempotency-Key stored its answer first; retry to receive it');
    throw err;
  }
  scope.events.emit('chat_done', { session_id: turn.sessionId, message_id: messageId, provider: result.provider, model: result.model, cost_usd: result.usage.cost_usd });
  return {
    session_id: turn.sessionId,
    user_message_id: turn.userMessageId,
    message_id: messageId,
    text: result.text,
    usage: result.usage,
    provider: result.provider,
    model: result.model,
    continued: result.continued,
    replayed: false,
    trace_id: scope.traceId,
  };
}
