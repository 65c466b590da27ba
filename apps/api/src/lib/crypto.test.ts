import { describe, expect, it } from 'vitest';
import { hmacSha256Hex } from './crypto';

describe('hmacSha256Hex', () => {
  it('signs with the secret it is given, its imported key kept per secret (RFC 4231 test case 2)', async () => {
    const message = 'what do ya want for nothing?';
    const jefe = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(await hmacSha256Hex('Jefe', message)).toBe(jefe);
    const other = await hmacSha256Hex('Jeff', message);
    expect(other).not.toBe(jefe);
    expect(await hmacSha256Hex('Jefe', message)).toBe(jefe);
    expect(await hmacSha256Hex('Jeff', message)).toBe(other);
  });
});
