// JSON.parse of a large body a piece at a time (issue 10). A Figma answer of several MiB parsed in one go holds the
// isolate's thread for ~100 ms, and every other request of the isolate waits behind it. An object body is cut at its
// first two levels (a /nodes answer: its file-level fields, then each entry of `nodes`), each piece parsed by
// JSON.parse, the thread given to others every PACE_CHARS characters. The value is JSON.parse's, own `__proto__` keys
// included; a body the cutter does not follow (not an object, or invalid JSON) goes to JSON.parse whole, which answers
// or throws as it would have. Between pieces, requests go first (lib/foreground.ts).
import { yieldToForeground } from './foreground';

/** Characters parsed between two turns of the isolate's other work. */
export const PACE_CHARS = 256 * 1024;

const QUOTE = 34;
const BACKSLASH = 92;
const WS = new Set([32, 9, 10, 13]);


class Cut extends Error {}

const skipWs = (text: string, i: number) => {
  while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  return i;
};

/** The index just past the string that starts at `i` (a quote). */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) throw new Cut();
    let slashes = 0;
    for (let k = q - 1; k > i && text.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** The index just past the value that starts at `i` (no leading whitespace). */
function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    let j = i;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === QUOTE) {
        j = stringEnd(text, j);
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if ((d === 125 || d === 93) && --depth === 0) return j + 1;
      j++;
    }
    throw new Cut();
  }
  // a number, true, false or null: up to the next delimiter
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 44 || d === 125 || d === 93 || WS.has(d)) break;
    j++;
  }
  if (j === i) throw new Cut();
  return j;
}

/** Sets `key` as JSON.parse would: an own property, even `__proto__`. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Walks the members of the object at `i` ('{'), calling `member(key, valueStart)` for each, which answers the index past
 * the value; answers the index past the object's '}'. (An object's end is never looked for before its members are walked:
 * that would be a scan of the whole of it in one go.)
 */
async function members(text: string, i: number, member: (key: string, start: number) => Promise<number>): Promise<number> {
  let j = skipWs(text, i + 1);
  if (text.charCodeAt(j) === 125) return j + 1;
  for (;;) {
    if (text.charCodeAt(j) !== QUOTE) throw new Cut();
    const keyEnd = stringEnd(text, j);
    const key = JSON.parse(text.slice(j, keyEnd)) as string;
    j = skipWs(text, keyEnd);
    if (text.charCodeAt(j) !== 58) throw new Cut();
    j = skipWs(text, j + 1);
    j = skipWs(text, await member(key, j));
    const d = text.charCodeAt(j);
    if (d === 125) return j + 1;
    if (d !== 44) throw new Cut();
    j = skipWs(text, j + 1);
  }
}

/** JSON.parse(text), a piece at a time with `pause()` between pieces (see above); throws JSON.parse's SyntaxError. */
export async function parseJsonPaced(text: string, pause: () => Promise<void> = yieldToForeground, paceChars = PACE_CHARS): Promise<unknown> {
  if (text.length <= paceChars) return JSON.parse(text);
  const start = skipWs(text, 0);
  if (text.charCodeAt(start) !== 123) return JSON.parse(text);
  let since = 0;
  const parsed = async (from: number, to: number) => {
    const value: unknown = JSON.parse(text.slice(from, to));
    since += to - from;
    if (since >= paceChars) {
      since = 0;
      await pause();
    }
    return value;
  };
  try {
    const out: Record<string, unknown> = {};
    /** Parses the value at `from` into `target[key]`; answers the index past it. */
    const piece = async (target: Record<string, unknown>, key: string, from: number) => {
      const to = valueEnd(text, from);
      put(target, key, await parsed(from, to));
      return to;
    };
    const end = await members(text, start, async (key, from) => {
      if (text.charCodeAt(from) !== 123) return piece(out, key, from);
      // an object member (a /nodes answer's `nodes`, its `components`…): its members one by one
      const inner: Record<string, unknown> = {};
      const past = await members(text, from, (k, a) => piece(inner, k, a));
      put(out, key, inner);
      return past;
    });
    if (skipWs(text, end) !== text.length) throw new Cut();
    return out;
  } catch (err) {
    // a body the cutter does not follow, or a piece JSON.parse refused: the whole body, as JSON.parse sees it
    if (err instanceof Cut || err instanceof SyntaxError) return JSON.parse(text);
    throw err;
  }
}
