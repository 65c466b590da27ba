// The dashboard's one way to count things (lib/words.ts).
import { describe, expect, it } from 'vitest';
import { plural } from '../lib/words';

describe('plural', () => {
  it('says one thing in the singular and any other count in the plural, with thousands separators', () => {
    expect(plural(1, 'page')).toBe('1 page');
    expect(plural(0, 'page')).toBe('0 pages');
    expect(plural(3, 'drift item')).toBe('3 drift items');
    expect(plural(1000, 'layer')).toBe('1,000 layers');
    expect(plural(2, 'batch', 'batches')).toBe('2 batches');
  });
});
