import { CogoUiJsonSchema } from '@cogo/types';
import { describe, expect, it } from 'vitest';
import { generateFromPrompt } from './generate';
import { FIGMA_PAGE, FIGMA_ROWS, fullDoc, IDS, sampleUuid, VOCAB } from './samples.test-helpers';
import { cogoToStoredComponents, GENERATED_FILE_KEY, storedPageToCogo, type StoredComponentInput } from './stored';

/** Rows as the database gives them back: with ids, in some other order. */
function stored(rows: ReturnType<typeof cogoToStoredComponents>, order: (a: number, b: number) => number): StoredComponentInput[] {
  return rows
    .map((r, i) => ({ ...structuredClone(r), id: sampleUuid(i + 100), i }))
    .sort((a, b) => order(a.i, b.i))
    .map(({ i: _, ...r }) => r);
}

describe('cogoToStoredComponents / storedPageToCogo (generated pages)', () => {
  const page = (doc: ReturnType<typeof fullDoc>) => ({ id: IDS.page, file_key: GENERATED_FILE_KEY, node_id: doc.page.id, name: doc.page.name });

  it('stores one row per section, block and component node, ids scoped by the page', () => {
    const rows = cogoToStoredComponents(fullDoc());
    expect(rows.map((r) => [r.type, r.node_id])).toEqual([
      ['UI_SECTION', 'page-1/hero-1'],
      ['UI_BLOCK', 'page-1/hero-1-grid'],
      ['UI_COMPONENT', 'page-1/hero-1-cta'],
      ['UI_COMPONENT', 'page-1/hero-1-cta-icon'],
      ['UI_COMPONENT', 'page-1/hero-1-text'],
      ['UI_BLOCK', 'page-1/hero-1-empty'],
      ['UI_SECTION', 'page-1/features-2'],
    ]);
    expect(rows[3]!.props).toEqual({ node: { id: 'hero-1-cta-icon', type: 'icon', props: {}, style: {}, children: [] }, ancestors: ['page-1/hero-1', 'page-1/hero-1-grid', 'page-1/hero-1-cta'], order: 0 });
    expect(rows[0]!.props.page).toEqual({ source: fullDoc().page.source, layout: fullDoc().page.layout, style: fullDoc().page.style });
    expect(rows.map((r) => r.name)).toEqual(['Hero', 'Cards', 'CTA', 'icon', '', 'stack', 'features']);
  });

  it.each([
    ['as written', (a: number, b: number) => a - b],
    ['reversed', (a: number, b: number) => b - a],
    ['interleaved', (a: number, b: number) => (a % 2) - (b % 2) || b - a],
  ])('rebuilds the document exactly from rows in any order (%s)', (_, order) => {
    for (const doc of [fullDoc(), generateFromPrompt({ prompt: 'Generate a landing page for Acme with hero, CTA and features' }, VOCAB).doc]) {
      const rows = stored(cogoToStoredComponents(doc), order);
      expect(storedPageToCogo(page(doc), rows)).toStrictEqual(doc);
    }
  });

  it('leaves out rows whose parent is gone, and rows that are not UI rows', () => {
    const doc = fullDoc();
    const rows = stored(cogoToStoredComponents(doc), (a, b) => a - b).filter((r) => r.node_id !== 'page-1/hero-1-grid');
    rows.push({ id: sampleUuid(1), node_id: 'x', name: 'x', type: 'COMPONENT', props: {} });
    const back = storedPageToCogo(page(doc), rows);
    expect(back.page.sections[0]!.blocks.map((b) => b.id)).toEqual(['hero-1-empty']);
    expect(CogoUiJsonSchema.safeParse(back).success).toBe(true);
  });
});

describe('storedPageToCogo (a Figma page)', () => {
  const doc = storedPageToCogo(FIGMA_PAGE, FIGMA_ROWS);

  it('is a valid cogo_ui_json with the Figma source', () => {
    expect(CogoUiJsonSchema.safeParse(doc).success).toBe(true);
    expect(doc.page).toMatchObject({ id: '0:1', name: 'Marketing', source: { kind: 'figma', file_key: 'FILE123', node_id: '0:1', page_id: IDS.page } });
  });

  it('makes a section per top-level frame and a generic one for the rest, blocks by the layer under the frame', () => {
    const shape = doc.page.sections.map((s) => ({ id: s.id, type: s.type, name: s.name, blocks: s.blocks.map((b) => [b.id, b.components.map((c) => c.id)]) }));
    expect(shape).toEqual([
      { id: '1:1', type: 'hero', name: 'Hero', blocks: [['1:1.components', ['2:3']], ['2:5', ['2:8']]] },
      { id: '1:20', type: 'pricing', name: 'Desktop - Pricing', blocks: [['3:0', ['3:1']]] },
      { id: 'ungrouped', type: 'generic', name: 'Components outside frames', blocks: [['ungrouped.components', ['4:1']], ['0:9', ['4:2']]] },
    ]);
  });

  it('makes a component set a node whose children are its variants, with refs and variant props', () => {
    const set = doc.page.sections[0]!.blocks[1]!.components[0]!;
    expect(set).toEqual({
      id: '2:8',
      type: 'component_set',
      name: 'Button',
      component: { name: 'Button', node_id: '2:8', component_id: sampleUuid(4) },
      children: [
        { id: '2:9', type: 'component', name: 'Type=Primary', component: { name: 'Type=Primary', node_id: '2:9', component_id: sampleUuid(5) }, props: { Type: 'Primary' } },
        { id: '2:10', type: 'component', name: 'Type=Secondary', component: { name: 'Type=Secondary', node_id: '2:10', component_id: sampleUuid(7) }, props: { Type: 'Secondary' } },
      ],
    });
  });

  it('gives the same document for any row order', () => {
    expect(storedPageToCogo(FIGMA_PAGE, [...FIGMA_ROWS].reverse())).toStrictEqual(doc);
  });
});
