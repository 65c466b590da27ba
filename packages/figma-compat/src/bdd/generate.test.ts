import { describe, expect, it } from 'vitest';
import { LOGIN_PAGE, SAMPLE_COMPONENT_INDEX, SETTINGS_PAGE } from '../samples/bdd-pages';
import type { FigmaNode } from './figma-node';
import { generateFeature } from './generate';
import { parseFeature, scenariosOf } from './parse';

/** Generates, and checks with @cucumber/gherkin independently of the generator's own check. */
function generate(page: FigmaNode, options = SAMPLE_COMPONENT_INDEX) {
  const out = generateFeature(page, options);
  const parsed = parseFeature(out.text);
  if (!parsed.ok) throw new Error(`${parsed.error.describe()}\n${out.text}`);
  return { ...out, scenarios: scenariosOf(parsed.document), ast: parsed.document };
}

describe('generateFeature: the login sample', () => {
  const g = generate(LOGIN_PAGE);

  it('writes one scenario per user path, a journey for the flow, and an outline per sending form', () => {
    expect(g.scenarios.map((s) => `${s.keyword}: ${s.name}`)).toEqual([
      'Scenario: Follow the "Sign-in flow" flow',
      'Scenario: Clicking "Docs" opens "https://example.com/docs"',
      'Scenario: Pressing "Close" closes the overlay',
      'Scenario: Sign in with valid credentials',
      'Scenario Outline: Sign in with invalid credentials',
      'Scenario: Clicking "Forgot password?" opens the "Reset password" screen',
      'Scenario: Clicking "Read the \\"terms\\" first" opens "https://example.com/terms?a=1|b"',
      'Scenario: Choosing "Profile" in the navigation opens the "Profile" screen',
      'Scenario: Choosing "Help" in the navigation opens the "Help" overlay',
      'Scenario: Pressing "Back" returns to the previous screen',
      'Scenario: Send link with valid details',
      'Scenario Outline: Send link with invalid details',
    ]);
    expect(g.stats).toEqual({ screens: 5, forms: 2, inputs: 4, buttons: 4, links: 5, paths: 9, scenarios: 12, outlines: 2, journeys: 1 });
    expect(g.warnings).toEqual([]);
  });

  it('fills the form before pressing its button, with values that fit each field', () => {
    expect(g.text).toContain(
      [
        '    @form',
        '    Scenario: Sign in with valid credentials',
        '      When I fill "Email" with "user@example.com"',
        '      And I fill "Password" with "Secret-123"',
        '      And I check "Remember me"',
        '      And I press "Sign in"',
        '      Then I see the "Dashboard" screen',
      ].join('\n'),
    );
  });

  it('tries the form with one wrong field at a time in a Scenario Outline', () => {
    expect(g.text).toContain(
      [
        '      Then I am still on the "Login" screen',
        '      And I see an error for "<field>"',
        '',
        '      Examples: one field wrong at a time',
        '        | email            | password   | field    |',
        '        |                  | Secret-123 | Email    |',
        '        | not-an-email     | Secret-123 | Email    |',
        '        | user@example.com |            | Password |',
      ].join('\n'),
    );
    const outline = g.scenarios.find((s) => s.keyword === 'Scenario Outline' && s.name.startsWith('Sign in'));
    expect(outline?.examples).toBe(3);
  });

  it('groups scenarios by the screen they start on: a Rule with a Background each', () => {
    const rules = g.ast.feature!.children.filter((c) => c.rule).map((c) => [c.rule!.name, c.rule!.children[0]!.background?.steps[0]?.text]);
    expect(rules).toEqual([
      ['On the "Login" screen', 'I am on the "Login" screen'],
      ['On the "Dashboard" screen', 'I am on the "Dashboard" screen'],
      ['On the "Reset password" screen', 'I am on the "Reset password" screen'],
    ]);
    // screens starting a single scenario keep their Given, at the Feature level
    expect(g.text).toContain('  @path\n  Scenario: Pressing "Close" closes the overlay\n    Given I am on the "Help" screen\n    When I press "Close"\n    Then the overlay closes');
  });

  it('follows the prototype flow from its starting screen through the screens each one links to', () => {
    const journey = g.ast.feature!.children[0]!.scenario!;
    expect(journey.tags.map((t) => t.name)).toEqual(['@journey']);
    expect(journey.steps.map((s) => `${s.keyword.trim()} ${s.text}`)).toEqual([
      'Given I am on the "Login" screen',
      'When I fill "Email" with "user@example.com"',
      'And I fill "Password" with "Secret-123"',
      'And I check "Remember me"',
      'And I press "Sign in"',
      'Then I see the "Dashboard" screen',
      'When I choose "Profile" in the navigation',
      'Then I see the "Profile" screen',
    ]);
  });

  it('leaves out hidden layers', () => {
    expect(g.text).not.toContain('Never shown');
  });

  it('is deterministic: the same page gives the same text', () => {
    expect(generateFeature(structuredClone(LOGIN_PAGE), SAMPLE_COMPONENT_INDEX).text).toBe(g.text);
  });

  it('summarises the page for a refine prompt', () => {
    expect(g.summary.screens[0]).toEqual({
      id: '1:1',
      name: 'Login',
      fields: ['Email (email)', 'Password (password)', 'Remember me (checkbox)'],
      buttons: ['Sign in'],
      links: ['Forgot password?', 'Read the "terms" first'],
      navigation: [],
    });
    expect(g.summary.paths[0]).toEqual({ from: 'Login', when: 'I press "Sign in"', then: ['I see the "Dashboard" screen'] });
    expect(g.summary.flows).toEqual([{ name: 'Sign-in flow', start: 'Login' }]);
  });
});

