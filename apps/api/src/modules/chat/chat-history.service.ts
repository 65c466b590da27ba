// Reading chat history: a project's sessions and a session's messages, oldest first, in keyset pages
// (lib/keyset-cursor.ts: a cursor this API did not issue is a 400).
import type { Db } from '@cogo/db';
import type { ChatSession, StoredMessage } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../lib/keyset-cursor';
import * as repo from './chat.repo';

/** Public view of a session. */
export function sessionView(s: repo.SessionRow): ChatSession {
  return { id: s.id, title: s.title, model: s.model, created_at: s.createdAt.toISOString(), last_message_at: s.lastMessageAt.toISOString() };
}

/** Public view of a stored message. */
export function messageView(m: repo.MessageRow): StoredMessage {
  return {
    id: m.id,
    session_id: m.sessionId,
    role: m.role as StoredMessage['role'],
    content: m.content,
    status: m.status as StoredMessage['status'],
    model: m.model,
    provider: m.provider,
    trace_id: m.traceId,
    input_tokens: m.tokensIn,
    output_tokens: m.tokensOut,
    created_at: m.createdAt.toISOString(),
  };
}

async function pageOf<R extends repo.KeysetPosition, V>(limit: number, position: repo.KeysetPosition | undefined, fetch: (n: number, pos?: repo.KeysetPosition) => Promise<R[]>, view: (r: R) => V) {
  const rows = await fetch(limit + 1, position);
  const items = rows.slice(0, limit);
  return { items: items.map(view), nextCursor: rows.length > limit ? encodeKeysetCursor(items[items.length - 1]!) : null };
}

/** One page of a project's sessions, oldest first. */
export function sessionsPage(db: Db, projectId: string, limit: number, cursor?: string) {
  const position = cursor ? decodeKeysetCursor(cursor) : undefined;
  return pageOf(limit, position, (n, pos) => repo.listSessions(db, projectId, n, pos), sessionView);
}

/** One page of a session's messages, oldest first; 404 for a session of another project. */
export async function messagesPage(db: Db, projectId: string, sessionId: string, limit: number, cursor?: string) {
  const position = cursor ? decodeKeysetCursor(cursor) : undefined; // a forged cursor is a 400 before anything is read
  if (!(await repo.findSession(db, projectId, sessionId))) throw new ApiError('NOT_FOUND', 'chat session not found');
  return pageOf(limit, position, (n, pos) => repo.listMessages(db, sessionId, n, pos), messageView);
}
