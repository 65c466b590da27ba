import { CogoUiJsonSchema, type CogoUiJson, type UiComponentNode, type UiSection } from '@cogo/types';
import type { FeatureChild, GherkinDocument, RuleChild } from '@cucumber/messages';
import { describe, expect, it } from 'vitest';
import { buildPageModel } from './page-model';
import { parseFeature, scenariosOf } from './parse';
import { uiFeature, uiPageToBdd, uiPageToBddNode } from './from-ui';

/** A cogo_ui_json page, validated by the contract's own schema so the inputs are ones a route would accept. */
function page(name: string, sections: UiSection[]): CogoUiJson {
  return CogoUiJsonSchema.parse({ schema: 'cogo_ui_json', version: '1.0', page: { id: `${name.toLowerCase()}-page`, name, source: { kind: 'generated', generator: 'keyword' }, sections } });
}
const section = (id: string, type: string, name: string, components: UiComponentNode[]): UiSection => ({ id, type, name, blocks: [{ id: `${id}-block`, type: 'stack', components }] });

/** Generates, and checks with @cucumber/gherkin independently of the generator's own check. */
function feature(doc: CogoUiJson) {
  const out = uiFeature(doc);
  const parsed = parseFeature(out.text);
  if (!parsed.ok) throw new Error(`${parsed.error.describe()}\n${out.text}`);
  return { ...out, scenarios: scenariosOf(parsed.document), steps: (name: string) => stepsOf(parsed.document, name) };
}

/** A scenario's steps as a runner meets them: its Feature's or Rule's Background first, keywords as written. */
function stepsOf(doc: GherkinDocument, name: string): string[] {
  const text = (steps: readonly { keyword: string; text: string }[]) => steps.map((s) => `${s.keyword.trim()} ${s.text}`);
  const find = (children: readonly (FeatureChild | RuleChild)[]): string[] | null => {
    const background = children.find((c) => c.background)?.background;
    for (const c of children) {
      if (c.scenario?.name === name) return [...text(background?.steps ?? []), ...text(c.scenario.steps)];
      const inRule = 'rule' in c && c.rule ? find(c.rule.children) : null;
      if (inRule) return [...text(background?.steps ?? []), ...inRule];
    }
    return null;
  };
  const found = find(doc.feature?.children ?? []);
  if (!found) throw new Error(`no scenario named ${name}`);
  return found;
}

const LOGIN = page('Login', [
  {
    id: 'login',
    type: 'login_form',
    name: 'Sign in',
    blocks: [
      {
        id: 'login-form',
        type: 'form',
        components: [
          { id: 'title', type: 'heading', text: 'Welcome back' },
          { id: 'email', type: 'input', props: { label: 'Email', placeholder: 'you@example.com', type: 'email' } },
          { id: 'password', type: 'input', props: { name: 'password', type: 'password' } },
          { id: 'submit', type: 'button', text: 'Sign in', actions: [{ on: 'submit', type: 'navigate', target: 'dashboard' }] },
        ],
      },
    ],
  },
  section('dashboard', 'generic', 'Dashboard', [
    { id: 'hello', type: 'text', text: 'Hello, Ada' },
    { id: 'to-settings', type: 'link', text: 'Settings', actions: [{ on: 'click', type: 'navigate', target: 'settings' }] },
  ]),
  section('settings', 'generic', 'Settings', [{ id: 'settings-title', type: 'heading', text: 'Your settings' }]),
]);

