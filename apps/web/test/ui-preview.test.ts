import type { CogoUiJson } from '@cogo/api-client';
import { generateFromPrompt } from '@cogo/figma-compat';
import { describe, expect, it } from 'vitest';
import { flatten, previewOf, textOf } from '../lib/ui-preview';

const page: CogoUiJson = {
  schema: 'cogo_ui_json',
  version: '1.0',
  page: {
    id: 'p1',
    name: 'Pricing',
    source: { kind: 'generated', generator: 'keyword' },
    layout: { direction: 'column', gap: 24 },
    sections: [
      {
        id: 'pricing-1',
        type: 'pricing',
        name: 'Pricing',
        layout: { padding: '{space.lg}', align: 'center' },
        style: { background: '{color.surface}', color: '#111', onClick: 'alert(1)' as unknown as string },
        blocks: [
          {
            id: 'plans',
            type: 'grid',
            layout: { columns: 3, gap: 16, width: 'fill' },
            components: [
              { id: 'h', type: 'heading', text: 'Plans', style: { fontSize: 32, fontWeight: 700 } },
              { id: 'b', type: 'button', props: { label: 'Buy' }, component: { name: 'Button/Primary' }, style: { borderRadius: 8, background: 'url(https://evil.test/x.png)' } },
              { id: 'i', type: 'input', props: { placeholder: 'Email' }, layout: { justify: 'between', direction: 'row' } },
            ],
          },
        ],
      },
    ],
  },
};

describe('previewOf', () => {
  it('turns layout and style into CSS, resolves known tokens and names the rest', () => {
    const root = previewOf(page, { 'color.surface': '#f4f5f7' });
    expect(root).toMatchObject({ level: 'page', label: 'Pricing', css: { display: 'flex', flexDirection: 'column', gap: '24px' } });
    const section = root.children[0]!;
    expect(section.label).toBe('Pricing (pricing)');
    expect(section.css).toEqual({ alignItems: 'center', background: '#f4f5f7', color: '#111' });
    expect(section.tokens).toEqual(['space.lg']);
    const grid = section.children[0]!;
    expect(grid.css).toEqual({ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: '16px', width: '100%' });
    const [h, b, i] = grid.children;
    expect(h).toMatchObject({ text: 'Plans', css: { fontSize: '32px', fontWeight: '700' } });
    // a component reference names the box; a url() never reaches the CSS
    expect(b).toMatchObject({ label: 'Button/Primary', text: 'Buy', css: { borderRadius: '8px' } });
    expect(b!.css.background).toBeUndefined();
    expect(i).toMatchObject({ text: 'Email', css: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', justifyContent: 'space-between' } });
  });

  it('texts by type and props', () => {
    expect(textOf({ type: 'text', text: 'Hi' })).toBe('Hi');
    expect(textOf({ type: 'image', props: { alt: 'A cat' } })).toBe('A cat');
    expect(textOf({ type: 'container', props: { count: 3 } })).toBeNull();
  });

  it("draws every node of the keyword generator's page, with every text it wrote", () => {
    const { doc } = generateFromPrompt({ prompt: 'a pricing page with three plans and a FAQ' }, { components: [], tokens: [] });
    const nodes = flatten(previewOf(doc));
    const count = (n: { children?: unknown[] | undefined; components?: unknown[]; blocks?: unknown[] }): number =>
      1 + [...(n.children ?? []), ...(n.components ?? []), ...(n.blocks ?? [])].reduce<number>((s, c) => s + count(c as never), 0);
    expect(nodes).toHaveLength(1 + doc.page.sections.reduce((s, sec) => s + count(sec as never), 0));
    const written = JSON.stringify(doc).match(/"text":"([^"]+)"/g)!.map((t) => JSON.parse(`{${t}}`).text as string);
    const shown = new Set(nodes.map((n) => n.text));
    for (const t of written) expect(shown.has(t)).toBe(true);
    expect(nodes.map((n) => n.label)).toContain('Pricing (pricing)');
  });
});
