import { describe, expect, it } from 'vitest';
import { deterministicUuid } from './ids';

describe('deterministicUuid', () => {
  it('is stable for the same parts and different for different parts', async () => {
    const a = await deterministicUuid('p1', 'FILE', '1:2');
    expect(await deterministicUuid('p1', 'FILE', '1:2')).toBe(a);
    expect(await deterministicUuid('p1', 'FILE', '1:3')).not.toBe(a);
    // parts are separated, so ('ab','c') and ('a','bc') differ
    expect(await deterministicUuid('ab', 'c')).not.toBe(await deterministicUuid('a', 'bc'));
  });

  it('has the RFC 9562 version-5 layout', async () => {
    expect(await deterministicUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
