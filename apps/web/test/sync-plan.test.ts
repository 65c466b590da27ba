// The sync confirmation (lib/sync-plan.ts): which side each drifted mapping rewrites, from which, and which
// properties, per direction; mappings without drift are left out; nothing drifted says it is a no-op.
import { describe, expect, it } from 'vitest';
import { syncPlan } from '../lib/sync-plan';
import type { DriftMapping } from '../lib/sync-types';

const mapping = (id: string, code: string, figma: string | null, subjects: string[]): DriftMapping => ({
  mapping_id: id,
  code_component: { id: `c-${id}`, key: `Components/${code}`, name: code },
  figma: { file_key: 'COGOSAMPLE0001', node_id: '1:2', name: figma },
  items: subjects.map((s) => ({ kind: 'default_differs', subject: s, message: s })),
  diff_hash: 'h',
  cached: false,
});

describe('sync plan', () => {
  const drift = [mapping('a', 'Button', 'Button', ['Size', 'Variant', 'Size']), mapping('b', 'Badge', 'Badge', []), mapping('c', 'ProductCard', null, ['Show badge'])];

  it('design → code: the code takes Figma’s props and gets scaffolds', () => {
    const plan = syncPlan(drift, 'design_to_code');
    expect(plan.entries.map((e) => e.mappingId)).toEqual(['a', 'c']);
    expect(plan.entries[0]).toMatchObject({ target: 'Button', source: 'Figma “Button”', subjects: ['Size', 'Variant'] });
    expect(plan.entries[0]!.sentence).toBe('Button takes Figma “Button”’s Size, Variant; a Storybook story and a Playwright test are generated');
    expect(plan.entries[1]!.source).toBe('Figma “COGOSAMPLE0001 1:2”');
    expect(plan.changes).toBe(4);
    expect(plan.headline).toBe('2 components will change (4 drift items), design → code');
  });

  it('code → design: the Figma component takes the code’s', () => {
    const plan = syncPlan(drift.slice(0, 1), 'code_to_design');
    expect(plan.entries[0]!.sentence).toBe('Figma “Button” takes Button’s Size, Variant');
    expect(plan.headline).toBe('1 component will change (3 drift items), code → design');
  });

  it('nothing drifted: a no-op', () => {
    const plan = syncPlan([drift[1]!], 'code_to_design');
    expect(plan.entries).toEqual([]);
    expect(plan.headline).toMatch(/no-op/);
  });
});
