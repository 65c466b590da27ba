import { describe, expect, it } from 'vitest';
import { allocatePaths, sanitizeSegment, slug, splitName, uniqueNames, uniqueSlugs } from './naming';

describe('token names from Figma names', () => {
  it('splits on / and makes each segment a valid DTCG name', () => {
    expect(splitName('color/brand/primary')).toEqual(['color', 'brand', 'primary']);
    expect(splitName('spacing/0.5')).toEqual(['spacing', '0_5']);
    expect(splitName('$private/{note}')).toEqual(['_private', '(note)']);
    expect(splitName(' a // b ')).toEqual(['a', 'b']);
    expect(splitName('/')).toEqual(['_']);
    expect(sanitizeSegment('$$x')).toBe('_$x');
  });

  it('makes a name that is also a group the group $root, whatever the order', () => {
    const [child, root] = allocatePaths([
      { id: 'child', name: 'accent/muted' },
      { id: 'root', name: 'accent' },
    ]);
    expect(root).toEqual({ segments: ['accent', '$root'], renamed: true });
    expect(child).toEqual({ segments: ['accent', 'muted'], renamed: false });
  });

  it('names duplicates after the first, live variables before deferred (deleted) ones', () => {
    const [old, live, third] = allocatePaths([
      { id: 'old', name: 'gray/50', deferred: true },
      { id: 'live', name: 'gray/50' },
      { id: 'third', name: 'gray/50' },
    ]);
    expect(live!.segments).toEqual(['gray', '50']);
    expect(third!.segments).toEqual(['gray', '50 (2)']);
    expect(old!.segments).toEqual(['gray', '50 (3)']);
  });

  it('slugs keep letters of any script', () => {
    expect(slug('Primitives-Default (FINN)')).toBe('primitives-default-finn');
    expect(slug('SuperDuper "Green" light')).toBe('superduper-green-light');
    expect(slug('Café Crème')).toBe('cafe-creme');
    expect(slug('色/主要')).toBe('色-主要');
    expect(uniqueSlugs(['Modes', 'Modes', '***'], 'collection')).toEqual(['modes', 'modes-2', 'collection']);
    expect(uniqueNames(['Modes', 'Modes', 'Modes'])).toEqual(['Modes', 'Modes (2)', 'Modes (3)']);
  });
});
