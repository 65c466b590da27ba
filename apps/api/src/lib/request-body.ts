// What the API refuses in a request before any handler sees it: bodies over a byte limit (read is
// stopped at the limit, never buffered whole), JSON nested deeper than a limit (scanned before
// parsing) and U+0000 in any string (Postgres text and jsonb cannot store it).
import { readBytesBounded } from './bounded-read';
import { ApiError } from './errors';

/** The byte limit of a body: 413 from Content-Length alone, or once a streamed body passes it. */
export async function readCapped(request: Request, maxBytes: number): Promise<ArrayBuffer> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes, Number(declared));
  const bytes = await readBytesBounded(request.body, maxBytes);
  if (bytes === null) throw tooLarge(maxBytes);
  return bytes.buffer as ArrayBuffer;
}

function tooLarge(maxBytes: number, got?: number): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `request body is over the limit of ${maxBytes} bytes`, { max_bytes: maxBytes, ...(got ? { got } : {}) });
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Deepest nesting of objects/arrays in JSON text, stopping as soon as it passes `limit` (no parse, no recursion). */
export function jsonDepthOver(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === BACKSLASH) i++;
      else if (ch === QUOTE) inString = false;
    } else if (ch === QUOTE) inString = true;
    else if (ch === OPEN_OBJECT || ch === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (ch === CLOSE_OBJECT || ch === CLOSE_ARRAY) depth--;
  }
  return false;
}

/** Refuses JSON nested deeper than `limit` with a 400 naming the limit. */
export function assertJsonDepth(text: string, limit: number, what = 'request body'): void {
  if (jsonDepthOver(text, limit)) {
    throw new ApiError('BAD_REQUEST', `${what} is nested deeper than ${limit} levels`, { max_depth: limit });
  }
}

const NUL = '\u0000';
/** A UTF-16 surrogate without its pair: no UTF-8 form, and Postgres refuses it in jsonb (`\ud800` escapes). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What a string holds that no stored text may: U+0000, or a lone surrogate. */
function textFlaw(s: string): 'nul' | 'surrogate' | null {
  if (s.includes(NUL)) return 'nul';
  return LONE_SURROGATE.test(s) ? 'surrogate' : null;
}

/** The path (`a.b.0.c`) of the first string or key holding U+0000 or a lone surrogate in a parsed JSON value, and which; or null. Iterative. */
export function textFlawPathOf(value: unknown): { path: string; flaw: 'nul' | 'surrogate' } | null {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '' }];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const flaw = textFlaw(v);
      if (flaw) return { path: path || '(root)', flaw };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, i) });
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const flaw = textFlaw(k);
        if (flaw) return { path: join(path, JSON.stringify(k).slice(1, -1)), flaw };
        stack.push({ v: child, path: join(path, k) });
      }
    }
  }
  return null;
}

/** The one refusal of U+0000, wherever it was sent (`json.…`, `query.…`, `param`). */
export function nulRefused(path: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `invalid request: ${path} contains U+0000 (NUL), which is not accepted in text`, {
    issues: [{ path, message: 'must not contain U+0000 (NUL)', code: 'invalid_string' }],
  });
}

/** The refusal of a lone UTF-16 surrogate (sent as a `\ud800`-style escape) in a JSON string or key. */
function surrogateRefused(path: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `invalid request: ${path} contains a lone UTF-16 surrogate, which is not valid Unicode text`, {
    issues: [{ path, message: 'must be well-formed Unicode (no lone surrogate)', code: 'invalid_string' }],
  });
}

/** Refuses U+0000 anywhere in JSON text (raw, or escaped as \u0000 in a string or key), and escaped lone surrogates. */
export function assertStorableJsonText(text: string, prefix = 'json'): void {
  if (!text.includes(NUL) && !text.includes('\\u0000') && !/\\u[dD][89a-fA-F]/.test(text)) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    if (text.includes(NUL)) throw nulRefused(prefix);
    return; // malformed JSON is the validator's to report
  }
  const found = textFlawPathOf(parsed);
  if (found === null) return;
  const path = found.path === '(root)' ? prefix : `${prefix}.${found.path}`;
  throw found.flaw === 'nul' ? nulRefused(path) : surrogateRefused(path);
}