describe('generateFeature: the settings sample (a form the prototype does not link)', () => {
  it('fills and saves the form without leaving the screen, under one Background', () => {
    expect(generate(SETTINGS_PAGE).text).toBe(`@figma
Feature: Settings
  Generated from the Figma page "Settings" (0:2): 1 screen(s), 1 form(s), 0 user path(s).

  Background:
    Given I am on the "Settings" screen

  @form @unlinked
  Scenario: Save the "Settings" form
    When I turn on "Email notifications"
    And I choose "English" from "Language"
    And I fill "Display name" with "Ada Lovelace"
    And I press "Save"
    Then I am still on the "Settings" screen

  @form @unlinked @invalid-data
  Scenario Outline: Save with invalid details
    When I turn on "Email notifications"
    And I choose "English" from "Language"
    And I fill "Display name" with "<display_name>"
    And I press "Save"
    Then I am still on the "Settings" screen
    And I see an error for "<field>"

    Examples: one field wrong at a time
      | display_name | field        |
      |              | Display name |
`);
  });

  it('without the components map, only instances whose own names say what they are are recognised', () => {
    const g = generate(SETTINGS_PAGE, {});
    // "Language" is an instance of "Dropdown": only the components map tells
    expect(g.stats.inputs).toBe(2);
    expect(g.text).not.toContain('"Language"');
    expect(g.text).toContain('When I turn on "Email notifications"\n    And I fill "Display name" with "Ada Lovelace"\n    And I press "Save"');
  });
});

const T = (id: string, characters: string, extra: Partial<FigmaNode> = {}): FigmaNode => ({ id, type: 'TEXT', name: characters, characters, ...extra });
const frame = (id: string, name: string, children: FigmaNode[], extra: Partial<FigmaNode> = {}): FigmaNode => ({ id, type: 'FRAME', name, children, ...extra });
const page = (children: FigmaNode[], name = 'Prototype'): FigmaNode => ({ id: '0:9', type: 'CANVAS', name, children });

