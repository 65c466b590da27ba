// Chat test helpers: a turn through POST /chat (SSE read to its end, or JSON) and the stored history through the GET routes.
import { api, readSse, type StreamedEvent } from '../../../test/helpers';

/** POST /chat as `key` (extra headers, e.g. Idempotency-Key). */
export const chat = (key: string, json: Record<string, unknown>, headers: Record<string, string> = {}) => api('/chat', { method: 'POST', key, json, headers });

/** A streamed turn's events without keepalives. */
export async function chatEvents(key: string, json: Record<string, unknown>, headers: Record<string, string> = {}): Promise<StreamedEvent[]> {
  const res = await chat(key, { stream: true, ...json }, headers);
  if (res.status !== 200) throw new Error(`chat answered ${res.status}: ${await res.text()}`);
  return (await readSse(res)).filter((e) => e.event !== 'keepalive');
}

/** The terminal events of a stream (exactly one is expected). */
export const terminals = (events: StreamedEvent[]) => events.filter((e) => e.event === 'chat.done' || e.event === 'error');

/** The text the chat.delta events of a stream join to. */
export const joined = (events: StreamedEvent[]) =>
  events
    .filter((e) => e.event === 'chat.delta')
    .map((e) => e.data.text)
    .join('');

export interface StoredMessageJson {
  id: string;
  session_id: string;
  role: string;
  content: string;
  status: string;
  model: string | null;
  provider: string | null;
  trace_id: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
}

/** Every stored message of a session, oldest first (following the cursor pages of `limit`). */
export async function storedMessages(key: string, sessionId: string, limit = 200): Promise<StoredMessageJson[]> {
  const out: StoredMessageJson[] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
    const res = await api(`/chat/sessions/${sessionId}/messages${q}`, { key });
    if (res.status !== 200) throw new Error(`messages answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as { items: StoredMessageJson[]; nextCursor: string | null };
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
