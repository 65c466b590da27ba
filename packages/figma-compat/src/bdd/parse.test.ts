import { describe, expect, it } from 'vitest';
import { FeatureParseError, parseFeature, scenariosOf } from './parse';

const VALID = `@figma
Feature: Sign in
  Rule: On the "Login" screen
    Background:
      Given I am on the "Login" screen

    Scenario Outline: Sign in with invalid credentials
      When I fill "Email" with "<email>"
      Then I see an error for "<field>"

      Examples:
        | email        | field |
        | not-an-email | Email |
        |              | Email |

  Scenario: Quoted \\"values\\"
    Given I am on the "Login" screen
`;

describe('parseFeature', () => {
  it('returns the @cucumber/gherkin AST of a valid feature', () => {
    const parsed = parseFeature(VALID);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.document.feature?.name).toBe('Sign in');
    expect(parsed.document.feature?.tags.map((t) => t.name)).toEqual(['@figma']);
    expect(scenariosOf(parsed.document)).toEqual([
      { name: 'Sign in with invalid credentials', keyword: 'Scenario Outline', line: 7, tags: [], steps: 2, examples: 2 },
      { name: 'Quoted \\"values\\"', keyword: 'Scenario', line: 16, tags: [], steps: 1, examples: 0 },
    ]);
  });

  it('gives the line and column of an unexpected line, without the parser prefix in the message', () => {
    const parsed = parseFeature('Feature: x\n  Scenario: a\n    Given ok\n  this is prose\n');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toBeInstanceOf(FeatureParseError);
    expect(parsed.error.code).toBe('BDD_GHERKIN_INVALID');
    expect([parsed.error.line, parsed.error.column]).toEqual([4, 3]);
    expect(parsed.error.message).toMatch(/^expected: .*got 'this is prose'$/);
    expect(parsed.error.describe()).toBe(`line 4, column 3: ${parsed.error.message}`);
  });

  it('lists every error the parser found; the first one is the headline', () => {
    const parsed = parseFeature('Feature: x\n  Scenario: a\n    Given ok\n  prose\n  Scenario Outline: b\n    Given <a>\n    Examples:\n      | a | b |\n      | 1 |\n');
    if (parsed.ok) throw new Error('parsed');
    expect(parsed.error.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 3],
      [9, 7],
    ]);
    expect(parsed.error.errors[1]!.message).toBe('inconsistent cell count within the table');
  });

  it('refuses text without a Feature (the parser itself accepts it as an empty document)', () => {
    for (const text of ['', '# only a comment\n']) {
      const parsed = parseFeature(text);
      if (parsed.ok) throw new Error('parsed');
      expect([parsed.error.line, parsed.error.column, parsed.error.message]).toEqual([1, 1, 'no Feature: the text must contain a `Feature:` line']);
    }
  });

  it('refuses prose before the Feature at line 1, column 1', () => {
    const parsed = parseFeature('Here is your feature:\nFeature: x\n');
    if (parsed.ok) throw new Error('parsed');
    expect([parsed.error.line, parsed.error.column]).toEqual([1, 1]);
  });

  it('refuses a language named after an Object property with the line of its header, as it does an unknown one', () => {
    for (const [lang, line] of [['__proto__', 1], ['constructor', 2], ['toString', 1], ['xx', 1]] as const) {
      const text = `${line === 2 ? '# a comment\n' : ''}# language: ${lang}\nFeature: a\n  Scenario: b\n    Given c\n`;
      const parsed = parseFeature(text);
      if (parsed.ok) throw new Error(`parsed ${lang}`);
      expect([parsed.error.line, parsed.error.message]).toEqual([line, `Language not supported: ${lang}`]);
    }
    // a real dialect still parses, and the same words later in a feature are only a comment
    expect(parseFeature('# language: fr\nFonctionnalité: a\n  Scénario: b\n    Soit c\n').ok).toBe(true);
    expect(parseFeature('Feature: a\n  # language: __proto__\n  Scenario: b\n    Given c\n').ok).toBe(true);
  });
});