describe('generateFeature: every trigger and action a step can name', () => {
  const g = generate(
    page([
      frame('1:1', 'Splash', [T('1:2', 'Loading')], { interactions: [{ trigger: { type: 'AFTER_TIMEOUT', timeout: 2000 }, actions: [{ type: 'NODE', destinationId: '2:1', navigation: 'NAVIGATE' }] }] }),
      frame('2:1', 'Home', [
        T('2:2', 'Menu', { interactions: [{ trigger: { type: 'ON_HOVER' }, actions: [{ type: 'NODE', destinationId: '3:1', navigation: 'OVERLAY' }] }] }),
        T('2:3', 'Pricing', { interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId: '2:9', navigation: 'SCROLL_TO' }] }] }),
        T('2:4', 'Toggle', { interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId: '9:2', navigation: 'CHANGE_TO' }] }] }),
        T('2:5', 'Old link', { transitionNodeID: '3:1' }),
        T('2:6', 'Dead link', { interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId: null, navigation: 'NAVIGATE' }] }] }),
        T('2:7', 'Elsewhere', { interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId: '77:1', navigation: 'NAVIGATE' }] }] }),
        T('2:8', 'Maybe', {
          interactions: [
            {
              trigger: { type: 'ON_CLICK' },
              actions: [{ type: 'CONDITIONAL', conditionalBlocks: [{ actions: [{ type: 'NODE', destinationId: '3:1', navigation: 'NAVIGATE' }] }, { actions: [{ type: 'BACK' }] }] }],
            },
          ],
        }),
        frame('2:9', 'Pricing table', [T('2:10', 'Plans')]),
        { id: '9:1', type: 'INSTANCE', name: 'Switch', children: [], interactions: [{ trigger: { type: 'ON_KEY_DOWN', keyCodes: [13] }, actions: [{ type: 'CLOSE' }] }] },
        T('2:11', 'Drag me', { interactions: [{ trigger: { type: 'ON_DRAG' }, actions: [{ type: 'URL', url: 'https://example.com' }] }, { trigger: null, actions: [{ type: 'BACK' }] }] }),
      ]),
      frame('3:1', 'Menu overlay', [T('3:2', 'Item')]),
    ]),
    {},
  );

  it.each([
    ['AFTER_TIMEOUT on a screen', 'When I wait 2 seconds', 'Then I see the "Home" screen'],
    ['ON_HOVER → OVERLAY', 'When I hover over "Menu"', 'Then I see the "Menu overlay" overlay'],
    ['SCROLL_TO', 'When I click "Pricing"', 'Then the screen scrolls to "Pricing table"'],
    ['CHANGE_TO to a node not on the page', 'When I click "Toggle"', 'Then "Toggle" changes to "9:2"'],
    ['legacy transitionNodeID', 'When I click "Old link"', 'Then I see the "Menu overlay" screen'],
    ['a destination on another page', 'When I click "Elsewhere"', 'Then I see the "77:1" screen'],
    ['ON_KEY_DOWN → CLOSE', 'When I press the "Enter" key', 'Then the overlay closes'],
    ['ON_DRAG → URL', 'When I drag "Drag me"', 'Then the link "https://example.com" opens'],
  ])('%s', (_what, when, then) => {
    expect(g.text).toMatch(new RegExp(`${escape(when)}\\n\\s+${escape(then)}`));
  });

  it('a CONDITIONAL gives one scenario per block that leads somewhere', () => {
    expect(g.scenarios.map((s) => s.name).filter((n) => n.includes('"Maybe"'))).toEqual([
      'Clicking "Maybe" opens the "Menu overlay" screen (case 1 of 2)',
      'Clicking "Maybe" returns to the previous screen (case 2 of 2)',
    ]);
  });

  it('leaves out a link with no destination and a trigger-less interaction, and warns of missing nodes', () => {
    expect(g.text).not.toContain('Dead link');
    expect(g.scenarios.filter((s) => s.name.includes('Drag me'))).toHaveLength(1);
    expect(g.warnings).toEqual(['prototype links to 2 node(s) not on this page: 9:2, 77:1']);
  });
});

