/**
 * The model's answer in bench/chat-design.ts: a realistic landing page as a model writes it for the design chat — a
 * cogo_ui_json document (navbar, hero, features, pricing, cta; 43 component nodes, ~7 KB, ~1,700 tokens) that uses the sample
 * storefront's stored components (`Button`, `Badge`, `Product Card`, `Icon/Cart`: the Figma fake's sample file,
 * extracted through the API) and its tokens (variables/derive of the same file), minified as a JSON-mode answer is.
 */
import { UI_JSON_VERSION, type CogoUiJson, type UiComponentNode } from '../../packages/types/src/ui-json';

type Section = CogoUiJson['page']['sections'][number];

/** The stored component names the page uses (COMPONENT_SET / COMPONENT rows of the sample file). */
export const PAGE_COMPONENTS = { button: 'Button', badge: 'Badge', card: 'Product Card', icon: 'Icon/Cart' } as const;

const C = PAGE_COMPONENTS;
const heading = (id: string, text: string, level: number): UiComponentNode => ({ id, type: 'heading', text, props: { level } });
const text = (id: string, t: string): UiComponentNode => ({ id, type: 'text', text: t, style: { color: '{color.text.muted}' } });
const button = (id: string, label: string, variant: 'Primary' | 'Secondary', action: UiComponentNode['actions']): UiComponentNode => ({
  id,
  type: 'button',
  text: label,
  component: { name: C.button },
  props: { variant },
  actions: action,
});

function feature(n: number, title: string, body: string): UiComponentNode {
  return {
    id: `feature-${n}`,
    type: 'card',
    style: { background: '{color.surface.raised}', borderRadius: '{radius.md}' },
    children: [{ id: `feature-${n}-icon`, type: 'icon', component: { name: C.icon } }, heading(`feature-${n}-title`, title, 3), text(`feature-${n}-text`, body)],
  };
}

function plan(id: string, name: string, price: string, perks: string[], featured: boolean): UiComponentNode {
  return {
    id: `plan-${id}`,
    type: 'card',
    component: { name: C.card },
    style: { background: featured ? '{color.surface.raised}' : '{color.surface.default}' },
    children: [
      ...(featured ? [{ id: `plan-${id}-badge`, type: 'badge', text: 'Most popular', component: { name: C.badge } }] : []),
      heading(`plan-${id}-name`, name, 3),
      { id: `plan-${id}-price`, type: 'text', text: price, style: { fontSize: 32 } },
      { id: `plan-${id}-perks`, type: 'list', props: { items: perks.join(' · ') } },
      button(`plan-${id}-cta`, featured ? 'Start 14-day trial' : 'Choose plan', featured ? 'Primary' : 'Secondary', [{ on: 'click', type: 'navigate', target: 'signup' }]),
    ],
  };
}

