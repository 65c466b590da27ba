import { describe, expect, it } from 'vitest';
import { componentForRole, tokenForRole, wordsOf, type ComponentRole, type TokenRole } from './match';
import { VOCAB } from './samples.test-helpers';
import type { DesignVocabulary } from './vocabulary';

const lib = (...names: string[]): DesignVocabulary => ({ components: names.map((name, i) => ({ id: String(i), name })), tokens: [] });
const toks = (...paths: Array<string | [string, string]>): DesignVocabulary => ({ components: [], tokens: paths.map((p) => (typeof p === 'string' ? { path: p } : { path: p[0], type: p[1] })) });

describe('wordsOf', () => {
  it('splits separators and camelCase', () => {
    expect(wordsOf('Button/Primary')).toEqual(['button', 'primary']);
    expect(wordsOf('PrimaryButton')).toEqual(['primary', 'button']);
    expect(wordsOf('color.text.on-primary')).toEqual(['color', 'text', 'on', 'primary']);
    expect(wordsOf('HTMLInput')).toEqual(['html', 'input']);
  });
});

describe('componentForRole', () => {
  it.each<[ComponentRole, string[], string | undefined]>([
    ['button', ['Icon Button', 'Button/Secondary', 'Button'], 'Button'],
    ['button', ['Icon Button', 'Button/Secondary', 'Primary Button', 'Button'], 'Primary Button'],
    ['button', ['Button/Secondary'], 'Button/Secondary'],
    ['button', ['Icon Button', 'Close button', 'Button group'], undefined],
    ['button', ['PrimaryButton'], 'PrimaryButton'],
    ['button_secondary', ['Button', 'Button/Outline'], 'Button/Outline'],
    ['button_secondary', ['Button'], undefined],
    ['input', ['Checkbox', 'Search Input', 'Text Field'], 'Text Field'],
    ['card', ['Pricing Card', 'Card'], 'Card'],
    ['navbar', ['Nav Link', 'Header'], 'Header'],
    ['image', ['Avatar', 'Image placeholder'], 'Image placeholder'],
    ['card', ['Size=Large, State=Default'], undefined],
  ])('%s among %j → %j', (role, names, expected) => {
    expect(componentForRole(lib(...names), role)?.name).toBe(expected);
  });

  it('prefers a name that suits the use when asked', () => {
    expect(componentForRole(lib('Card', 'Pricing Card'), 'card', ['pricing', 'plan'])?.name).toBe('Pricing Card');
  });
});

describe('tokenForRole', () => {
  it.each<[TokenRole, DesignVocabulary, string | undefined]>([
    ['primary', VOCAB, 'color.brand.primary'],
    ['on_primary', VOCAB, 'color.text.on-primary'],
    ['text', VOCAB, 'color.text.default'],
    ['text_muted', VOCAB, 'color.text.muted'],
    ['background', VOCAB, 'color.background.default'],
    ['radius', VOCAB, 'radius.md'],
    ['space_md', VOCAB, 'spacing.md'],
    ['shadow', VOCAB, undefined],
    ['primary', toks('color.background.primary', 'color.text.primary', 'color.primary.500', 'color.primary.100'), 'color.primary.500'],
    ['text', toks('color.primary-foreground', 'color.foreground'), 'color.foreground'],
    ['on_primary', toks('color.primary-foreground', 'color.foreground'), 'color.primary-foreground'],
    ['primary', toks(['brand.primary', 'dimension']), undefined],
    ['primary', toks('brand.primary'), undefined],
    ['space_lg', toks('space.sm', 'space.lg', 'size.lg'), 'space.lg'],
    ['radius', toks('radius.none', 'radius.full', 'radius.sm'), 'radius.sm'],
  ])('%s → %j', (role, vocab, expected) => {
    expect(tokenForRole(vocab, role)).toBe(expected);
  });
});
