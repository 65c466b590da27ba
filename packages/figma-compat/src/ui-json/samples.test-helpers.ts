// Sample UI JSON data for the ui-json tests: documents using every optional field, a project vocabulary, a stored
// Figma page. Written for these tests (no external fixtures).
import type { CogoUiJson } from '@cogo/types';
import type { StoredComponentInput, StoredPageInput } from './stored';
import type { DesignVocabulary } from './vocabulary';

export const IDS = {
  button: '0b6f6a52-1c1e-4c8e-9f43-2a9d4c1b7e01',
  buttonSecondary: '0b6f6a52-1c1e-4c8e-9f43-2a9d4c1b7e02',
  card: '0b6f6a52-1c1e-4c8e-9f43-2a9d4c1b7e03',
  input: '0b6f6a52-1c1e-4c8e-9f43-2a9d4c1b7e04',
  navbar: '0b6f6a52-1c1e-4c8e-9f43-2a9d4c1b7e05',
  iconButton: '0b6f6a52-1c1e-4c8e-9f43-2a9d4c1b7e06',
  page: '7d0c3a1e-5b2f-4e7a-8c9d-1f2e3a4b5c6d',
} as const;

/** A project with a small library and tokens named the usual ways. */
export const VOCAB: DesignVocabulary = {
  components: [
    { id: IDS.iconButton, name: 'Icon Button', node_id: '10:1', type: 'COMPONENT_SET' },
    { id: IDS.buttonSecondary, name: 'Button/Secondary', node_id: '10:2', type: 'COMPONENT' },
    { id: IDS.button, name: 'Primary Button', node_id: '10:3', type: 'COMPONENT_SET', description: 'The main call to action' },
    { id: IDS.card, name: 'Card', node_id: '10:4', type: 'COMPONENT' },
    { id: IDS.input, name: 'Text Field', node_id: '10:5', type: 'COMPONENT_SET' },
    { id: IDS.navbar, name: 'Navbar', node_id: '10:6', type: 'COMPONENT' },
  ],
  tokens: [
    { path: 'color.brand.primary', type: 'color' },
    { path: 'color.brand.primary-hover', type: 'color' },
    { path: 'color.text.default', type: 'color' },
    { path: 'color.text.muted', type: 'color' },
    { path: 'color.text.on-primary', type: 'color' },
    { path: 'color.background.default', type: 'color' },
    { path: 'color.surface.default', type: 'color' },
    { path: 'color.border.default', type: 'color' },
    { path: 'spacing.sm', type: 'dimension' },
    { path: 'spacing.md', type: 'dimension' },
    { path: 'spacing.lg', type: 'dimension' },
    { path: 'spacing.xl', type: 'dimension' },
    { path: 'radius.md', type: 'dimension' },
    { path: 'radius.full', type: 'dimension' },
  ],
};

export const EMPTY_VOCAB: DesignVocabulary = { components: [], tokens: [] };

