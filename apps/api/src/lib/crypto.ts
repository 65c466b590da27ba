// Small Web Crypto helpers shared by auth, HMAC signing, idempotency and the key vault.

const enc = new TextEncoder();

/** Lowercase hex of bytes. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const x of b) out += x.toString(16).padStart(2, '0');
  return out;
}

/** Standard base64 of bytes. */
export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

/** Bytes of standard or url-safe base64 (padding optional). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const normal = text.replaceAll('-', '+').replaceAll('_', '/');
  const s = atob(normal + '='.repeat((4 - (normal.length % 4)) % 4));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** hex SHA-256 of a string or bytes. */
export async function sha256Hex(data: string | ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? enc.encode(data) : data));
}

const hmacKeys = new Map<string, CryptoKey>();

/**
 * The HMAC-SHA256 key of a secret, imported once per isolate: importing it took ~0.7 ms of the isolate's thread on
 * every request that checked a JWT (profiled under load). The key, not a pending import, is kept (a promise one
 * request made must not be awaited by another's).
 */
export async function hmacKey(secret: string): Promise<CryptoKey> {
  const held = hmacKeys.get(secret);
  if (held) return held;
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  if (hmacKeys.size >= 64) hmacKeys.clear();
  hmacKeys.set(secret, key);
  return key;
}

/** hex HMAC-SHA256 of a message under a secret. */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', await hmacKey(secret), enc.encode(message)));
}

/** Compares two strings in time that does not depend on where they differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  const ab = enc.encode(a);
  const bb = enc.encode(b);
  if (ab.length !== bb.length) return false;
  return crypto.subtle.timingSafeEqual(ab, bb);
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random string over an unambiguous lowercase alphabet (5 bits per character). */
export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}
