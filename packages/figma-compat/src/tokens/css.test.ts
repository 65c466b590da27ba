import { describe, expect, it } from 'vitest';
import { toCss } from './css';
import { deriveTokens } from './derive';
import { TokensInputError } from './errors';
import { sampleStylesFile } from './samples/styles-sample';
import { IDS, sampleVariablesResponse } from './samples/variables-sample';

const derived = () => deriveTokens({ variables: sampleVariablesResponse(), file: sampleStylesFile(IDS.blue500) });
/** The declarations of one rule, by property. */
function rule(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} in\n${css}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start + selector.length + 2, css.indexOf('\n}', start));
  return Object.fromEntries([...body.matchAll(/^\s+(--[^:]+): (.*);$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('toCss', () => {
  it(':root holds the default modes; aliases stay var() references', () => {
    const root = rule(toCss(derived()), ':root');
    expect(root['--color-bg-default']).toBe('var(--color-gray-0)');
    expect(root['--color-gray-0']).toBe('#ffffff');
    expect(root['--color-red-500']).toBe('rgb(229 72 77 / 0.8)');
    expect(root['--space-inset']).toBe('var(--spacing-1)');
    expect(root['--spacing-0-5']).toBe('2px');
    expect(root['--font-family-sans']).toBe('"Inter"');
    expect(root['--copy-greeting']).toBe('"Hello"');
    expect(root['--feature-dark-chrome']).toBe('false');
  });

  it("uses the variable's Figma code syntax for the web as its name", () => {
    const root = rule(toCss(derived()), ':root');
    expect(root['--brand-blue']).toBe('#2f5bea');
    expect(root['--brand-primary']).toBe('var(--brand-blue)');
    expect(root['--color-blue-500']).toBeUndefined();
  });

  it('one rule per other mode, on a data attribute per collection', () => {
    const css = toCss(derived());
    expect(rule(css, '[data-theme="dark"]')).toMatchObject({ '--color-bg-default': 'var(--color-gray-900)', '--brand-primary': 'var(--ink-strong)', '--copy-greeting': '"Good evening"' });
    expect(rule(css, '[data-density="compact"]')).toEqual({ '--space-inset': 'var(--spacing-0-5)', '--radius-control': '4px', '--size-touch': '32px' });
    const custom = toCss(derived(), { selector: (c, m) => `.${c}-${m.toLowerCase()}` });
    expect(rule(custom, '.theme-dark')['--brand-primary']).toBe('var(--ink-strong)');
  });

  it('comments an unresolved alias out instead of writing its fallback', () => {
    const css = toCss(derived());
    expect(css).toContain('/* --color-border: unresolved alias VariableID:0000000000000000000000000000000000000bad/7:7 (remote-library) */');
    expect(rule(css, ':root')['--color-border']).toBeUndefined();
    expect(rule(css, '[data-theme="dark"]')['--color-border']).toBe('var(--color-gray-900)');
  });

  it('writes opacity percentages, styles as CSS values (font shorthand, shadows, gradients)', () => {
    const root = rule(toCss(derived()), ':root');
    expect(root['--opacity-disabled']).toBe('40%');
    expect(root['--text-body-regular']).toBe('400 16px/1.5 "Inter"');
    expect(root['--text-body-regular-letter-spacing']).toBe('0.2px');
    expect(root['--effect-elevation-card']).toBe('0 4px 12px 0 rgb(0 0 0 / 0.2), inset 0 1px 0 1px rgb(255 255 255 / 0.1)');
    expect(root['--fill-brand-hero-gradient']).toBe('linear-gradient(135deg, #ff0000 0%, #0000ff 100%)');
    expect(root['--fill-brand-bound']).toBe('var(--brand-blue)');
  });

  it('with a mode: one :root with that resolution, by mode name or per collection', () => {
    const dark = toCss(derived(), { mode: 'Dark' });
    expect(dark).not.toContain('[data-');
    expect(rule(dark, ':root')).toMatchObject({ '--color-bg-default': 'var(--color-gray-900)', '--space-inset': 'var(--spacing-1)' });
    const both = rule(toCss(derived(), { mode: { Theme: 'dark', density: 'Compact' } }), ':root');
    expect(both).toMatchObject({ '--color-bg-default': 'var(--color-gray-900)', '--space-inset': 'var(--spacing-0-5)' });
  });

  it('refuses a mode the tokens do not have, listing those they do', () => {
    expect(() => toCss(derived(), { mode: 'Sepia' })).toThrow(TokensInputError);
    expect(() => toCss(derived(), { mode: 'Sepia' })).toThrow('mode "Sepia" is not a mode of any collection (modes: Light, Dark, Comfortable, Compact)');
    expect(() => toCss(derived(), { mode: { Theme: 'Sepia' } })).toThrow('mode: collection "Theme" has no mode "Sepia" (modes: Light, Dark)');
  });

  it('prefixes names and reads a stored resolver document as well as a derive result', () => {
    const { resolver } = derived();
    const root = rule(toCss(resolver, { prefix: 'ds' }), ':root');
    expect(root['--ds-color-gray-0']).toBe('#ffffff');
    expect(root['--ds-color-bg-default']).toBe('var(--ds-color-gray-0)');
  });
});
