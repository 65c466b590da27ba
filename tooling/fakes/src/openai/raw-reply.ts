// Recorded answers (RawReply): bytes captured from a real API, served unchanged, so a client under test meets
// exactly what a provider sent. An event stream is cut after each blank line into its recorded frames (joined,
// they are the body byte for byte) and written like the fake's own streams: paced by chunkDelayMs and subject to
// the stream faults (stream-drop counts frames, no-done leaves out the `data: [DONE]` frame). no-usage is the one
// fault that edits a recording: what carries usage loses it, as from a provider that ignores include_usage.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { sendChunks } from '../http/send';
import { plainStream, writeSseFrames } from './chat-stream-writer';
import type { ChatFaultEffects } from './openai-faults';
import type { ChatReply, RawReply } from './openai-types';
import { sseFrame } from './sse';

const NO_EFFECTS: ChatFaultEffects = { stream: plainStream(), usage: true };

/** Whether a queued reply is a recorded answer. */
export function isRawReply(reply: ChatReply | undefined): reply is RawReply {
  return typeof reply === 'object' && reply !== null && 'raw' in reply;
}

/** Cuts an event stream after each blank line; joined, the pieces are the body again (a trailing partial event last). */
export function splitSseFrames(body: string): string[] {
  const frames: string[] = [];
  // a line ending (CRLF, lone CR or LF) followed by an empty line: where an event ends
  const blank = /(?:\r\n|\r(?!\n)|\n)(?:\r\n|\r(?!\n)|\n)/g;
  let start = 0;
  for (const match of body.matchAll(blank)) {
    const end = match.index + match[0].length;
    frames.push(body.slice(start, end));
    start = end;
  }
  if (start < body.length) frames.push(body.slice(start));
  return frames;
}

/** The data of one frame (its `data:` lines joined by newlines), or undefined when it has none. */
export function frameData(frame: string): string | undefined {
  const lines = frame.split(/\r\n|\r|\n/).filter((line) => line.startsWith('data:'));
  if (lines.length === 0) return undefined;
  return lines.map((line) => line.slice(5).replace(/^ /, '')).join('\n');
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A frame without its usage: a usage-only chunk (no choices) disappears, a chunk with choices loses the field. */
function frameWithoutUsage(frame: string): string[] {
  const chunk = parseObject(frameData(frame));
  if (chunk === undefined || chunk.usage === undefined || chunk.usage === null) return [frame];
  if (Array.isArray(chunk.choices) && chunk.choices.length === 0) return [];
  const { usage: _dropped, ...rest } = chunk;
  return [sseFrame(JSON.stringify(rest))];
}

function jsonWithoutUsage(body: string): string {
  const value = parseObject(body);
  if (value === undefined || !('usage' in value)) return body;
  const { usage: _dropped, ...rest } = value;
  return JSON.stringify(rest);
}

/**
 * Sends a recorded answer with status 200 and its content type: an event stream frame by frame under `effects`,
 * any other body whole (with its Content-Length).
 */
export async function sendRawReply(
  res: ServerResponse,
  reply: RawReply,
  effects: ChatFaultEffects = NO_EFFECTS,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  const { contentType, body } = reply.raw;
  if (!/^text\/event-stream\b/i.test(contentType)) {
    const bytes = effects.usage ? body : jsonWithoutUsage(body);
    return sendChunks(res, 200, [Buffer.from(bytes, 'utf8')], { 'content-type': contentType, ...headers });
  }
  const frames = splitSseFrames(body);
  const doneAt = frames.findIndex((frame) => frameData(frame) === '[DONE]');
  const data = doneAt === -1 ? frames : frames.slice(0, doneAt);
  // [DONE] keeps whatever the recording had after it, so an unfaulted stream is the recording exactly
  const done = doneAt === -1 ? '' : frames.slice(doneAt).join('');
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache', ...headers });
  return writeSseFrames(res, effects.usage ? data : data.flatMap(frameWithoutUsage), done, effects.stream);
}
