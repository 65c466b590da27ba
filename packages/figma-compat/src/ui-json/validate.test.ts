import { describe, expect, it } from 'vitest';
import { EMPTY_VOCAB, IDS, VOCAB } from './samples.test-helpers';
import { validateUiJson } from './validate';

/** A model's page: component refs by loose names, known and unknown tokens. */
function modelPage(): any {
  return {
    schema: 'cogo_ui_json',
    version: '1.0',
    page: {
      id: 'p',
      name: 'Grüße “Acme”',
      source: { kind: 'generated', generator: 'llm' },
      style: { background: '{color.background.default}' },
      sections: [
        {
          id: 's1',
          type: 'hero',
          name: 'Hero',
          style: { background: '{color.nope}' },
          layout: { gap: '{spacing.huge}', padding: '{spacing.md}' },
          blocks: [
            {
              id: 'b1',
              type: 'stack',
              components: [
                { id: 'c1', type: 'button', text: 'Go', component: { name: '  primary   BUTTON ', component_id: '00000000-0000-4000-8000-000000000000', node_id: 'bogus' }, style: { background: '{color.brand.primary}' } },
                { id: 'c2', type: 'carousel', component: { name: 'Fancy Carousel' }, children: [{ id: 'c3', type: 'text', style: { color: '{color.text.unknown}' } }] },
              ],
            },
          ],
        },
      ],
    },
  };
}

describe('validateUiJson', () => {
  it('matches component refs by name (case and spaces aside) and takes ids from the vocabulary', () => {
    const r = validateUiJson(modelPage(), VOCAB);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.doc.page.sections[0]!.blocks[0]!.components[0]!.component).toEqual({ name: 'Primary Button', component_id: IDS.button, node_id: '10:3' });
  });

  it('drops unknown component refs (the node stays) and reports them and unknown tokens by path', () => {
    const r = validateUiJson(modelPage(), VOCAB);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const c2 = r.doc.page.sections[0]!.blocks[0]!.components[1]!;
    expect(c2.component).toBeUndefined();
    expect(c2.type).toBe('carousel');
    expect(r.report.unknown_components).toEqual([{ path: 'page.sections[0].blocks[0].components[1].component', name: 'Fancy Carousel' }]);
    expect(r.report.unknown_tokens).toEqual([
      { path: 'page.sections[0].style.background', token: 'color.nope' },
      { path: 'page.sections[0].layout.gap', token: 'spacing.huge' },
      { path: 'page.sections[0].blocks[0].components[1].children[0].style.color', token: 'color.text.unknown' },
    ]);
    // kept as written
    expect(r.doc.page.sections[0]!.style).toEqual({ background: '{color.nope}' });
    expect(r.report.pruned).toEqual([]);
    expect(r.report.nodes).toBe(5);
    expect(r.report.bytes).toBe(new TextEncoder().encode(JSON.stringify(r.doc)).byteLength);
    expect(r.report.bytes).toBeGreaterThan(JSON.stringify(r.doc).length); // ü, “ ” are multi-byte
  });

  it('reports every token as unknown and every ref as unknown against an empty vocabulary', () => {
    const r = validateUiJson(modelPage(), EMPTY_VOCAB);
    if (!r.ok) throw new Error('invalid');
    expect(r.report.unknown_components.map((u) => u.name)).toEqual(['  primary   BUTTON ', 'Fancy Carousel']);
    expect(r.report.unknown_tokens).toHaveLength(6);
  });

  it('prunes hostile content and still validates what is left, reporting the cuts', () => {
    const raw = JSON.parse(
      JSON.stringify(modelPage()).replace('"text":"Go"', '"text":"Go","__proto__":{"x":1},"props":{"onClick":"alert(1)"},"actions":[{"on":"click","type":"open_url","url":"javascript:alert(1)"}]'),
    );
    const r = validateUiJson(raw, VOCAB);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.report.pruned).toEqual([
      { path: 'page.sections[0].blocks[0].components[0].__proto__', reason: 'unsafe_key' },
      { path: 'page.sections[0].blocks[0].components[0].props.onClick', reason: 'event_handler' },
      { path: 'page.sections[0].blocks[0].components[0].actions[0].url', reason: 'unsafe_url' },
    ]);
    expect(r.doc.page.sections[0]!.blocks[0]!.components[0]!.actions).toEqual([{ on: 'click', type: 'open_url' }]);
  });

  it('refuses schema violations with their paths, and passes on what was pruned', () => {
    const raw = modelPage();
    raw.page.sections[0].type = 'Hero';
    delete raw.page.name;
    raw.page.sections[0].blocks[0].components[0].props = { href: 'javascript:x' };
    raw.page.sections[0].blocks[0].components[0].extra = 1;
    const r = validateUiJson(raw, VOCAB);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual(['page.name', 'page.sections[0].blocks[0].components[0]', 'page.sections[0].type']);
    expect(r.pruned).toEqual([{ path: 'page.sections[0].blocks[0].components[0].props.href', reason: 'unsafe_url' }]);
  });

  it('refuses duplicate ids (rows and uui nodes are keyed by them)', () => {
    const raw = modelPage();
    raw.page.sections[0].blocks[0].components[1].children[0].id = 'b1';
    const r = validateUiJson(raw, VOCAB);
    expect(r).toEqual({ ok: false, issues: [{ path: 'page.sections[0].blocks[0].components[1].children[0].id', message: 'duplicate id "b1" (first at page.sections[0].blocks[0].id)' }], pruned: [] });
  });

  it('refuses what is not a document at all', () => {
    for (const raw of [null, 'x', [], { schema: 'uui_json' }]) expect(validateUiJson(raw, VOCAB).ok).toBe(false);
  });
});

describe('token paths with spaces (variables/derive names groups after Figma collections: "Storefront tokens")', () => {
  it('a reference to such a token is known, and becomes a valid CSS custom property in uui_json', async () => {
    const { cogoToUui } = await import('./uui');
    const vocab = { components: [], tokens: [{ path: 'Storefront tokens.color.brand.primary', type: 'color' }] };
    const page = {
      schema: 'cogo_ui_json',
      version: '1.0',
      page: { id: 'p', name: 'P', source: { kind: 'generated', generator: 'llm' }, style: { background: '{Storefront tokens.color.brand.primary}' }, sections: [] },
    };
    const r = validateUiJson(page, vocab);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.report.unknown_tokens).toEqual([]);
    const uui = cogoToUui(r.doc);
    const [name] = Object.keys(uui.tokens);
    expect(uui.tokens[name!]).toBe('Storefront tokens.color.brand.primary');
    expect(name).toMatch(/^--[A-Za-z0-9_-]+$/);
    expect(uui.root.style.background).toBe(`var(${name})`);
  });
});
