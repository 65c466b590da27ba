import { describe, expect, it } from 'vitest';
import { deriveTokens } from './derive';
import { sampleStylesFile } from './samples/styles-sample';
import { IDS, sampleVariablesResponse } from './samples/variables-sample';
import { toTailwindTheme } from './tailwind';

const derived = () => deriveTokens({ variables: sampleVariablesResponse(), file: sampleStylesFile(IDS.blue500) });
const decls = (css: string) => Object.fromEntries([...css.matchAll(/^\s+(--[^:]+): (.*);$/gm)].map((m) => [m[1]!, m[2]!]));

describe('toTailwindTheme', () => {
  it('puts tokens in the Tailwind v4 namespaces their type and scopes point to', () => {
    const css = toTailwindTheme(derived());
    expect(css).toMatch(/^\/\*.*\*\/\n@theme \{\n/);
    const d = decls(css);
    expect(d).toMatchObject({
      '--color-blue-500': '#2f5bea',
      '--color-bg-default': 'var(--color-gray-0)',
      '--spacing-0-5': '2px',
      '--spacing-inset': 'var(--spacing-1)',
      '--radius-md': '8px',
      '--radius-control': 'var(--radius-md)',
      '--font-sans': '"Inter"',
      '--font-weight-bold': '700',
      '--text-body-regular': '16px',
      '--text-body-regular--line-height': '1.5',
      '--text-body-regular--letter-spacing': '0.2px',
      '--text-body-regular--font-weight': '400',
      '--shadow-card': '0 4px 12px 0 rgb(0 0 0 / 0.2), inset 0 1px 0 1px rgb(255 255 255 / 0.1)',
      '--blur-frost': '20px',
    });
  });

  it('leaves out what has no namespace, and unresolved tokens', () => {
    const d = decls(toTailwindTheme(derived()));
    expect(Object.keys(d).some((k) => k.includes('opacity') || k.includes('greeting') || k.includes('grid'))).toBe(false);
    expect(d['--color-border']).toBeUndefined();
  });

  it('css-variables: @theme inline pointing at the toCss names, so modes switch utilities', () => {
    const d = decls(toTailwindTheme(derived(), { source: 'css-variables' }));
    expect(d['--color-bg-default']).toBe('var(--color-bg-default)');
    expect(d['--color-blue-500']).toBe('var(--brand-blue)');
    expect(toTailwindTheme(derived(), { source: 'css-variables' })).toContain('@theme inline {');
  });
});
