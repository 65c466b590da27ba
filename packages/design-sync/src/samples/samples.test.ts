import { describe, expect, it } from 'vitest';
import { designComponentsFromRows } from '../design';
import { parseRegistry } from '../registry';
import { suggestMappings } from '../suggest';
import { SAMPLE_EXPECTED_DRIFT, SAMPLE_FIGMA_FILE_KEY, SAMPLE_FIGMA_NODES, sampleCodeConnect, sampleComponentsManifest, sampleDesignRows, sampleDocgen, sampleStorybookIndex } from '.';

const registry = parseRegistry({ index: sampleStorybookIndex, docgen: sampleDocgen, codeConnect: sampleCodeConnect });
const design = designComponentsFromRows(sampleDesignRows);

describe('the sample Storybook build', () => {
  it('parses cleanly into Button, Badge and ProductCard with their stories; no cart icon', () => {
    expect(registry.warnings).toEqual([]);
    expect(registry.components.map((c) => [c.key, c.name, c.componentPath, c.stories.map((s) => `${s.name}:${s.type}`)])).toEqual([
      ['Components/Badge', 'Badge', './src/components/Badge.tsx', ['Default:story']],
      ['Components/Button', 'Button', './src/components/Button.tsx', ['Ghost:story', 'Primary:story', 'Secondary:story', 'Small:story']],
      ['Components/ProductCard', 'ProductCard', './src/components/ProductCard.tsx', ['Default:story', 'Docs:docs']],
    ]);
    const button = registry.components[1]!;
    expect(button.props.map((p) => [p.name, p.kind, p.values ?? null, p.default ?? null])).toEqual([
      ['className', 'string', null, null],
      ['disabled', 'boolean', null, false],
      ['label', 'string', null, 'Button'],
      ['onClick', 'function', null, null],
      ['size', 'enum', ['sm', 'md', 'lg'], 'md'],
      ['variant', 'enum', ['primary', 'secondary', 'ghost'], 'primary'],
    ]);
  });

  it('gives the same components from its Storybook 10 components manifest as from its docgen', () => {
    const fromManifest = parseRegistry({ index: sampleStorybookIndex, manifest: sampleComponentsManifest, codeConnect: sampleCodeConnect });
    expect(fromManifest.warnings).toEqual([]);
    expect(fromManifest.components).toEqual(registry.components);
    expect(fromManifest.components.every((c) => c.props.length > 0)).toBe(true);
  });

  it('maps Button explicitly to the sample file’s Button set', () => {
    expect(registry.explicit).toEqual([{ component: 'Button', fileKey: SAMPLE_FIGMA_FILE_KEY, nodeId: SAMPLE_FIGMA_NODES.button, props: { Variant: 'variant', Size: 'size', Label: 'label' } }]);
  });

  it('pairs each coded component with its Figma component by suggestion; the cart icon stays unmapped', () => {
    const s = suggestMappings(registry.components, design);
    expect(s.map((m) => [m.component, m.nodeId])).toEqual(
      expect.arrayContaining([
        ['Components/Button', SAMPLE_FIGMA_NODES.button],
        ['Components/Badge', SAMPLE_FIGMA_NODES.badge],
        ['Components/ProductCard', SAMPLE_FIGMA_NODES.productCard],
      ]),
    );
    expect(s).toHaveLength(3);
    expect(s.find((m) => m.component === 'Components/ProductCard')!.props).toEqual({ Title: 'title', Price: 'price', 'Show badge': 'showBadge' });
  });

  it('lists its deliberate drift against components it has, subjects the design or code really names', () => {
    expect(SAMPLE_EXPECTED_DRIFT).toHaveLength(6);
    for (const d of SAMPLE_EXPECTED_DRIFT) {
      const code = registry.components.find((c) => c.key === d.component)!;
      const figmaNames = design.flatMap((c) => c.props.map((p) => p.name));
      expect(code, d.component).toBeDefined();
      expect(d.kind === 'code_prop_missing_in_figma' ? code.props.map((p) => p.name) : figmaNames).toContain(d.subject);
    }
  });
});
