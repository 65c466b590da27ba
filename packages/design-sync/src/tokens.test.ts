import { deriveTokens } from '@cogo/figma-compat';
import { describe, expect, it } from 'vitest';
import { tokenValuesFor } from './tokens';

const rgb = (r: number, g: number, b: number) => ({ r, g, b, a: 1 });
const alias = (id: string) => ({ type: 'VARIABLE_ALIAS', id });

/** A variables/local response: Primitives (one mode) and Theme (Light default, Dark), as variables/derive reads it. */
function variables(blue500 = rgb(0, 0, 1)) {
  const v = (id: string, name: string, collection: string, type: string, valuesByMode: Record<string, unknown>) => [id, { id, name, key: `k${id}`, variableCollectionId: collection, resolvedType: type, valuesByMode, remote: false, scopes: ['ALL_SCOPES'], codeSyntax: {} }];
  const vars = [
    v('V:1', 'color/blue/500', 'C:1', 'COLOR', { p: blue500 }),
    v('V:2', 'spacing/0.5', 'C:1', 'FLOAT', { p: 2 }),
    v('V:3', 'radius/md', 'C:1', 'FLOAT', { p: 8 }),
    v('V:4', 'color/brand/primary', 'C:2', 'COLOR', { light: alias('V:1'), dark: rgb(1, 1, 1) }),
    v('V:5', 'color/accent', 'C:2', 'COLOR', { light: rgb(1, 0, 0), dark: rgb(0, 1, 0) }),
    v('V:6', 'color/accent/muted', 'C:2', 'COLOR', { light: alias('V:5'), dark: alias('V:5') }),
    v('V:7', 'radius/md', 'C:2', 'FLOAT', { light: 12, dark: 12 }),
  ];
  const collections = {
    'C:1': { id: 'C:1', name: 'Primitives', key: 'k1', modes: [{ modeId: 'p', name: 'Value' }], defaultModeId: 'p', remote: false, variableIds: ['V:1', 'V:2', 'V:3'] },
    'C:2': { id: 'C:2', name: 'Theme', key: 'k2', modes: [{ modeId: 'light', name: 'Light' }, { modeId: 'dark', name: 'Dark' }], defaultModeId: 'light', remote: false, variableIds: ['V:4', 'V:5', 'V:6', 'V:7'] },
  };
  return { meta: { variables: Object.fromEntries(vars), variableCollections: collections } };
}

const doc = (blue500?: ReturnType<typeof rgb>) => deriveTokens({ variables: variables(blue500), name: 'test' }).tokens as unknown as Record<string, unknown>;
const parsed = (s: string | undefined) => JSON.parse(s!) as { $type?: string; $value: unknown };

describe('tokenValuesFor', () => {
  it('finds a figma-context variable name under its collection group in what variables/derive wrote', () => {
    const out = tokenValuesFor(['spacing/0.5', 'color/blue/500'], doc());
    expect(Object.keys(out)).toEqual(['color/blue/500', 'spacing/0.5']);
    expect(parsed(out['spacing/0.5'])).toEqual({ $type: 'dimension', $value: { value: 2, unit: 'px' } });
    expect(parsed(out['color/blue/500'])).toMatchObject({ $type: 'color', $value: { colorSpace: 'srgb', hex: '#0000ff' } });
    // canonical: keys sorted, no whitespace
    expect(out['spacing/0.5']).toBe('{"$type":"dimension","$value":{"unit":"px","value":2}}');
  });

  it('resolves aliases, so a changed primitive changes the value of a token aliasing it', () => {
    const before = tokenValuesFor(['color/brand/primary'], doc());
    expect(parsed(before['color/brand/primary'])).toEqual(parsed(tokenValuesFor(['color/blue/500'], doc())['color/blue/500']));
    const after = tokenValuesFor(['color/brand/primary'], doc(rgb(0, 1, 0)));
    expect(after['color/brand/primary']).not.toBe(before['color/brand/primary']);
    expect(parsed(after['color/brand/primary'])).toMatchObject({ $value: { hex: '#00ff00' } });
  });

  it('answers a variable whose path is also a group with its $root token, and aliases to it', () => {
    const out = tokenValuesFor(['color/accent', 'color/accent/muted'], doc());
    expect(parsed(out['color/accent'])).toMatchObject({ $type: 'color', $value: { hex: '#ff0000' } });
    expect(out['color/accent/muted']).toBe(out['color/accent']);
  });

  it('takes a name already prefixed with its collection from the root; else the first group in code-unit order', () => {
    const d = doc();
    expect(parsed(tokenValuesFor(['Theme/radius/md'], d)['Theme/radius/md'])).toMatchObject({ $value: { value: 12 } });
    // radius/md is in Primitives and Theme: "Primitives" < "Theme", whatever order the (jsonb) document has
    expect(parsed(tokenValuesFor(['radius/md'], d)['radius/md'])).toMatchObject({ $value: { value: 8 } });
    const reordered = Object.fromEntries(Object.entries(d).reverse());
    expect(tokenValuesFor(['radius/md'], reordered)).toEqual(tokenValuesFor(['radius/md'], d));
  });

  it('inherits $type from a group, and keeps an alias that resolves to nothing as written', () => {
    const hand = { Brand: { color: { $type: 'color', ink: { $value: '#111111' }, ghost: { $value: '{Brand.color.nowhere}' }, loop: { $value: '{Brand.color.loop}' } } } };
    const out = tokenValuesFor(['color/ink', 'color/ghost', 'color/loop'], hand);
    expect(out).toEqual({
      'color/ghost': '{"$type":"color","$value":"{Brand.color.nowhere}"}',
      'color/ink': '{"$type":"color","$value":"#111111"}',
      'color/loop': '{"$type":"color","$value":"{Brand.color.loop}"}',
    });
  });

  it('leaves out unknown names, Figma ids and groups; nothing without a document', () => {
    const d = doc();
    expect(tokenValuesFor(['VariableID:1:2', 'color/blue', 'color/nope', '$extensions/x', ''], d)).toEqual({});
    expect(tokenValuesFor(['color/blue/500'], null)).toEqual({});
    expect(tokenValuesFor([], d)).toEqual({});
  });
});