describe('generateFeature: names that could break Gherkin', () => {
  it('keeps every name on one line and quoted values escaped, so the text parses and reads back', () => {
    const nasty = 'Scenario: "x" | #y\n@z \\ end';
    const g = generate(
      page(
        [
          frame('1:1', nasty, [
            { id: '1:2', type: 'INSTANCE', name: 'Input', strokes: [{ visible: true }], children: [T('1:3', 'you@example.com')] },
            { id: '1:4', type: 'INSTANCE', name: 'Button', children: [T('1:5', 'Go "now" | #1')], interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId: '2:1', navigation: 'NAVIGATE' }] }] },
          ]),
          frame('2:1', '# Done', [T('2:2', 'ok')]),
        ],
        '@Feature: page | "one"\ntwo',
      ),
      {},
    );
    const scenario = g.ast.feature!.children.find((c) => c.scenario)!.scenario!;
    expect(g.ast.feature!.name).toBe('@Feature: page | "one" two');
    expect(scenario.steps.map((s) => s.text)).toEqual([
      'I fill "Email" with "user@example.com"',
      'I press "Go \\"now\\" | #1"',
      'I see the "# Done" screen',
    ]);
    expect(g.ast.feature!.children[0]!.background!.steps[0]!.text).toBe('I am on the "Scenario: \\"x\\" | #y @z \\\\ end" screen');
  });
});

describe('generateFeature: table cells', () => {
  it('escapes | and \\ in Examples cells, which read back as they were', () => {
    const label = 'Name | alias \\ id';
    const g = generate(
      page([
        frame('1:1', 'Form', [
          T('1:2', label),
          { id: '1:3', type: 'INSTANCE', name: 'Input', strokes: [{ visible: true }], children: [T('1:4', 'Enter it')] },
          { id: '1:5', type: 'INSTANCE', name: 'Button', children: [T('1:6', 'Save')], interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId: '2:1', navigation: 'NAVIGATE' }] }] },
        ]),
        frame('2:1', 'Saved', []),
      ]),
      {},
    );
    expect(g.text).toContain('| name_alias_id | field               |');
    expect(g.text).toContain('|               | Name \\| alias \\\\ id |');
    const outline = g.ast.feature!.children.map((c) => c.scenario).find((s) => s?.examples.length);
    expect(outline!.examples[0]!.tableBody[0]!.cells.map((c) => c.value)).toEqual(['', label]);
  });
});

describe('generateFeature: pages with little in them', () => {
  it('a page without frames gives a Feature without scenarios, and says why', () => {
    const g = generate(page([T('1:1', 'Loose text')], 'Empty'));
    expect(g.scenarios).toEqual([]);
    expect(g.warnings).toEqual(['no screens: the page has no top-level frames']);
  });

  it('screens without paths or forms get one scenario each that looks at them; shared names get the id', () => {
    const g = generate(page([frame('1:1', 'Desktop', [T('1:2', 'Hello'), T('1:3', 'World')]), frame('2:1', 'Desktop', []), { id: '3:0', type: 'SECTION', name: 'S', children: [frame('3:1', 'In a section', [])] }]));
    expect(g.text).toContain('  Scenario: See the "Desktop (1:1)" screen\n    Given I am on the "Desktop (1:1)" screen\n    Then I see "Hello"\n    And I see "World"');
    expect(g.scenarios.map((s) => s.name)).toEqual(['See the "Desktop (1:1)" screen', 'See the "Desktop (2:1)" screen', 'See the "In a section" screen']);
  });

  it('a single frame passed as the page is its one screen', () => {
    const g = generate(frame('1:1', 'Lonely', [T('1:2', 'Hi')]));
    expect(g.stats.screens).toBe(1);
    expect(g.text).toContain('Then I see "Hi"');
  });

  it('maxScenarios cuts the scenarios and says so', () => {
    const g = generate(LOGIN_PAGE, { ...SAMPLE_COMPONENT_INDEX, maxScenarios: 3 } as never);
    expect(g.scenarios).toHaveLength(3);
    expect(g.warnings).toEqual(['9 scenario(s) left out: more than maxScenarios (3)']);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
