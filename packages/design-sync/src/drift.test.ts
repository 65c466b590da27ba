import { describe, expect, it } from 'vitest';
import { designComponentsFromRows } from './design';
import { driftOf } from './drift';
import { canonicalJson } from './hash';
import { bool, cBool, cEnum, cFn, code, cStr, design, text, variant } from './props.test-helpers';
import { parseRegistry } from './registry';
import { SAMPLE_EXPECTED_DRIFT, sampleCodeConnect, sampleDesignRows, sampleDocgen, sampleStorybookIndex } from './samples';

const registry = parseRegistry({ index: sampleStorybookIndex, docgen: sampleDocgen, codeConnect: sampleCodeConnect });
const designs = designComponentsFromRows(sampleDesignRows);
const SAMPLE_PAIRS = [
  ['Components/Button', 'Button'],
  ['Components/Badge', 'Badge'],
  ['Components/ProductCard', 'Product Card'],
] as const;

describe('driftOf on the sample build', () => {
  it('finds exactly the deliberate drift, with or without the Code Connect prop map', () => {
    for (const explicit of [false, true]) {
      const found = SAMPLE_PAIRS.flatMap(([key, figma]) => {
        const c = registry.components.find((x) => x.key === key)!;
        const props = explicit && key === 'Components/Button' ? registry.explicit[0]!.props : undefined;
        const { items } = driftOf({ code: c, design: designs.find((d) => d.name === figma)!, baseline: null, tokens: {}, ...(props ? { props } : {}) });
        return items.map((i) => ({ component: key, kind: i.kind, subject: i.subject }));
      });
      expect(found).toEqual(expect.arrayContaining([...SAMPLE_EXPECTED_DRIFT]));
      expect(found).toHaveLength(SAMPLE_EXPECTED_DRIFT.length);
    }
  });

  it("answers Button's items with each side's part and a sentence naming both, and the props it matched", () => {
    const c = registry.components.find((x) => x.key === 'Components/Button')!;
    const { items, props } = driftOf({ code: c, design: designs.find((d) => d.name === 'Button')!, baseline: null, tokens: {} });
    expect(props).toEqual({ Label: 'label', Size: 'size', Variant: 'variant' });
    expect(items).toEqual([
      { kind: 'code_prop_missing_in_figma', subject: 'disabled', code: { kind: 'boolean', type: 'boolean', default: false }, message: 'The prop disabled of Button (boolean) has no property in the Figma component "Button".' },
      { kind: 'figma_prop_missing_in_code', subject: 'Show icon', figma: { type: 'BOOLEAN', default: false }, message: 'Figma property "Show icon" of "Button" (BOOLEAN) has no prop in Button.' },
      { kind: 'variant_values_differ', subject: 'Size', figma: [], code: ['lg'], message: 'Figma property "Size" of "Button" and prop size of Button differ in values: only in code "lg".' },
      { kind: 'variant_values_differ', subject: 'Variant', figma: [], code: ['ghost'], message: 'Figma property "Variant" of "Button" and prop variant of Button differ in values: only in code "ghost".' },
    ]);
  });
});

describe('driftOf', () => {
  const d = design('Alert', [variant('Tone', ['Info', 'Danger', 'Success'], 'Info'), bool('Dismissible', true), text('Title', 'Heads up')], ['color/bg', 'radius/md']);
  const c = code('Alert', [cEnum('tone', ['warning', 'info', 'danger'], 'danger'), cBool('dismissible', true), cStr('title'), cFn('onDismiss'), cEnum('size', ['sm', 'md'])]);

  it('reports values only on each side (sorted), defaults and missing props, sorted by kind then subject', () => {
    const { items } = driftOf({ code: c, design: d, baseline: null, tokens: {} });
    expect(items.map((i) => [i.kind, i.subject, i.figma, i.code])).toEqual([
      ['code_prop_missing_in_figma', 'size', undefined, { kind: 'enum', type: "'sm' | 'md'", values: ['sm', 'md'] }],
      ['default_differs', 'Tone', 'Info', 'danger'],
      ['variant_values_differ', 'Tone', ['Success'], ['warning']],
    ]);
    expect(items[1]!.message).toBe('Figma property "Tone" of "Alert" defaults to "Info", prop tone of Alert to "danger".');
  });

  it('is the same whatever order either side lists its props in', () => {
    const shuffled = { ...d, props: [...d.props].reverse() };
    const again = { ...c, props: [...c.props].reverse() };
    expect(canonicalJson(driftOf({ code: again, design: shuffled, baseline: null, tokens: {} }))).toBe(canonicalJson(driftOf({ code: c, design: d, baseline: null, tokens: {} })));
  });

  it('reports a rename and changed or vanished bound tokens against the baseline', () => {
    const baseline = { figmaName: 'Notice', tokenValues: { 'color/bg': '"#fff"', 'radius/md': '8', 'color/old': '"#000"' } };
    const { items } = driftOf({ code: c, design: d, baseline, tokens: { 'color/bg': '"#fafafa"' } });
    const rest = items.filter((i) => ['design_renamed', 'token_changed'].includes(i.kind));
    expect(rest).toEqual([
      { kind: 'design_renamed', subject: 'Alert', figma: { before: 'Notice', after: 'Alert' }, code: 'Alert', message: 'The Figma component "Notice" mapped to Alert is now named "Alert".' },
      { kind: 'token_changed', subject: 'color/bg', figma: { before: '"#fff"', after: '"#fafafa"' }, code: 'Alert', message: 'The variable "color/bg" bound in "Alert" changed from "#fff" to "#fafafa" since Alert was last synced.' },
      { kind: 'token_changed', subject: 'radius/md', figma: { before: '8', after: null }, code: 'Alert', message: 'The variable "radius/md" bound in "Alert" is no longer in the file’s tokens since Alert was last synced.' },
    ]);
    // the same values as the baseline: nothing
    expect(driftOf({ code: c, design: { ...d, name: 'Notice' }, baseline, tokens: { 'color/bg': '"#fff"', 'radius/md': '8' } }).items.filter((i) => i.kind === 'token_changed' || i.kind === 'design_renamed')).toEqual([]);
  });

  it('reports a missing side alone, whatever else differs', () => {
    const baseline = { figmaName: 'Notice', tokenValues: { 'color/bg': '"#fff"' } };
    expect(driftOf({ code: c, design: null, baseline, tokens: {} })).toEqual({
      items: [{ kind: 'design_removed', subject: 'Notice', code: 'Alert', message: 'The Figma component "Notice" mapped to Alert is no longer stored.' }],
      props: {},
    });
    expect(driftOf({ code: null, design: d, baseline, tokens: {} }).items).toEqual([
      { kind: 'code_removed', subject: 'Alert', figma: 'Alert', message: 'The coded component mapped to the Figma component "Alert" is no longer in the registry.' },
    ]);
    expect(driftOf({ code: null, design: null, baseline: null, tokens: {} }).items.map((i) => i.kind)).toEqual(['design_removed', 'code_removed']);
  });

  it('names the Disabled state a code boolean must stand for', () => {
    const s = design('Button', [variant('State', ['Default', 'Hover', 'Disabled'], 'Default')]);
    const { items } = driftOf({ code: code('Button', [cFn('onClick')]), design: s, baseline: null, tokens: {} });
    expect(items).toEqual([
      { kind: 'figma_prop_missing_in_code', subject: 'State', figma: { type: 'VARIANT', default: 'Default', options: ['Default', 'Hover', 'Disabled'] }, message: 'Figma property "State" of "Button" has a Disabled state, and Button has no disabled boolean.' },
    ]);
  });
});
