// Deterministic ids: the same (namespace, parts) always gives the same uuid, so upserts are idempotent.

const encoder = new TextEncoder();

/** A name-based uuid (RFC 9562 v5 layout, SHA-1) from a list of parts, e.g. [projectId, fileKey, nodeId]. */
export async function deterministicUuid(...parts: string[]): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', encoder.encode(parts.join('\u001f'))));
  const b = digest.slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