const SECTIONS: Section[] = [
  {
    id: 'navbar',
    type: 'navbar',
    name: 'Navigation',
    layout: { direction: 'row', justify: 'between', align: 'center', padding: '{space.md}' },
    style: { background: '{color.surface.default}', borderColor: '{color.border.subtle}' },
    blocks: [
      {
        id: 'navbar-links',
        type: 'stack',
        layout: { direction: 'row', gap: '{space.lg}', align: 'center' },
        components: [
          { id: 'nav-logo', type: 'image', name: 'Acme Cloud logo', props: { alt: 'Acme Cloud', src: '/brand/logo.svg' } },
          { id: 'nav-features', type: 'link', text: 'Features', actions: [{ on: 'click', type: 'scroll_to', target: 'features' }] },
          { id: 'nav-pricing', type: 'link', text: 'Pricing', actions: [{ on: 'click', type: 'scroll_to', target: 'pricing' }] },
          button('nav-signup', 'Sign up', 'Primary', [{ on: 'click', type: 'navigate', target: 'signup' }]),
        ],
      },
    ],
  },
  {
    id: 'hero',
    type: 'hero',
    name: 'Hero',
    layout: { direction: 'column', gap: '{space.lg}', padding: 96, align: 'center' },
    style: { background: '{color.surface.default}' },
    blocks: [
      {
        id: 'hero-main',
        type: 'stack',
        layout: { direction: 'column', gap: '{space.md}', align: 'center' },
        components: [
          { id: 'hero-badge', type: 'badge', text: 'New: edge regions in 30 cities', component: { name: C.badge } },
          heading('hero-title', 'Ship your storefront to every continent in minutes', 1),
          text('hero-subtitle', 'Acme Cloud deploys, scales and secures your shop on a global edge network.'),
          {
            id: 'hero-actions',
            type: 'container',
            layout: { direction: 'row', gap: '{space.sm}' },
            children: [
              button('hero-cta', 'Start free', 'Primary', [{ on: 'click', type: 'scroll_to', target: 'pricing' }]),
              button('hero-demo', 'Book a demo', 'Secondary', [{ on: 'click', type: 'open_url', url: 'https://acme.example/demo' }]),
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'features',
    type: 'features',
    name: 'Features',
    layout: { direction: 'column', gap: '{space.lg}', padding: 80 },
    style: { background: '{color.surface.default}' },
    blocks: [
      { id: 'features-intro', type: 'stack', layout: { direction: 'column', gap: '{space.sm}', align: 'center' }, components: [heading('features-title', 'Everything a growing shop needs', 2)] },
      {
        id: 'features-grid',
        type: 'grid',
        layout: { columns: 3, gap: '{space.lg}' },
        components: [
          feature(1, 'Global edge', 'Pages render in the region closest to each shopper, under 50 ms.'),
          feature(2, 'Checkout that scales', 'Carts and payments absorb launch-day spikes with no warm-up.'),
          feature(3, 'Built-in security', 'TLS, bot protection and PCI-ready isolation on every plan.'),
        ],
      },
    ],
  },
  {
    id: 'pricing',
    type: 'pricing',
    name: 'Pricing',
    layout: { direction: 'column', gap: '{space.lg}', padding: 80, align: 'center' },
    style: { background: '{color.surface.raised}' },
    blocks: [
      { id: 'pricing-intro', type: 'stack', layout: { direction: 'column', gap: '{space.sm}', align: 'center' }, components: [heading('pricing-title', 'Simple pricing that grows with you', 2)] },
      {
        id: 'pricing-plans',
        type: 'grid',
        layout: { columns: 3, gap: '{space.lg}' },
        components: [
          plan('starter', 'Starter', '€0 / month', ['1 store', '10k visits', 'Community support'], false),
          plan('growth', 'Growth', '€49 / month', ['3 stores', '500k visits', 'Analytics', 'Email support'], true),
          plan('scale', 'Scale', '€299 / month', ['Unlimited stores', '10M visits', 'SLA 99.99 %', 'Dedicated engineer'], false),
        ],
      },
    ],
  },
  {
    id: 'cta',
    type: 'cta',
    name: 'Call to action',
    layout: { direction: 'column', gap: '{space.md}', padding: 64, align: 'center' },
    style: { background: '{color.brand.primary}' },
    blocks: [
      {
        id: 'cta-main',
        type: 'stack',
        layout: { direction: 'column', gap: '{space.md}', align: 'center' },
        components: [
          { id: 'cta-title', type: 'heading', text: 'Launch your store on Acme Cloud today', props: { level: 2 }, style: { color: '{color.surface.default}' } },
          { id: 'cta-text', type: 'text', text: 'Free for your first store. No credit card needed.', style: { color: '{color.surface.raised}' } },
          button('signup', 'Create your account', 'Secondary', [{ on: 'click', type: 'navigate', target: 'signup' }]),
        ],
      },
    ],
  },
];

/** The page as a document. */
export function landingPage(): CogoUiJson {
  return { schema: 'cogo_ui_json', version: UI_JSON_VERSION, page: { id: 'page-1', name: 'Acme Cloud — landing', source: { kind: 'generated', generator: 'llm' }, sections: SECTIONS } };
}

/** Component nodes of every level in the page (sections and blocks not counted). */
export function componentCount(doc: CogoUiJson): number {
  const count = (nodes: UiComponentNode[] | undefined): number => (nodes ?? []).reduce((n, c) => n + 1 + count(c.children), 0);
  return doc.page.sections.reduce((n, s) => n + s.blocks.reduce((m, b) => m + count(b.components), 0), 0);
}