describe('uiFeature: a login page', () => {
  const g = feature(LOGIN);

  it('fills Email and Password, presses "Sign in" and lands on the dashboard section', () => {
    expect(g.steps('Sign in with valid credentials')).toEqual([
      'Given I am on the "Sign in" screen',
      'When I fill "Email" with "user@example.com"',
      'And I fill "Password" with "Secret-123"',
      'And I press "Sign in"',
      'Then I see the "Dashboard" screen',
    ]);
    expect(g.stats).toMatchObject({ screens: 3, forms: 1, inputs: 2, buttons: 1, links: 1, paths: 2, journeys: 1 });
    expect(g.warnings).toEqual([]);
  });

  it('follows the journey from the first section that navigates: sign in, then on to Settings', () => {
    const journey = g.scenarios[0]!;
    expect(`${journey.keyword}: ${journey.name}`).toBe('Scenario: Follow the "Login" flow');
    expect(g.steps('Follow the "Login" flow')).toEqual([
      'Given I am on the "Sign in" screen',
      'When I fill "Email" with "user@example.com"',
      'And I fill "Password" with "Secret-123"',
      'And I press "Sign in"',
      'Then I see the "Dashboard" screen',
      'When I click "Settings"',
      'Then I see the "Settings" screen',
    ]);
  });

  it('writes the invalid-credentials outline and the dashboard link path', () => {
    expect(g.scenarios.map((s) => `${s.keyword}: ${s.name}`)).toEqual([
      'Scenario: Follow the "Login" flow',
      'Scenario: Clicking "Settings" opens the "Settings" screen',
      'Scenario: Sign in with valid credentials',
      'Scenario Outline: Sign in with invalid credentials',
    ]);
    expect(g.steps('Sign in with invalid credentials').slice(-2)).toEqual(['Then I am still on the "Sign in" screen', 'And I see an error for "<field>"']);
  });

  it('builds a CANVAS of section frames whose fields the classifier reads with their kinds', () => {
    const node = uiPageToBddNode(LOGIN);
    expect(node).toMatchObject({ id: 'login-page', type: 'CANVAS', name: 'Login', flowStartingPoints: [{ nodeId: 'login', name: 'Login' }] });
    expect(node.children!.map((c) => [c.type, c.name])).toEqual([
      ['FRAME', 'Sign in'],
      ['FRAME', 'Dashboard'],
      ['FRAME', 'Settings'],
    ]);
    const fields = buildPageModel(node).screens[0]!.elements.map((e) => [e.role, e.kind, e.label]);
    expect(fields).toEqual([
      ['input', 'email', 'Email'],
      ['input', 'password', 'Password'],
      ['button', undefined, 'Sign in'],
    ]);
  });
});

describe('uiFeature: a landing page', () => {
  const LANDING = page('Landing', [
    section('hero', 'hero', 'Hero', [
      { id: 'hero-title', type: 'heading', text: 'Ship faster' },
      { id: 'hero-cta', type: 'button', text: 'See pricing', actions: [{ on: 'click', type: 'navigate', target: 'pricing' }] },
      { id: 'hero-more', type: 'link', text: 'How it works', actions: [{ on: 'click', type: 'scroll_to', target: 'features-block' }] },
      { id: 'hero-docs', type: 'link', text: 'Docs', actions: [{ on: 'click', type: 'open_url', url: 'https://example.com/docs' }] },
    ]),
    { id: 'features', type: 'features', name: 'Features', blocks: [{ id: 'features-block', type: 'grid', name: 'Feature grid', components: [{ id: 'f1', type: 'text', text: 'Fast' }] }] },
    section('pricing', 'pricing', 'Pricing', [{ id: 'plan', type: 'card', name: 'Pro plan', children: [{ id: 'plan-price', type: 'text', text: '$10' }] }]),
  ]);
  const g = feature(LANDING);

  it('turns a CTA that navigates into a navigation scenario to that section', () => {
    expect(g.steps('Pressing "See pricing" opens the "Pricing" screen')).toEqual(['Given I am on the "Hero" screen', 'When I press "See pricing"', 'Then I see the "Pricing" screen']);
  });

  it('writes scroll_to as a scroll to the target block and open_url as a link that opens', () => {
    expect(g.scenarios.map((s) => s.name)).toEqual([
      'Pressing "See pricing" opens the "Pricing" screen',
      'Clicking "How it works" scrolls to "Feature grid"',
      'Clicking "Docs" opens "https://example.com/docs"',
    ]);
    expect(g.text).toContain('Then the screen scrolls to "Feature grid"');
    expect(g.text).toContain('Then the link "https://example.com/docs" opens');
    expect(g.warnings).toEqual([]);
  });

  it('passes maxScenarios on to the generator', () => {
    const cut = uiFeature(LANDING, { maxScenarios: 1 });
    expect(cut.stats.scenarios).toBe(1);
    expect(cut.warnings).toEqual(['2 scenario(s) left out: more than maxScenarios (1)']);
  });
});

