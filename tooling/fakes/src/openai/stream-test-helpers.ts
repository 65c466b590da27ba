// Shared by the streaming tests: request a stream and read it to the end or to the connection's death.

export interface StreamRead {
  status: number;
  contentType: string | null;
  text: string;
  error: unknown;
}

/** POSTs a streaming chat request and returns the raw text received plus the error that ended it, if any. */
export async function readStream(url: string, body: unknown): Promise<StreamRead> {
  const res = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let error: unknown;
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch (err) {
    error = err;
  }
  return { status: res.status, contentType: res.headers.get('content-type'), text, error };
}

/** The JSON chunks of an OpenAI stream (everything but [DONE]). */
export function jsonChunks(events: { data: string }[]): Record<string, unknown>[] {
  return events
    .filter((event) => event.data !== '[DONE]')
    .map((event) => JSON.parse(event.data) as Record<string, unknown>);
}

export interface TimedRead {
  /** performance.now() when this piece of the body arrived. */
  at: number;
  text: string;
}

/** Like readStream, but keeps each piece of the body with its arrival time (for pacing tests). */
export async function readTimedStream(url: string, body: unknown): Promise<{ reads: TimedRead[]; text: string }> {
  const res = await fetch(`${url}/chat/completions`, { method: 'POST', body: JSON.stringify(body) });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  const reads: TimedRead[] = [];
  for (;;) {
    const chunk = await reader?.read();
    if (chunk === undefined || chunk.done) break;
    reads.push({ at: performance.now(), text: decoder.decode(chunk.value, { stream: true }) });
  }
  return { reads, text: reads.map((read) => read.text).join('') };
}
