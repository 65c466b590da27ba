// Server-sent events as OpenAI frames them: every event is one `data: <json>` line followed by a blank line,
// and a stream ends with `data: [DONE]`. The parser follows the WHATWG event-stream rules, so it reads both
// recorded real streams and the fake's own output the same way.

export interface SseEvent {
  data: string;
  event?: string;
  id?: string;
}

/** Formats one OpenAI SSE frame. */
export function sseFrame(data: string): string {
  return `data: ${data}\n\n`;
}

/** Parses an event stream into events; comments and an unterminated trailing event are dropped. */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') {
      if (data.length > 0) events.push({ data: data.join('\n'), ...(event ? { event } : {}), ...(id ? { id } : {}) });
      data = [];
      event = undefined;
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  }
  return events;
}
