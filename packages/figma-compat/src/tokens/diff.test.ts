import { describe, expect, it } from 'vitest';
import { deriveTokens } from './derive';
import { diffTokens } from './diff';
import { IDS, sampleVariablesResponse } from './samples/variables-sample';

type Vars = Record<string, { name: string; valuesByMode: Record<string, unknown> }>;
const derive = (edit?: (v: Vars) => void) => {
  const input = sampleVariablesResponse();
  edit?.(input.meta.variables as unknown as Vars);
  return deriveTokens({ variables: input });
};

describe('diffTokens', () => {
  it('two derivations of the same variables differ in nothing', () => {
    const d = diffTokens(derive(), derive());
    expect(d).toMatchObject({ added: [], removed: [], changed: [], renamed: [] });
    expect(d.unchanged).toBeGreaterThan(30);
  });

  it('a value change in one mode is one change, with the mode, old and new value', () => {
    const d = diffTokens(
      derive(),
      derive((v) => (v[IDS.touch]!.valuesByMode['3:1'] = 36)),
    );
    expect(d.changed).toEqual([
      { path: 'Density.size.touch', mode: 'density/Compact', from: { $type: 'dimension', $value: { value: 32, unit: 'px' } }, to: { $type: 'dimension', $value: { value: 36, unit: 'px' } } },
    ]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('added and removed tokens, every mode, in a stable order (path, then mode, default first)', () => {
    const d = diffTokens(
      derive(),
      derive((v) => {
        delete (v as Record<string, unknown>)[IDS.greeting];
        v['VariableID:2:77'] = { ...structuredClone(v[IDS.accent]!), id: 'VariableID:2:77', name: 'color/accent/strong' } as Vars[string];
      }),
    );
    expect(d.added.map((a) => [a.path, a.mode, a.$type])).toEqual([
      ['Theme.color.accent.strong', null, 'color'],
      ['Theme.color.accent.strong', 'theme/Dark', 'color'],
    ]);
    expect(d.removed.map((a) => [a.path, a.mode, a.$type])).toEqual([
      ['Theme.copy.greeting', null, 'com.figma.string'],
      ['Theme.copy.greeting', 'theme/Dark', 'com.figma.string'],
    ]);
  });

  it('a rename is a rename (by Figma id), and aliases that follow it are unchanged', () => {
    const d = diffTokens(
      derive(),
      derive((v) => (v[IDS.gray0]!.name = 'color/neutral/white')),
    );
    expect(d.renamed).toEqual([{ id: IDS.gray0, from: 'Primitives.color.gray.0', to: 'Primitives.color.neutral.white' }]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
  });

  it('a renamed token whose value also changed is one change with its previous path', () => {
    const d = diffTokens(
      derive(),
      derive((v) => {
        v[IDS.radiusMd]!.name = 'radius/medium';
        v[IDS.radiusMd]!.valuesByMode['1:0'] = 10;
      }),
    );
    expect(d.changed).toEqual([
      { path: 'Primitives.radius.medium', previousPath: 'Primitives.radius.md', mode: null, from: { $type: 'dimension', $value: { value: 8, unit: 'px' } }, to: { $type: 'dimension', $value: { value: 10, unit: 'px' } } },
    ]);
  });

  it('compares stored documents too: a resolver document, or a plain tokens document', () => {
    const a = derive();
    const b = derive((v) => (v[IDS.touch]!.valuesByMode['3:0'] = 48));
    expect(diffTokens(a.resolver, b.resolver).changed.map((c) => c.path)).toEqual(['Density.size.touch']);
    expect(diffTokens(a.tokens, b.tokens).changed.map((c) => [c.path, c.mode])).toEqual([['Density.size.touch', null]]);
  });
});
