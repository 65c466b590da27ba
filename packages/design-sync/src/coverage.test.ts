import { describe, expect, it } from 'vitest';
import { coverageOf } from './coverage';
import { designComponentsFromRows } from './design';
import { bool, cBool, cEnum, code, cStr, design, story, text, variant } from './props.test-helpers';
import { parseRegistry } from './registry';
import { sampleCodeConnect, sampleDesignRows, sampleDocgen, sampleStorybookIndex } from './samples';

const button = design('Button', [variant('Variant', ['Primary', 'Secondary'], 'Primary'), variant('Size', ['Medium', 'Small', 'Extra Large'], 'Medium'), text('Label'), bool('Show icon')]);
const props = { Variant: 'variant', Size: 'size', Label: 'label' };
const codeWith = (...stories: ReturnType<typeof story>[]) => code('Button', [cEnum('variant', ['primary', 'secondary']), cEnum('size', ['md', 'sm', 'extra-large']), cStr('label')], stories);

describe('coverageOf', () => {
  it('covers the sample Button by story names; Size=Medium has no story', () => {
    const registry = parseRegistry({ index: sampleStorybookIndex, docgen: sampleDocgen, codeConnect: sampleCodeConnect });
    const b = registry.components.find((c) => c.key === 'Components/Button')!;
    const d = designComponentsFromRows(sampleDesignRows).find((x) => x.name === 'Button')!;
    expect(coverageOf(b, d, registry.explicit[0]!.props!)).toEqual({ stories: 4, tests: 4, variants: { total: 4, covered: 3, missing: ['Size=Medium'] } });
  });

  it('counts stories, not docs entries; tests by the test, play-fn or a test-word tag', () => {
    const c = codeWith(
      story('A', { tags: ['dev', 'test'] }),
      story('B', { tags: ['play-fn'] }),
      story('C', { tags: ['visual-test'] }),
      story('D', { tags: ['tests:a11y'] }),
      story('E', { tags: ['dev', 'autodocs', 'testing', 'latest'] }),
      story('Docs', { type: 'docs', tags: ['test'] }),
    );
    expect(coverageOf(c, null, {})).toEqual({ stories: 5, tests: 4, variants: { total: 0, covered: 0, missing: [] } });
  });

  it('covers an option by args through the value map (abbreviations), or by name when args do not set the prop', () => {
    const c = codeWith(
      story('Big one', { args: { size: 'extra-large', variant: 'secondary' } }),
      // "sm" is Small by the value map
      story('Tiny', { args: { size: 'sm' } }),
      // args that do not set variant: its name covers Primary
      story('Primary', { args: { label: 'Hi' } }),
      // args set size to sm: its name "Medium" does not count for Size
      story('Medium', { args: { size: 'sm' } }),
    );
    expect(coverageOf(c, button, props).variants).toEqual({ total: 5, covered: 4, missing: ['Size=Medium'] });
  });

  it('matches option words in order within a story name', () => {
    const c = codeWith(story('Primary Extra Large'), story('Large extra'), story('Mediums'));
    expect(coverageOf(c, button, props).variants.missing).toEqual(['Size=Medium', 'Size=Small', 'Variant=Secondary']);
  });

  it('covers True/False options and a state option by boolean args', () => {
    const d = design('Chip', [variant('Has icon', ['True', 'False'], 'False'), variant('State', ['Default', 'Disabled'], 'Default')]);
    const c = code('Chip', [cBool('hasIcon'), cBool('disabled')], [story('With icon', { args: { hasIcon: true } }), story('Off', { args: { disabled: true, hasIcon: false } })]);
    expect(coverageOf(c, d, { 'Has icon': 'hasIcon', State: 'disabled' }).variants).toEqual({ total: 4, covered: 3, missing: ['State=Default'] });
  });

  it('without a prop map covers by names only', () => {
    const c = codeWith(story('Small', { args: { size: 'md' } }));
    expect(coverageOf(c, button, {}).variants.missing).toEqual(['Size=Extra Large', 'Size=Medium', 'Variant=Primary', 'Variant=Secondary']);
    expect(coverageOf(c, button, props).variants.missing).toEqual(['Size=Extra Large', 'Size=Small', 'Variant=Primary', 'Variant=Secondary']);
  });
});
