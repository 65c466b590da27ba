// Section templates of the keyword generator (issue 14): what a hero, a call to action, a features grid, a pricing
// table… is made of, in generic blocks (kit.ts fills in the project's components and tokens). Ids are the section's
// id plus the part's role (`hero-1-heading`), so the same prompt gives the same page.
import { button, card, container, goTo, heading, image, link, node, text } from './kit';
import { block, columnLayout, type SectionContext, type SectionTemplate } from './section-context';
import { FORM_TEMPLATES } from './templates-forms';

const id = (c: SectionContext, part: string) => `${c.sid}-${part}`;
const who = (c: SectionContext) => c.brand ?? 'our product';
const titleOf = (type: string) => type.replace(/[_-]+/g, ' ').replace(/^\w/, (ch) => ch.toUpperCase());
const signupTarget = (c: SectionContext) => c.target('signup_form') ?? c.target('pricing') ?? c.target('cta') ?? c.target('login_form');

const navbar: SectionTemplate = (c) => {
  const links = ['features', 'pricing', 'testimonials', 'faq', 'contact']
    .filter((t) => c.target(t) !== undefined)
    .slice(0, 4)
    .map((t) => link(c.kit, id(c, `link-${t}`), titleOf(t), goTo(c.target(t), `#${t}`)));
  const bar = node({
    id: id(c, 'bar'),
    type: 'navbar',
    component: c.kit.ref('navbar'),
    layout: { direction: 'row', justify: 'between', align: 'center', gap: c.kit.space('space_md'), width: 'fill' },
    children: [
      node({ id: id(c, 'logo'), type: 'text', text: c.brand ?? 'Logo', props: { role: 'logo' }, style: c.kit.style({ color: 'text' }) }),
      container(id(c, 'links'), links.length ? links : [link(c.kit, id(c, 'link-home'), 'Home', { on: 'click', type: 'open_url', url: '/' })], { direction: 'row', gap: c.kit.space('space_md') }),
      button(c.kit, id(c, 'cta'), 'Get started', goTo(signupTarget(c), '/signup')),
    ],
  });
  return { layout: { direction: 'row', padding: c.kit.space('space_md'), width: 'fill' }, style: c.kit.style({ background: 'background', borderColor: 'border' }), blocks: [block(c, 'main', 'stack', [bar])] };
};

const hero: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  blocks: [
    block(c, 'content', 'stack', [
      heading(c.kit, id(c, 'heading'), c.brand ? `${c.brand}: build and launch faster` : 'Build and launch faster', 1),
      text(c.kit, id(c, 'subheading'), `${c.brand ?? 'Our product'} gives your team one place to design, build and ship — without the busywork.`, true),
      container(id(c, 'actions'), [button(c.kit, id(c, 'primary'), 'Get started', goTo(signupTarget(c), '/signup')), button(c.kit, id(c, 'secondary'), 'Learn more', goTo(c.target('features'), '#features'), 'secondary')], {
        direction: 'row',
        gap: c.kit.space('space_md'),
      }),
    ], { direction: 'column', gap: c.kit.space('space_md'), align: 'center' }),
    block(c, 'media', 'media', [image(c.kit, id(c, 'image'), `${c.brand ?? 'Product'} preview`)]),
  ],
});

const FEATURES: ReadonlyArray<readonly [string, string]> = [
  ['Fast', 'Pages load in a blink and changes ship in minutes.'],
  ['Secure', 'Single sign-on, roles and audit logs come built in.'],
  ['Scales with you', 'From the first user to the millionth, nothing to re-platform.'],
];

const features: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  blocks: [
    block(c, 'intro', 'stack', [heading(c.kit, id(c, 'heading'), c.brand ? `Why ${c.brand}` : 'Features'), text(c.kit, id(c, 'text'), `Everything you need from ${who(c)}, nothing you don't.`, true)]),
    block(
      c,
      'grid',
      'grid',
      FEATURES.map(([title, body], i) =>
        card(c.kit, id(c, `card-${i + 1}`), [node({ id: id(c, `icon-${i + 1}`), type: 'icon', component: c.kit.ref('icon'), props: { name: ['zap', 'shield', 'trending-up'][i]! } }), heading(c.kit, id(c, `title-${i + 1}`), title, 3), text(c.kit, id(c, `body-${i + 1}`), body, true)], ['feature']),
      ),
      { columns: 3, gap: c.kit.space('space_lg') },
    ),
  ],
});

const cta: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  style: c.kit.style({ background: 'surface' }),
  blocks: [
    block(c, 'content', 'stack', [
      heading(c.kit, id(c, 'heading'), c.brand ? `Ready to try ${c.brand}?` : 'Ready to get started?'),
      text(c.kit, id(c, 'text'), 'Start free — no credit card needed.', true),
      button(c.kit, id(c, 'button'), 'Get started', goTo(c.target('signup_form') ?? c.target('pricing'), '/signup'), 'primary', ['cta']),
    ], { direction: 'column', gap: c.kit.space('space_md'), align: 'center' }),
  ],
});

const PLANS: ReadonlyArray<{ key: string; name: string; price: string; items: string[]; cta: string }> = [
  { key: 'starter', name: 'Starter', price: '$0 / month', items: ['1 project', 'Community support', 'Basic analytics'], cta: 'Start free' },
  { key: 'pro', name: 'Pro', price: '$29 / month', items: ['Unlimited projects', 'Priority support', 'Advanced analytics'], cta: 'Choose Pro' },
  { key: 'enterprise', name: 'Enterprise', price: 'Custom', items: ['SSO and audit logs', 'Dedicated manager', 'Uptime SLA'], cta: 'Contact sales' },
];

