import { describe, expect, it } from 'vitest';
import { LOGIN_PAGE, SAMPLE_COMPONENT_INDEX } from '../samples/bdd-pages';
import { BddInputError } from './figma-node';
import { generateFeature } from './generate';
import { FeatureParseError } from './parse';
import { acceptRefinedFeature, extractGherkin, refineFeature, refinePrompt, repairPrompt, type PromptMessage } from './refine';

const GOOD = 'Feature: Login\n  Scenario: Sign in\n    Given I am on the "Login" screen\n    When I press "Sign in"\n    Then I see the "Dashboard" screen\n';
// line 4 is prose where a step or a keyword must be
const BROKEN = 'Feature: Login\n  Scenario: Sign in\n    Given I am on the "Login" screen\n    the user signs in\n';
const fenced = (body: string, lang = 'gherkin') => `Here is the refined feature:\n\n\`\`\`${lang}\n${body}\`\`\`\n\nLet me know if you need more.`;

describe('extractGherkin', () => {
  it('takes the gherkin block of an answer, dropping the prose around it', () => {
    expect(extractGherkin(fenced(GOOD))).toBe(GOOD);
  });

  it('prefers a gherkin/feature block to another fenced block, and reads ~~~ fences', () => {
    const answer = `\`\`\`json\n{"a":1}\n\`\`\`\n~~~feature\n${GOOD}~~~\n`;
    expect(extractGherkin(answer)).toBe(GOOD);
  });

  it('without fences, keeps the text from its Feature line (and the tags and comments above it)', () => {
    expect(extractGherkin(`Sure! Below.\n# language: en\n@smoke\n${GOOD}`)).toBe(`# language: en\n@smoke\n${GOOD}`);
  });

  it('reads an answer cut off after its opening fence, and CRLF line ends', () => {
    expect(extractGherkin(`Here:\r\n\`\`\`gherkin\r\n${GOOD.replace(/\n/g, '\r\n')}`)).toBe(GOOD);
  });
});

describe('acceptRefinedFeature', () => {
  it('accepts a fenced answer that parses and returns its AST', () => {
    const a = acceptRefinedFeature(fenced(GOOD));
    if (!a.ok) throw a.error;
    expect(a.text).toBe(GOOD);
    expect(a.document.feature?.children[0]?.scenario?.steps).toHaveLength(3);
  });

  it('refuses an answer that does not parse with the line and column (of the extracted text)', () => {
    const a = acceptRefinedFeature(fenced(BROKEN));
    if (a.ok) throw new Error('accepted');
    expect(a.error).toBeInstanceOf(FeatureParseError);
    expect([a.error.line, a.error.column]).toEqual([4, 5]);
    expect(a.error.message).toContain("got 'the user signs in'");
    expect(a.text).toBe(BROKEN);
  });

  it('refuses a Feature without scenarios, and an answer without any Gherkin', () => {
    const empty = acceptRefinedFeature('```gherkin\nFeature: Login\n  Just a description.\n```');
    if (empty.ok) throw new Error('accepted');
    expect([empty.error.line, empty.error.column, empty.error.message]).toEqual([1, 1, 'the Feature has no Scenario']);
    const prose = acceptRefinedFeature('I cannot help with that.');
    if (prose.ok) throw new Error('accepted');
    expect([prose.error.line, prose.error.column]).toEqual([1, 1]);
  });
});

describe('prompts', () => {
  const g = generateFeature(LOGIN_PAGE, SAMPLE_COMPONENT_INDEX);

  it('refinePrompt gives the rules, the page summary, the feature and the instructions', () => {
    const [system, user] = refinePrompt(g.text, g.summary, 'Write the scenario names in the imperative.');
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('```gherkin');
    expect(system!.content).toContain('Then I see the "<screen>" screen');
    expect(user!.role).toBe('user');
    expect(user!.content).toContain(JSON.stringify(g.summary));
    expect(user!.content).toContain(`\`\`\`gherkin\n${g.text.trimEnd()}\n\`\`\``);
    expect(user!.content.endsWith('Instructions from the user:\nWrite the scenario names in the imperative.')).toBe(true);
  });

  it('refinePrompt refuses an empty feature and overlong instructions', () => {
    expect(() => refinePrompt('  ', g.summary)).toThrow(BddInputError);
    expect(() => refinePrompt(g.text, g.summary, 'x'.repeat(4_001))).toThrow(/at most 4000 characters \(got 4001\)/);
  });

  it('refinePrompt cuts a huge summary to a bounded size', () => {
    const huge = { ...g.summary, paths: Array.from({ length: 5_000 }, () => g.summary.paths[0]!) };
    const [, user] = refinePrompt(g.text, huge);
    expect(user!.content.length).toBeLessThan(24_000 + g.text.length + 1_000);
    expect(user!.content).toContain('(summary cut at 24000 characters)');
  });

  it('repairPrompt names the line and column, and numbers the lines of the broken answer', () => {
    const a = acceptRefinedFeature(BROKEN);
    if (a.ok) throw new Error('accepted');
    const [, user] = repairPrompt(a.text, a.error);
    expect(user!.content).toContain(`The parser says: line 4, column 5: ${a.error.message}`);
    expect(user!.content).toContain('   4:     the user signs in');
  });
});

describe('refineFeature: ask, repair once, then refuse', () => {
  const g = generateFeature(LOGIN_PAGE, SAMPLE_COMPONENT_INDEX);
  const input = { feature: g.text, summary: g.summary };
  const scripted = (answers: string[]) => {
    const asked: PromptMessage[][] = [];
    const ask = async (messages: PromptMessage[]) => {
      asked.push(messages);
      const next = answers.shift();
      if (next === undefined) throw new Error('asked once too often');
      return next;
    };
    return { ask, asked };
  };

  it('accepts a first answer that parses: one call', async () => {
    const { ask, asked } = scripted([fenced(GOOD)]);
    const r = await refineFeature(input, ask);
    expect(r).toMatchObject({ ok: true, text: GOOD, repaired: false, attempts: 1 });
    expect(asked).toHaveLength(1);
  });

  it('repairs a broken answer once, sending the parser error back', async () => {
    const { ask, asked } = scripted([fenced(BROKEN), fenced(GOOD)]);
    const r = await refineFeature(input, ask);
    expect(r).toMatchObject({ ok: true, text: GOOD, repaired: true, attempts: 2 });
    expect(asked[1]![1]!.content).toContain('line 4, column 5');
  });

  it('refuses after one failed repair, with the line and column of the second answer', async () => {
    const second = 'Feature: Login\n  Scenario Outline: x\n    Given <a>\n    Examples:\n      | a | b |\n      | 1 |\n';
    const { ask, asked } = scripted([fenced(BROKEN), fenced(second), fenced(GOOD)]);
    const r = await refineFeature(input, ask);
    expect(asked).toHaveLength(2);
    if (r.ok) throw new Error('accepted');
    expect(r.attempts).toBe(2);
    expect([r.error.line, r.error.column, r.error.message]).toEqual([6, 7, 'inconsistent cell count within the table']);
    expect(r.text).toBe(second);
  });
});
