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
