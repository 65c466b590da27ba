import { CogoUiJsonSchema, UuiJsonSchema, type CogoUiJson } from '@cogo/types';
import { describe, expect, it } from 'vitest';
import { generateFromPrompt } from './generate';
import { figmaDoc, fullDoc, VOCAB } from './samples.test-helpers';
import { cogoToUui, uuiToCogo } from './uui';

describe('cogoToUui / uuiToCogo', () => {
  const docs: Array<[string, () => CogoUiJson]> = [
    ['every optional field, empty ones and layout/style overlaps', fullDoc],
    ['a Figma page with colliding token names', figmaDoc],
    ['a generated landing page with tokens', () => generateFromPrompt({ prompt: 'Generate a landing page for Acme with hero, CTA and features' }, VOCAB).doc],
    ['a generated page without a vocabulary', () => generateFromPrompt({ prompt: 'landing page with pricing, faq, login form, footer' }, { components: [], tokens: [] }).doc],
  ];

  it.each(docs)('round-trips exactly: %s', (_, make) => {
    const doc = make();
    expect(CogoUiJsonSchema.safeParse(doc).success).toBe(true);
    const uui = cogoToUui(doc);
    expect(UuiJsonSchema.safeParse(uui).success).toBe(true);
    const back = uuiToCogo(uui);
    expect(back).toStrictEqual(doc);
    // and through JSON, as a client sends it back
    expect(uuiToCogo(JSON.parse(JSON.stringify(uui)))).toStrictEqual(doc);
  });

  it('does not mutate its input', () => {
    const doc = fullDoc();
    const before = structuredClone(doc);
    uuiToCogo(cogoToUui(doc));
    expect(doc).toStrictEqual(before);
  });

  it('gives the renderer a tree of page, section, stack/grid and component nodes with flex style and CSS variables', () => {
    const uui = cogoToUui(fullDoc());
    const [hero, features] = uui.root.children;
    expect(uui.root).toMatchObject({ id: 'page-1', type: 'page', meta: { kind: 'page', type: 'page', name: 'Acme landing page', source: { kind: 'generated', generator: 'llm' } } });
    expect(uui.root.style).toEqual({ display: 'flex', flexDirection: 'column', gap: 0, width: '100%', height: 'fit-content', background: 'var(--color-background-default)', minHeight: 600 });
    expect(hero!.type).toBe('section');
    // layout → flex; the node's own padding wins over the layout's; token refs → var()
    expect(hero!.style).toEqual({ display: 'flex', flexDirection: 'row', gap: 8, padding: 12, alignItems: 'center', justifyContent: 'space-between', color: 'var(--color-text-default)' });
    expect(hero!.meta).toEqual({
      kind: 'section',
      type: 'hero',
      name: 'Hero',
      layout: { direction: 'row', gap: 8, padding: '{spacing.xl}', align: 'center', justify: 'between' },
      tokens: { color: 'color.text.default' },
      own_style: ['gap', 'padding'],
    });
    const [grid, empty] = hero!.children;
    expect(grid!.type).toBe('grid');
    expect(grid!.style).toEqual({ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 'var(--spacing-md)' });
    expect(grid!.meta.empty).toEqual(['style']);
    expect(empty!.type).toBe('stack');
    const cta = grid!.children[0]!;
    expect(cta).toMatchObject({ id: 'hero-1-cta', type: 'button', text: 'Get started', props: { variant: 'primary', size: 2, disabled: false, icon: null } });
    expect(cta.on).toEqual(fullDoc().page.sections[0]!.blocks[0]!.components[0]!.actions);
    expect(cta.meta.component).toEqual({ name: 'Primary Button', component_id: expect.any(String), node_id: '10:3' });
    expect(cta.style.background).toBe('var(--color-brand-primary)');
    expect(cta.style.color).toBe('var(--literal)'); // a literal that looks like a variable stays a literal
    expect(cta.meta.tokens).toEqual({ background: 'color.brand.primary' });
    expect(cta.children[0]!.meta.empty).toEqual(['props', 'style', 'children']);
    expect(features).toMatchObject({ type: 'section', meta: { name: '' }, children: [] });
    // spacing.xl is the hero layout's padding, which the hero's own padding overrides: no style uses it
    expect(uui.tokens).toEqual({
      '--color-background-default': 'color.background.default',
      '--color-text-default': 'color.text.default',
      '--spacing-md': 'spacing.md',
      '--color-brand-primary': 'color.brand.primary',
    });
  });

  it('keeps CSS variable names one-to-one when two token paths would share one', () => {
    const uui = cogoToUui(figmaDoc());
    expect(uui.tokens).toEqual({ '--a-b-c': 'a.b-c', '--a-b-c-2': 'a-b.c' });
    expect(uui.root.children[0]!.style).toEqual({ color: 'var(--a-b-c)', background: 'var(--a-b-c-2)', borderColor: 'var(--a-b-c)' });
  });
});
