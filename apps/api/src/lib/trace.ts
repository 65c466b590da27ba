// W3C Trace Context (traceparent) parsing and creation.

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const TRACE_ID = /^[0-9a-f]{32}$/;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Random bytes drawn from the CSPRNG 1 KiB at a time (one call per id was ~2 % of the worker under load, profiled). */
const pool = new Uint8Array(1024);
let used = pool.length;

function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  let out = '';
  for (let i = used; i < used + bytes; i++) out += HEX[pool[i]!];
  used += bytes;
  return out;
}

/** A fresh non-zero 16-byte trace id. */
export function newTraceId(): string {
  let id = randomHex(16);
  while (/^0+$/.test(id)) id = randomHex(16);
  return id;
}

/** A fresh non-zero 8-byte span id. */
export function newSpanId(): string {
  let id = randomHex(8);
  while (/^0+$/.test(id)) id = randomHex(8);
  return id;
}

/** The trace id of a valid `traceparent` header, or null (version ff and all-zero ids are invalid). */
export function parseTraceparent(value: string | undefined): { traceId: string; parentId: string } | null {
  if (!value) return null;
  const m = TRACEPARENT.exec(value.trim().toLowerCase());
  if (!m) return null;
  const [, version, traceId, parentId] = m as unknown as [string, string, string, string];
  if (version === 'ff' || /^0+$/.test(traceId) || /^0+$/.test(parentId)) return null;
  return { traceId, parentId };
}

/** Accepts a bare trace id (32 hex; uuids with dashes are normalised). */
export function parseTraceId(value: string | undefined): string | null {
  if (!value) return null;
  const id = value.trim().toLowerCase().replaceAll('-', '');
  return TRACE_ID.test(id) && !/^0+$/.test(id) ? id : null;
}

/** The headers that carry a trace to an outside service: `traceparent` (a new span) and `x-trace-id`. */
export function traceHeaders(traceId: string): Record<string, string> {
  return { traceparent: `00-${traceId}-${newSpanId()}-01`, 'x-trace-id': traceId };
}
