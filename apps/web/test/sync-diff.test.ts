// The DiffPreview's rows (lib/sync-diff.ts): each drift kind as its Figma and code sides, grouped by section in
// order, paired props no item names as unchanged context after the differences.
import { describe, expect, it } from 'vitest';
import { diffRows, diffSummary, rowOf, showValue } from '../lib/sync-diff';
import type { DriftItem } from '../lib/sync-types';

const items: DriftItem[] = [
  { kind: 'variant_values_differ', subject: 'Size', figma: [], code: ['lg'], message: 'Size differs' },
  { kind: 'figma_prop_missing_in_code', subject: 'Show icon', figma: { type: 'BOOLEAN', default: true }, message: 'no prop' },
  { kind: 'code_prop_missing_in_figma', subject: 'tone', code: { kind: 'enum', type: '"neutral" | "info"', values: ['neutral', 'info'], default: 'neutral' }, message: 'no property' },
  { kind: 'default_differs', subject: 'Show badge', figma: true, code: false, message: 'defaults differ' },
  { kind: 'token_changed', subject: 'color/primary', figma: { before: '#2446c7', after: '#1d6b35' }, code: 'Button', message: 'token changed' },
  { kind: 'design_renamed', subject: 'Btn', figma: { before: 'Button', after: 'Btn' }, code: 'Button', message: 'renamed' },
];

describe('drift as a diff', () => {
  it('gives each kind its two sides', () => {
    expect(rowOf(items[0]!)).toMatchObject({ section: 'Variants', figma: '—', code: 'only here: lg', change: 'differs' });
    expect(rowOf(items[1]!)).toMatchObject({ section: 'Props', figma: 'BOOLEAN, default true', code: '—', change: 'only-figma', item: { kind: 'figma_prop_missing_in_code', subject: 'Show icon' } });
    expect(rowOf(items[2]!)).toMatchObject({ section: 'Props', figma: '—', code: 'enum neutral | info, default neutral', change: 'only-code' });
    expect(rowOf(items[3]!)).toMatchObject({ section: 'Defaults', figma: 'true', code: 'false' });
    expect(rowOf(items[4]!)).toMatchObject({ section: 'Tokens', figma: '#2446c7 → #1d6b35', code: 'synced with #2446c7' });
    expect(rowOf(items[5]!)).toMatchObject({ section: 'Component', figma: 'Button → Btn', code: 'Button' });
    expect(rowOf({ kind: 'type_differs', subject: 'Label', figma: 'TEXT', code: { kind: 'boolean', type: 'boolean' }, message: '' })).toMatchObject({ figma: 'TEXT', code: 'boolean (boolean)' });
    expect(rowOf({ kind: 'design_removed', subject: 'Card', code: 'ProductCard', message: '' })).toMatchObject({ figma: 'removed', code: 'ProductCard', change: 'only-code' });
  });

  it('groups by section in order, differences before unchanged pairs, pairs named by an item left out', () => {
    const rows = diffRows(items, { Label: 'label', Size: 'size', Variant: 'variant' });
    expect([...rows.keys()]).toEqual(['Component', 'Props', 'Variants', 'Defaults', 'Tokens']);
    expect(rows.get('Props')!.map((r) => [r.subject, r.change])).toEqual([
      ['Show icon', 'only-figma'],
      ['tone', 'only-code'],
      ['Label', 'same'],
      ['Variant', 'same'],
    ]);
    expect(rows.get('Props')![2]).toMatchObject({ figma: 'Label', code: 'label', item: null });
    expect(diffSummary(rows)).toBe('6 differences, 2 unchanged');
    expect(diffSummary(diffRows([], { A: 'a' }))).toBe('0 differences, 1 unchanged');
  });

  it('reads values', () => {
    expect(showValue(undefined)).toBe('—');
    expect(showValue(null)).toBe('none');
    expect(showValue(['a', 1])).toBe('a | 1');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