const pricing: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  blocks: [
    block(c, 'intro', 'stack', [heading(c.kit, id(c, 'heading'), c.brand ? `${c.brand} pricing` : 'Pricing'), text(c.kit, id(c, 'text'), 'Simple plans that grow with you.', true)]),
    block(
      c,
      'plans',
      'grid',
      PLANS.map((p) =>
        card(
          c.kit,
          id(c, p.key),
          [
            heading(c.kit, id(c, `${p.key}-name`), p.name, 3),
            node({ id: id(c, `${p.key}-price`), type: 'text', text: p.price, props: { role: 'price' }, style: c.kit.style({ color: 'text' }) }),
            node({ id: id(c, `${p.key}-features`), type: 'list', children: p.items.map((item, i) => text(c.kit, id(c, `${p.key}-feature-${i + 1}`), item)) }),
            button(c.kit, id(c, `${p.key}-button`), p.cta, { on: 'click', type: 'open_url', url: p.key === 'enterprise' ? '/contact' : `/signup?plan=${p.key}` }, p.key === 'pro' ? 'primary' : 'secondary'),
          ],
          ['pricing', 'plan', 'price'],
          { plan: p.key, highlighted: p.key === 'pro' },
        ),
      ),
      { columns: 3, gap: c.kit.space('space_lg') },
    ),
  ],
});

const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['We shipped our new site in a week.', 'Sam Lee, Head of Product'],
  ['The team finally works from one source of truth.', 'Priya Shah, Design Lead'],
  ['Setup took an afternoon; the results showed the same month.', 'Jordan Diaz, CTO'],
];

const testimonials: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  blocks: [
    block(c, 'intro', 'stack', [heading(c.kit, id(c, 'heading'), 'What our customers say')]),
    block(
      c,
      'grid',
      'grid',
      QUOTES.map(([quote, by], i) =>
        card(c.kit, id(c, `card-${i + 1}`), [text(c.kit, id(c, `quote-${i + 1}`), `“${quote}”`), image(c.kit, id(c, `avatar-${i + 1}`), by, '1:1', 'avatar'), text(c.kit, id(c, `author-${i + 1}`), by, true)], ['testimonial', 'quote', 'review']),
      ),
      { columns: 3, gap: c.kit.space('space_lg') },
    ),
  ],
});

const stats: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  blocks: [
    block(
      c,
      'grid',
      'grid',
      ([['10k+', 'teams'], ['99.99%', 'uptime'], ['4.9/5', 'average rating']] as const).map(([value, label], i) =>
        container(id(c, `stat-${i + 1}`), [heading(c.kit, id(c, `value-${i + 1}`), value, 3), text(c.kit, id(c, `label-${i + 1}`), label, true)], { direction: 'column', align: 'center' }),
      ),
      { columns: 3, gap: c.kit.space('space_lg') },
    ),
  ],
});

const team: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  blocks: [
    block(c, 'intro', 'stack', [heading(c.kit, id(c, 'heading'), c.brand ? `The ${c.brand} team` : 'Meet the team')]),
    block(
      c,
      'grid',
      'grid',
      ([['Alex Kim', 'Founder & CEO'], ['Maria Rossi', 'Head of Design'], ['Tom Becker', 'Lead Engineer'], ['Aisha Bello', 'Customer Success']] as const).map(([name, role], i) =>
        card(c.kit, id(c, `member-${i + 1}`), [image(c.kit, id(c, `photo-${i + 1}`), name, '1:1', 'avatar'), heading(c.kit, id(c, `name-${i + 1}`), name, 3), text(c.kit, id(c, `role-${i + 1}`), role, true)], ['team', 'profile', 'member']),
      ),
      { columns: 4, gap: c.kit.space('space_lg') },
    ),
  ],
});

const gallery: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  blocks: [
    block(c, 'intro', 'stack', [heading(c.kit, id(c, 'heading'), 'Gallery')]),
    block(
      c,
      'grid',
      'grid',
      [1, 2, 3, 4, 5, 6].map((n) => image(c.kit, id(c, `image-${n}`), `${c.brand ?? 'Gallery'} image ${n}`, '4:3')),
      { columns: 3, gap: c.kit.space('space_md') },
    ),
  ],
});

const footer: SectionTemplate = (c) => ({
  layout: { direction: 'row', justify: 'between', align: 'center', padding: c.kit.space('space_lg'), width: 'fill' },
  style: c.kit.style({ background: 'surface', borderColor: 'border' }),
  blocks: [
    block(c, 'main', 'stack', [
      node({
        id: id(c, 'bar'),
        type: 'footer',
        component: c.kit.ref('footer'),
        layout: { direction: 'row', justify: 'between', align: 'center', width: 'fill' },
        children: [
          text(c.kit, id(c, 'copyright'), `© ${c.brand ?? 'Company'}. All rights reserved.`, true),
          container(id(c, 'links'), [
            link(c.kit, id(c, 'privacy'), 'Privacy', { on: 'click', type: 'open_url', url: '/privacy' }),
            link(c.kit, id(c, 'terms'), 'Terms', { on: 'click', type: 'open_url', url: '/terms' }),
            link(c.kit, id(c, 'contact'), 'Contact', goTo(c.target('contact'), '/contact')),
          ], { direction: 'row', gap: c.kit.space('space_md') }),
        ],
      }),
    ]),
  ],
});

/** Section types with a template (others get the generic one, named after their type). */
export const SECTION_TEMPLATES: Readonly<Record<string, SectionTemplate>> = { navbar, hero, features, cta, pricing, testimonials, stats, team, gallery, footer, ...FORM_TEMPLATES };
