// Content hashes of design-sync data (registry components, drift items, baselines): canonical JSON — object keys
// sorted at every depth, no whitespace, `undefined` members dropped — so equal content hashes equally whatever order
// it was built in. A value JSON cannot hold faithfully (NaN, Infinity, a bigint, a function) is an error rather than
// a silent `null`: two different inputs must never hash alike. The inputs are our own shallow shapes, so plain
// recursion is enough.

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function write(v: unknown, out: string[]): void {
  if (v === null) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'string':
    case 'boolean':
      out.push(JSON.stringify(v));
      return;
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`canonicalJson: ${v} has no JSON form`);
      out.push(JSON.stringify(v));
      return;
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof v} has no JSON form`);
  }
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(v), out);
  if (Array.isArray(v)) {
    out.push('[');
    // as JSON.stringify: an array keeps its positions, a hole or undefined is null
    v.forEach((item, i) => {
      if (i) out.push(',');
      write(item === undefined ? null : item, out);
    });
    out.push(']');
    return;
  }
  out.push('{');
  let first = true;
  for (const k of Object.keys(v).sort(byCodeUnit)) {
    const member = (v as Record<string, unknown>)[k];
    if (member === undefined) continue;
    out.push(first ? '' : ',', JSON.stringify(k), ':');
    first = false;
    write(member, out);
  }
  out.push('}');
}

/** JSON text of `v` with every object's keys sorted, no whitespace, `undefined` members dropped; throws on non-finite numbers. */
export function canonicalJson(v: unknown): string {
  const out: string[] = [];
  write(v === undefined ? null : v, out);
  return out.join('');
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

// most drift reports are empty ("[]") and short texts recur: their digests are kept (a few, bounded) — a digest
// costs far more than a map lookup
const SHORT = 1_024;
const recent = new Map<string, string>();

/** SHA-256 of the UTF-8 text, lowercase hex (Web Crypto: Node 22 and workerd alike). */
export async function sha256Hex(text: string): Promise<string> {
  const short = text.length <= SHORT;
  const known = short ? recent.get(text) : undefined;
  if (known !== undefined) return known;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const b of digest) hex += HEX[b]!;
  if (short) {
    if (recent.size >= 256) recent.clear();
    recent.set(text, hex);
  }
  return hex;
}
