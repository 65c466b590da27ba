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

  // Lines are found with indexOf from where the last search stopped, and a line longer than one chunk is kept as
  // pieces joined once it ends: a 1 MiB `data:` line read in 64 KB chunks costs one pass, not one per chunk.
  let pieces: string[] = [];
  /** the previous chunk ended with CR: a LF starting this one belongs to it (CRLF split in two) */
  let afterCr = false;
  const lines = function* (text: string): Generator<SseFrame> {
    let pos = 0;
    if (afterCr) {
      afterCr = false;
      if (text.startsWith('\n')) pos = 1;
    }
    let nl = text.indexOf('\n', pos);
    let cr = text.indexOf('\r', pos);
    while (pos < text.length) {
      if (nl !== -1 && nl < pos) nl = text.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      const end = nl === -1 ? cr : cr === -1 ? nl : Math.min(nl, cr);
      if (end === -1) {
        pieces.push(text.slice(pos));
        return;
      }
      pieces.push(text.slice(pos, end));
      const raw = pieces.length === 1 ? pieces[0]! : pieces.join('');
      pieces = [];
      if (text[end] === '\r') {
        if (end + 1 === text.length) afterCr = true;
        pos = text[end + 1] === '\n' ? end + 2 : end + 1;
      } else pos = end + 1;
      const frame = line(raw);
      if (frame) yield frame;
    }
  };

  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (text) yield* lines(text);
      if (done) break;
    }
  } finally {
    reader.releaseLock();
  }
}