/** A page using every optional field of every level, present-but-empty ones and a style key its layout sets too. */
export function fullDoc(): CogoUiJson {
  return {
    schema: 'cogo_ui_json',
    version: '1.0',
    page: {
      id: 'page-1',
      name: 'Acme landing page',
      source: { kind: 'generated', generator: 'llm', prompt: 'Generate a landing page for Acme' },
      layout: { direction: 'column', gap: 0, width: 'fill', height: 'hug' },
      style: { background: '{color.background.default}', minHeight: 600 },
      sections: [
        {
          id: 'hero-1',
          type: 'hero',
          name: 'Hero',
          layout: { direction: 'row', gap: 8, padding: '{spacing.xl}', align: 'center', justify: 'between' },
          // gap: the layout says 8 too (same value); padding: a different own value than the layout's
          style: { gap: 8, padding: 12, color: '{color.text.default}' },
          blocks: [
            {
              id: 'hero-1-grid',
              type: 'grid',
              name: 'Cards',
              layout: { columns: 3, gap: '{spacing.md}' },
              style: {},
              components: [
                {
                  id: 'hero-1-cta',
                  type: 'button',
                  name: 'CTA',
                  component: { name: 'Primary Button', component_id: IDS.button, node_id: '10:3' },
                  text: 'Get started',
                  props: { variant: 'primary', size: 2, disabled: false, icon: null },
                  layout: { direction: 'row', align: 'stretch', justify: 'start', width: 120, height: 40 },
                  style: { background: '{color.brand.primary}', borderRadius: 8, color: 'var(--literal)' },
                  actions: [
                    { on: 'click', type: 'open_url', url: 'https://acme.test/signup' },
                    { on: 'load', type: 'scroll_to', target: 'features-2' },
                  ],
                  children: [{ id: 'hero-1-cta-icon', type: 'icon', props: {}, style: {}, children: [] }],
                },
                { id: 'hero-1-text', type: 'text', text: '' },
              ],
            },
            { id: 'hero-1-empty', type: 'stack', components: [] },
          ],
        },
        { id: 'features-2', type: 'features', name: '', blocks: [] },
      ],
    },
  };
}

/** A Figma-sourced page without page layout or style, and token paths whose CSS names collide. */
export function figmaDoc(): CogoUiJson {
  return {
    schema: 'cogo_ui_json',
    version: '1.0',
    page: {
      id: '0:1',
      name: 'Home',
      source: { kind: 'figma', file_key: 'FILE123', node_id: '0:1', page_id: IDS.page },
      sections: [
        {
          id: '1:2',
          type: 'frame',
          name: 'Desktop',
          style: { color: '{a.b-c}', background: '{a-b.c}', borderColor: '{a.b-c}' },
          blocks: [{ id: '1:3', type: 'stack', components: [{ id: 'I1:4;5:6', type: 'component', component: { name: 'Card' } }] }],
        },
      ],
    },
  };
}

export const FIGMA_PAGE: StoredPageInput = { id: IDS.page, file_key: 'FILE123', node_id: '0:1', name: 'Marketing' };

const uuid = (n: number) => `1a2b3c4d-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** What figma-context apply stores for a page: top-level frames, a component set with variants, loose components. */
export const FIGMA_ROWS: StoredComponentInput[] = [
  // given out of order on purpose: the conversion orders by Figma id
  { id: uuid(7), node_id: '2:10', name: 'Type=Secondary', type: 'COMPONENT', props: { variant: { Type: 'Secondary' }, set_id: '2:8', ancestors: ['1:1', '2:5', '2:8'] } },
  { id: uuid(1), node_id: '1:1', name: 'Hero', type: 'FRAME', props: {} },
  { id: uuid(2), node_id: '1:20', name: 'Desktop - Pricing', type: 'FRAME', props: { ancestors: ['0:9'] } },
  { id: uuid(3), node_id: '2:3', name: 'Logo', type: 'COMPONENT', props: { ancestors: ['1:1'], description: 'Brand mark' } },
  { id: uuid(4), node_id: '2:8', name: 'Button', type: 'COMPONENT_SET', props: { ancestors: ['1:1', '2:5'], definitions: { Type: { type: 'VARIANT' } } } },
  { id: uuid(5), node_id: '2:9', name: 'Type=Primary', type: 'COMPONENT', props: { variant: { Type: 'Primary' }, set_id: '2:8', ancestors: ['1:1', '2:5', '2:8'] } },
  { id: uuid(6), node_id: '3:1', name: 'Price Card', type: 'COMPONENT', props: { ancestors: ['0:9', '1:20', '3:0'] } },
  { id: uuid(8), node_id: '4:1', name: 'Stray', type: 'COMPONENT', props: {} },
  { id: uuid(9), node_id: '4:2', name: 'In a section', type: 'COMPONENT', props: { ancestors: ['0:9'] } },
];

export { uuid as sampleUuid };