describe('uiFeature: component mapping', () => {
  it('recognises fields by component reference, name and props, and sends a form by its container submit action', () => {
    const doc = page('Signup', [
      section('signup', 'generic', 'Sign up', [
        {
          id: 'form',
          type: 'container',
          actions: [{ on: 'submit', type: 'navigate', target: 'welcome' }],
          children: [
            { id: 'name', type: 'component', component: { name: 'TextField/Default' }, props: { name: 'first_name' } },
            { id: 'phone', type: 'component', name: 'Phone field', props: { label: 'Mobile' } },
            { id: 'plan', type: 'dropdown', props: { label: 'Plan', value: 'Pro' } },
            { id: 'terms', type: 'input', props: { type: 'checkbox', label: 'I accept the terms' } },
            { id: 'go', type: 'component', component: { name: 'Button/Primary' }, children: [{ id: 'go-label', type: 'text', text: 'Create account' }] },
          ],
        },
      ]),
      section('welcome', 'generic', 'Welcome', [{ id: 'w', type: 'heading', text: 'Welcome!' }]),
    ]);
    const model = buildPageModel(uiPageToBddNode(doc));
    expect(model.screens[0]!.elements.map((e) => [e.role, e.kind, e.label, e.value])).toEqual([
      ['input', 'text', 'First name', undefined],
      ['input', 'phone', 'Mobile', undefined],
      ['input', 'select', 'Plan', 'Pro'],
      ['input', 'checkbox', 'I accept the terms', undefined],
      ['button', undefined, 'Create account', undefined],
    ]);
    const g = feature(doc);
    expect(g.steps('Create account with valid details')).toEqual([
      'Given I am on the "Sign up" screen',
      'When I fill "First name" with "Ada"',
      'And I fill "Mobile" with "+1 555 0100"',
      'And I choose "Pro" from "Plan"',
      'And I check "I accept the terms"',
      'And I press "Create account"',
      'Then I see the "Welcome" screen',
    ]);
  });

  it('keeps a text named like a button as text, and a nav of links as navigation items', () => {
    const doc = page('Site', [
      section('top', 'navbar', 'Top bar', [
        { id: 'label', type: 'text', name: 'Submit button caption', text: 'Hello' },
        {
          id: 'nav',
          type: 'nav',
          children: [
            { id: 'n1', type: 'link', text: 'About', actions: [{ on: 'click', type: 'navigate', target: '#about' }] },
            { id: 'n2', type: 'link', text: 'Blog', props: { href: '/blog' } },
            { id: 'n3', type: 'link', text: 'Trap', props: { href: 'javascript:alert(1)' } },
          ],
        },
      ]),
      section('about-1', 'generic', 'About', []),
    ]);
    const g = feature(doc);
    expect(g.scenarios.map((s) => s.name)).toEqual(['Choosing "About" in the navigation opens the "About" screen', 'Choosing "Blog" in the navigation opens "/blog"']);
    // an unsafe href leads nowhere: the link is still one, with no path
    expect(g.stats).toMatchObject({ inputs: 0, buttons: 0, links: 3, paths: 2 });
    expect(g.text).not.toContain('javascript');
  });

  it('reports actions that lead nowhere a user sees, and targets not on the page', () => {
    const doc = page('Odd', [
      section('s', 'generic', 'Start', [
        { id: 'box', type: 'container', actions: [{ on: 'submit', type: 'navigate', target: 's' }], children: [{ id: 't', type: 'text', text: 'No button here' }] },
        { id: 'load', type: 'container', actions: [{ on: 'load', type: 'navigate', target: 's' }] },
        { id: 'away', type: 'button', text: 'Elsewhere', actions: [{ on: 'click', type: 'navigate', target: 'other-page' }] },
      ]),
    ]);
    const { warnings } = uiPageToBdd(doc);
    expect(warnings).toEqual([
      'page.sections[0].blocks[0].components[0]: a submit action on a node with no button to press, left out',
      'page.sections[0].blocks[0].components[1].actions[0]: an on "load" action is no user path, left out',
    ]);
    const g = feature(doc);
    expect(g.warnings).toEqual([...warnings, 'prototype links to 1 node(s) not on this page: other-page']);
    expect(g.text).toContain('Then I see the "other-page" screen');
  });
});

describe('uiFeature: an empty page', () => {
  it('gives a feature with no scenarios and says why, without throwing', () => {
    const g = feature(page('Empty', []));
    expect(g.scenarios).toEqual([]);
    expect(g.stats).toMatchObject({ screens: 0, scenarios: 0 });
    expect(g.warnings).toEqual(['no screens: the page has no top-level frames']);
    expect(g.text).toMatch(/^@figma\nFeature: Empty/);
  });
});
