// Form and text section templates of the keyword generator (issue 14): sign in, sign up, contact, FAQ, and the generic
// section any other type gets. A form is a `form` block whose submit button carries a `submit` action on the form.
import type { UiAction } from '@cogo/types';
import { button, heading, input, link, node, text } from './kit';
import { block, columnLayout, type SectionContext, type SectionTemplate } from './section-context';

const id = (c: SectionContext, part: string) => `${c.sid}-${part}`;
const formLayout = (c: SectionContext) => ({ direction: 'column' as const, gap: c.kit.space('space_md'), width: 360 });
const submit = (c: SectionContext): UiAction => ({ on: 'submit', type: 'submit', target: id(c, 'form') });

const loginForm: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  blocks: [
    block(c, 'intro', 'stack', [heading(c.kit, id(c, 'heading'), c.brand ? `Sign in to ${c.brand}` : 'Sign in'), text(c.kit, id(c, 'text'), 'Welcome back. Enter your details to continue.', true)]),
    block(
      c,
      'form',
      'form',
      [
        input(c.kit, id(c, 'email'), 'email', 'Email', 'email', 'email'),
        input(c.kit, id(c, 'password'), 'password', 'Password', 'password', 'current-password'),
        button(c.kit, id(c, 'submit'), 'Sign in', submit(c)),
        link(c.kit, id(c, 'forgot'), 'Forgot password?', { on: 'click', type: 'open_url', url: '/forgot-password' }),
        link(c.kit, id(c, 'signup'), 'No account? Sign up', c.target('signup_form') !== undefined ? { on: 'click', type: 'scroll_to', target: c.target('signup_form')! } : { on: 'click', type: 'open_url', url: '/signup' }),
      ],
      formLayout(c),
    ),
  ],
});

const signupForm: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  blocks: [
    block(c, 'intro', 'stack', [heading(c.kit, id(c, 'heading'), c.brand ? `Create your ${c.brand} account` : 'Create your account')]),
    block(
      c,
      'form',
      'form',
      [
        input(c.kit, id(c, 'name'), 'name', 'Full name', 'text', 'name'),
        input(c.kit, id(c, 'email'), 'email', 'Email', 'email', 'email'),
        input(c.kit, id(c, 'password'), 'password', 'Password', 'password', 'new-password'),
        button(c.kit, id(c, 'submit'), 'Create account', submit(c)),
      ],
      formLayout(c),
    ),
  ],
});

const contact: SectionTemplate = (c) => ({
  layout: columnLayout(c),
  blocks: [
    block(c, 'intro', 'stack', [heading(c.kit, id(c, 'heading'), 'Contact us'), text(c.kit, id(c, 'text'), `Questions about ${c.brand ?? 'us'}? We answer within a day.`, true)]),
    block(
      c,
      'form',
      'form',
      [
        input(c.kit, id(c, 'name'), 'name', 'Name', 'text', 'name'),
        input(c.kit, id(c, 'email'), 'email', 'Email', 'email', 'email'),
        input(c.kit, id(c, 'message'), 'message', 'Message', 'textarea'),
        button(c.kit, id(c, 'submit'), 'Send message', submit(c)),
      ],
      formLayout(c),
    ),
  ],
});

const faq: SectionTemplate = (c) => {
  const b = c.brand ?? 'the product';
  const qa: ReadonlyArray<readonly [string, string]> = [
    [`What is ${b}?`, `${c.brand ?? 'It'} helps teams design, build and ship faster from one place.`],
    ['Is there a free plan?', 'Yes: the Starter plan is free forever, no credit card needed.'],
    ['Can I cancel anytime?', 'Yes, plans are monthly and you can cancel from your settings.'],
    ['How do I get support?', 'Write to us from the app; paid plans get priority answers.'],
  ];
  return {
    layout: columnLayout(c),
    blocks: [
      block(c, 'intro', 'stack', [heading(c.kit, id(c, 'heading'), 'Frequently asked questions')]),
      block(
        c,
        'list',
        'stack',
        qa.map(([q, a], i) => node({ id: id(c, `item-${i + 1}`), type: 'container', props: { role: 'faq_item' }, children: [heading(c.kit, id(c, `question-${i + 1}`), q, 3), text(c.kit, id(c, `answer-${i + 1}`), a, true)] })),
        { direction: 'column', gap: c.kit.space('space_md'), width: 'fill' },
      ),
    ],
  };
};

/** The form and FAQ templates, by section type. */
export const FORM_TEMPLATES: Readonly<Record<string, SectionTemplate>> = { login_form: loginForm, signup_form: signupForm, contact, faq };

/** Any other section: a heading named after its type and, for `generic`, the prompt's words. */
export function genericTemplate(title: string, body: string | undefined): SectionTemplate {
  return (c) => ({
    layout: columnLayout(c),
    blocks: [block(c, 'content', 'stack', body ? [heading(c.kit, id(c, 'heading'), title), text(c.kit, id(c, 'text'), body, true)] : [heading(c.kit, id(c, 'heading'), title)])],
  });
}
