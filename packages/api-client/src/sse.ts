// A spec-compliant Server-Sent Events parser (WHATWG HTML §9.2): fields id/event/data/retry,
// comments, CRLF/CR/LF line ends, multi-line data, dispatch on a blank line.

export interface SseFrame {
  /** The last event id (the spec carries it over to frames without an `id:` line of their own). */
  id?: string;
  /** Set when `id` was carried over from an earlier frame: this frame had no `id:` line. */
  idInherited?: true;
  event: string;
  data: string;
  retry?: number;
}

/** Parses a byte stream into SSE frames as they complete. */
export async function* parseSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseFrame> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let retry: number | undefined;
  let hasData = false;
  let ownId = false;

  const line = (raw: string): SseFrame | undefined => {
    if (raw === '') {
      if (!hasData) {
        event = '';
        ownId = false;
        return undefined;
      }
      const frame: SseFrame = { event: event || 'message', data: data.join('\n') };
      if (id !== undefined) frame.id = id;
      if (id !== undefined && !ownId) frame.idInherited = true;
      if (retry !== undefined) frame.retry = retry;
      data = [];
      event = '';
      hasData = false;
      ownId = false;
      return frame;
    }
    if (raw.startsWith(':')) return undefined;
    const colon = raw.indexOf(':');
    const field = colon === -1 ? raw : raw.slice(0, colon);
    let value = colon === -1 ? '' : raw.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      data.push(value);
      hasData = true;
    } else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) {
      id = value;
      ownId = true;
    }
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
    return undefined;
  };

  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let match: RegExpExecArray | null;
      const eol = /\r\n|\r|\n/g;
      let start = 0;
      while ((match = eol.exec(buffer))) {
        // a lone CR at the end may be the first half of CRLF: wait for more input
        if (match[0] === '\r' && match.index === buffer.length - 1 && !done) break;
        const frame = line(buffer.slice(start, match.index));
        start = match.index + match[0].length;
        if (frame) yield frame;
      }
      buffer = buffer.slice(start);
      if (done) break;
    }
  } finally {
    reader.releaseLock();
  }
}
