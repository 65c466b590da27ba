import { describe, expect, it } from 'vitest';
import type { ResolverDocument } from './dtcg-types';
import { TokensInputError } from './errors';
import { resolveTokens } from './resolver';

const num = (n: number) => ({ $type: 'number' as const, $value: n });
const resolver: ResolverDocument = {
  version: '2025.10',
  sets: { base: { sources: [{ a: { x: num(1), y: num(2) } }, { a: { y: num(3) } }] } },
  modifiers: {
    size: { contexts: { small: [], large: [{ a: { x: num(10) } }, { $ref: '#/sets/extra' }] }, default: 'small' },
    tone: { contexts: { calm: [{ b: num(0) }], loud: [{ b: num(1) }] } },
  },
  resolutionOrder: [{ $ref: '#/sets/base' }, { $ref: '#/modifiers/size' }, { $ref: '#/modifiers/tone' }],
};
(resolver.sets as Record<string, unknown>).extra = { sources: [{ c: num(7) }] };

describe('resolveTokens (Resolver module §5)', () => {
  it('merges sources in order, the last occurrence winning, and applies the chosen contexts', () => {
    expect(resolveTokens(resolver, { tone: 'calm' })).toEqual({ a: { x: num(1), y: num(3) }, b: num(0) });
    expect(resolveTokens(resolver, { size: 'large', tone: 'loud' })).toEqual({ a: { x: num(10), y: num(3) }, b: num(1), c: num(7) });
  });

  it('refuses unknown modifiers and contexts, and a modifier without default left out', () => {
    expect(() => resolveTokens(resolver, { tone: 'calm', hue: 'red' })).toThrow(TokensInputError);
    expect(() => resolveTokens(resolver, { tone: 'shouty' })).toThrow('modifier "tone" has no context "shouty" (contexts: calm, loud)');
    expect(() => resolveTokens(resolver)).toThrow('modifier "tone" has no default: choose one of calm, loud');
  });
});
