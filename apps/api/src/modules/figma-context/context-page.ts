// Cutting the rendering into pages of at most max_bytes UTF-8 bytes. A page takes whole blocks while
// they fit; a block that does not fit starts the next page — unless it is larger than a page, then it is
// cut between its lines, and a line larger than a page between characters (never inside a surrogate
// pair). The position where a page stops is where the next starts, so the pages concatenated are the
// whole rendering.
import { BadPosition, blocks, summarise, type ChunkReader, type ContextFormat, type RenderPos, type SummarySource } from './context-blocks';

export interface RenderedPage {
  content: string;
  bytes: number;
  /** Where the next page starts; null at the end. */
  next: RenderPos | null;
}

/** UTF-8 length of a string (lone surrogates count 3, as TextEncoder writes U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** How many UTF-16 units of `s` from `start` fit in `room` bytes without splitting a character. */
function fitChars(s: string, start: number, room: number): number {
  let bytes = 0;
  let i = start;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > room) break;
    bytes += size;
    i += pair ? 2 : 1;
  }
  return i - start;
}

const samePlace = (a: RenderPos, b: RenderPos) => a.ph === b.ph && a.k === b.k && a.e === b.e && a.i === b.i && a.s === b.s;
const isStart = (p: RenderPos) => p.ph === 0 && p.k === 0 && p.e === 0 && p.i === 0 && p.s === 0 && p.l === 0 && p.o === 0;

/** One page of the rendering in `format` from `from`, at most `maxBytes` (≥ 4) bytes; the summary from `summary`. */
export async function renderPage(format: ContextFormat, read: ChunkReader, from: RenderPos, maxBytes: number, summary: SummarySource = summarise): Promise<RenderedPage> {
  const out: string[] = [];
  let bytes = 0;
  const stop = (pos: RenderPos, l: number, o: number): RenderedPage => ({ content: out.join(''), bytes, next: { ...pos, l, o } });
  let first = true;
  for await (const block of blocks(format, read, from, summary)) {
    let { parts } = block;
    let l0 = 0;
    let o0 = 0;
    if (first) {
      first = false;
      // a cursor must name where a block, or a line or character of it, starts
      if (!isStart(from)) {
        if (!samePlace(block.pos, from) || from.l >= parts.length || from.o >= parts[from.l]!.length || isLowSurrogate(parts[from.l]!, from.o)) throw new BadPosition('not a page boundary');
        l0 = from.l;
        o0 = from.o;
      }
    }
    if (l0 > 0 || o0 > 0) parts = [parts[l0]!.slice(o0), ...parts.slice(l0 + 1)];
    const size = parts.reduce((n, p) => n + utf8Length(p), 0);
    const room = maxBytes - bytes;
    if (size <= room) {
      out.push(...parts);
      bytes += size;
      continue;
    }
    // a block that fits a page of its own starts the next one
    if (bytes > 0 && size <= maxBytes) return stop(block.pos, l0, o0);
    for (let j = 0; j < parts.length; j++) {
      const part = parts[j]!;
      const line = l0 + j;
      const offset = j === 0 ? o0 : 0;
      const partSize = utf8Length(part);
      if (partSize <= maxBytes - bytes) {
        out.push(part);
        bytes += partSize;
        continue;
      }
      if (bytes > 0 && partSize <= maxBytes) return stop(block.pos, line, offset);
      // a line longer than a page: as much of it as fits
      const n = fitChars(part, 0, maxBytes - bytes);
      out.push(part.slice(0, n));
      bytes += utf8Length(part.slice(0, n));
      return stop(block.pos, line, offset + n);
    }
    throw new Error('a block larger than the room fitted'); // not reached
  }
  if (first && !isStart(from)) throw new BadPosition('past the end');
  return { content: out.join(''), bytes, next: null };
}

function isLowSurrogate(s: string, i: number): boolean {
  return i > 0 && (s.charCodeAt(i) & 0xfc00) === 0xdc00 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}
