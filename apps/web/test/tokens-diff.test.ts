import { describe, expect, it } from 'vitest';
import { diffRows } from '../lib/tokens-diff';

const blue = { colorSpace: 'srgb', components: [0.18, 0.36, 0.92], hex: '#2f5bea' };
const navy = { colorSpace: 'srgb', components: [0, 0, 1], hex: '#0000ff' };

describe('diffRows', () => {
  it('changed first, then added, removed and renamed, each with its values as text and colour swatches', () => {
    const { rows, summary } = diffRows({
      file_key: 'F',
      from: '1',
      to: '2',
      counts: { changed: 2, added: 1, removed: 1, renamed: 1 },
      added: [{ path: 'Primitives.spacing.2', mode: null, $type: 'dimension', $value: { value: 8, unit: 'px' } }],
      removed: [{ path: 'Primitives.color.gray.900', mode: null, $type: 'color', $value: { colorSpace: 'srgb', components: [0.1, 0.1, 0.1], hex: '#1a1a1a' } }],
      changed: [
        { path: 'Theme.color.surface', mode: 'theme/Dark', from: { $type: 'color', $value: '{Primitives.color.gray.900}' }, to: { $type: 'color', $value: { colorSpace: 'srgb', components: [0, 0, 0], hex: '#000000' } } },
        { path: 'Primitives.color.blue.500', mode: null, from: { $type: 'color', $value: blue }, to: { $type: 'color', $value: navy } },
      ],
      renamed: [{ id: 'VariableID:1', from: 'a.old', to: 'a.new' }],
      unchanged: 7,
    });
    expect(summary).toBe('2 changed, 1 added, 1 removed, 1 renamed, 7 unchanged');
    expect(rows.map((r) => [r.kind, r.path, r.mode, r.from?.text ?? null, r.to?.text ?? null])).toEqual([
      ['changed', 'Primitives.color.blue.500', null, '#2f5bea', '#0000ff'],
      ['changed', 'Theme.color.surface', 'theme/Dark', '{Primitives.color.gray.900}', '#000000'],
      ['added', 'Primitives.spacing.2', null, null, '8px'],
      ['removed', 'Primitives.color.gray.900', null, '#1a1a1a', null],
      ['renamed', 'a.new', null, 'a.old', 'a.new'],
    ]);
    expect(rows[0]!.from!.swatch).toBe('#2f5bea');
    expect(rows[1]!.from!.swatch).toBeNull(); // a reference has no colour of its own
    expect(rows[2]!.to!.swatch).toBeNull();
  });

  it('says there is no difference', () => {
    expect(diffRows({ file_key: 'F', from: '1', to: '1', counts: { changed: 0, added: 0, removed: 0, renamed: 0 }, added: [], removed: [], changed: [], renamed: [], unchanged: 12 })).toEqual({ rows: [], summary: 'No differences (12 unchanged)' });
  });

  it('refuses an answer that only points at its artifact: the whole diff is fetched first', () => {
    const artifact = { artifact_id: '4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11', url: '/artifacts/4f6c1a9e-2f1b-4c53-9a53-0d8b1e7d9c11', kind: 'diff' as const, content_type: 'application/json', bytes: 300_000, sha256: 'a'.repeat(64) };
    expect(() => diffRows({ file_key: 'F', from: '1', to: '2', counts: { changed: 2_500, added: 0, removed: 0, renamed: 0 }, unchanged: 0, artifact })).toThrow(/fetch the diff artifact/);
  });
});
