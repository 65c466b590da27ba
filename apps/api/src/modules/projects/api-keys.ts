// Project API keys: `cogo_<8-char id>_<32-char secret>`. The id part (with `cogo_`) is the public
// prefix used for lookup; only the SHA-256 of the whole key is stored.
import { randomToken, sha256Hex, timingSafeEqual } from '../../lib/crypto';

export const KEY_PATTERN = /^cogo_([a-z2-9]{8})_([a-z2-9]{32})$/;

export interface NewKey {
  key: string;
  prefix: string;
  secretHash: string;
}

/** Mints a key (160 bits of secret) and its stored parts. */
export async function mintKey(): Promise<NewKey> {
  const prefix = `cogo_${randomToken(8)}`;
  const key = `${prefix}_${randomToken(32)}`;
  return { key, prefix, secretHash: await sha256Hex(key) };
}

/** The prefix of a well-formed key, else null. */
export function prefixOf(key: string): string | null {
  const m = KEY_PATTERN.exec(key);
  return m ? `cogo_${m[1]}` : null;
}

/** True when `key` hashes to `secretHash` (constant time). */
export async function keyMatches(key: string, secretHash: string): Promise<boolean> {
  return timingSafeEqual(await sha256Hex(key), secretHash);
}
