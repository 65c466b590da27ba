// Chat sessions and messages (public.chat_sessions, public.messages, under row-level security). Every created_at is
// written by the caller at millisecond precision: keyset cursors carry milliseconds, and a now() with microseconds
// would make a row compare greater than its own cursor (repeated on the next page).
import { batch, schema, type Db } from '@cogo/db';
import { and, desc, eq, lt, ne, or } from 'drizzle-orm';
import { afterKeyset, keysetOrder, type KeysetPosition } from '../../lib/keyset-cursor';

export type SessionRow = typeof schema.chatSessions.$inferSelect;
export type MessageRow = typeof schema.messages.$inferSelect;
export type NewSession = typeof schema.chatSessions.$inferInsert & { id: string; createdAt: Date };
export type NewMessage = typeof schema.messages.$inferInsert & { id: string; createdAt: Date };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Queryable = Db | Tx;

export type { KeysetPosition };

const s = schema.chatSessions;
const m = schema.messages;

/** A project's session (null for another project's or none). */
export async function findSession(db: Queryable, projectId: string, id: string): Promise<SessionRow | null> {
  const rows = await db.select().from(s).where(and(eq(s.projectId, projectId), eq(s.id, id)));
  return rows[0] ?? null;
}

/** The user and assistant messages a request with this Idempotency-Key stored, if any. */
export async function findByKey(db: Queryable, projectId: string, key: string): Promise<{ user: MessageRow | null; assistant: MessageRow | null }> {
  const rows = await db.select().from(m).where(and(eq(m.projectId, projectId), eq(m.idempotencyKey, key)));
  return { user: rows.find((r) => r.role === 'user') ?? null, assistant: rows.find((r) => r.role === 'assistant') ?? null };
}

/** The last `limit` complete messages of a session (before `before`, without `excludeId`), oldest first. */
export async function recentHistory(db: Queryable, sessionId: string, limit: number, options: { before?: Date; excludeId?: string } = {}): Promise<MessageRow[]> {
  const rows = await db
    .select()
    .from(m)
    .where(
      and(
        eq(m.sessionId, sessionId),
        eq(m.status, 'complete'),
        options.before ? lt(m.createdAt, options.before) : undefined,
        options.excludeId ? ne(m.id, options.excludeId) : undefined,
      ),
    )
    .orderBy(desc(m.createdAt), desc(m.id))
    .limit(limit);
  return rows.reverse();
}

/** Stores a turn's user message, and its session first when it is new, in one transaction (one request). */
export async function insertTurn(db: Db, session: NewSession | null, user: NewMessage): Promise<void> {
  await batch(db, [...(session ? [(d: Db) => d.insert(s).values(session)] : []), (d) => d.insert(m).values(user), (d) => touchSession(d, user.sessionId, user.createdAt)]);
}

/**
 * Takes over a user message whose request got no answer: one that failed (status error), or one older than
 * `abandonedBefore` (its isolate died mid-answer). Null when another retry took it first.
 */
export async function reclaimUserMessage(db: Queryable, id: string, traceId: string, abandonedBefore: Date): Promise<MessageRow | null> {
  const rows = await db
    .update(m)
    .set({ status: 'complete', traceId })
    .where(and(eq(m.id, id), or(eq(m.status, 'error'), lt(m.createdAt, abandonedBefore))))
    .returning();
  return rows[0] ?? null;
}

/** Stores the assistant's answer and moves its session's last_message_at, in one transaction (one request). */
export async function insertAnswer(db: Db, answer: NewMessage): Promise<void> {
  await batch(db, [(d) => d.insert(m).values(answer), (d) => touchSession(d, answer.sessionId, answer.createdAt)]);
}

/** Marks a user message as unanswered: later prompts leave it out, and a retry with its key may take it over. */
export async function markUnanswered(db: Queryable, id: string): Promise<void> {
  await db.update(m).set({ status: 'error' }).where(eq(m.id, id));
}

function touchSession(db: Db, sessionId: string, at: Date) {
  return db.update(s).set({ lastMessageAt: at, updatedAt: at }).where(and(eq(s.id, sessionId), lt(s.lastMessageAt, at)));
}


/** A project's sessions after a keyset position, oldest first. */
export async function listSessions(db: Queryable, projectId: string, limit: number, pos?: KeysetPosition): Promise<SessionRow[]> {
  return db
    .select()
    .from(s)
    .where(and(eq(s.projectId, projectId), afterKeyset(s.createdAt, s.id, pos)))
    .orderBy(...keysetOrder(s.createdAt, s.id))
    .limit(limit);
}

/** A session's messages after a keyset position, oldest first. */
export async function listMessages(db: Queryable, sessionId: string, limit: number, pos?: KeysetPosition): Promise<MessageRow[]> {
  return db
    .select()
    .from(m)
    .where(and(eq(m.sessionId, sessionId), afterKeyset(m.createdAt, m.id, pos)))
    .orderBy(...keysetOrder(m.createdAt, m.id))
    .limit(limit);
}
