import { describe, expect, it } from 'vitest';
import { deriveTokens } from './derive';
import type { DtcgGroup, ResolverDocument } from './dtcg-types';
import { sampleVariablesResponse } from './samples/variables-sample';
import { validateResolver, validateTokens } from './validate';

const color = { colorSpace: 'srgb', components: [1, 0, 0], alpha: 1, hex: '#ff0000' };

describe('validateTokens', () => {
  it('accepts a valid document with either engine', () => {
    const doc = { brand: { red: { $type: 'color', $value: color }, primary: { $type: 'color', $value: '{brand.red}' } } };
    expect(validateTokens(doc)).toEqual({ valid: true, errors: [] });
    expect(validateTokens(doc, { engine: 'reference' })).toEqual({ valid: true, errors: [] });
  });

  it('locates a schema error deep in a large document, with the same message from both engines', () => {
    const doc: Record<string, DtcgGroup> = {};
    for (let i = 0; i < 200; i++) doc[`g${i}`] = { t: { $type: 'dimension', $value: { value: i, unit: 'px' } } };
    (doc.g150!.t as { $value: unknown }).$value = { value: 1, unit: 'em' };
    const compiled = validateTokens(doc);
    expect(compiled.valid).toBe(false);
    expect(compiled.errors[0]!.path).toBe('/g150/t/$value/unit');
    expect(validateTokens(doc, { engine: 'reference' }).errors).toContainEqual(compiled.errors[0]);
  });

  it('reports a bad name where it is, naming it', () => {
    const result = validateTokens({ brand: { 'red.500': { $type: 'color', $value: color } } });
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.path).toBe('/brand/red.500');
    expect(result.errors[0]!.message).toMatch(/^"red\.500" is not allowed here/);
  });

  it('reports a reference to no token, an alias of another type, and a cycle', () => {
    expect(validateTokens({ a: { $type: 'color', $value: '{b}' } }).errors).toEqual([{ path: '/a/$value', message: '{b} names no token' }]);
    expect(validateTokens({ n: { $type: 'number', $value: 1 }, c: { $type: 'color', $value: '{n}' } }).errors).toEqual([{ path: '/c/$value', message: '{n} is a number token, this one a color' }]);
    expect(validateTokens({ a: { $type: 'color', $value: '{b}' }, b: { $type: 'color', $value: '{a}' } }).errors).toEqual([{ path: '/a', message: 'alias cycle: a → b → a' }]);
    // references inside composite values are checked too
    const shadow = { color: '{nope}', offsetX: { value: 0, unit: 'px' }, offsetY: { value: 0, unit: 'px' }, blur: { value: 0, unit: 'px' }, spread: { value: 0, unit: 'px' } };
    expect(validateTokens({ s: { $type: 'shadow', $value: shadow } }).errors).toEqual([{ path: '/s/$value/color', message: '{nope} names no token' }]);
    expect(validateTokens({ a: { $type: 'color', $value: '{b}' } }, { references: false }).valid).toBe(true);
  });

  it('accepts a reference to a group root token ({group.$root}, Format §6.2)', () => {
    expect(validateTokens({ accent: { $type: 'color', $root: { $value: color }, muted: { $value: '{accent.$root}' } } })).toEqual({ valid: true, errors: [] });
  });
});

describe('validateResolver', () => {
  const derived = () => deriveTokens({ variables: sampleVariablesResponse() }).resolver;

  it('accepts the derived resolver document', () => {
    expect(validateResolver(derived())).toEqual({ valid: true, errors: [] });
  });

  it('locates an error inside an inline context document', () => {
    const r = derived();
    const dark = r.modifiers!.theme!.contexts.Dark![0] as Record<string, Record<string, Record<string, Record<string, { $value: unknown }>>>>;
    dark.Theme!.color!.bg!.default!.$value = { colorSpace: 'srgb', components: [0, 0] };
    const result = validateResolver(r);
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.path).toBe('/modifiers/theme/contexts/Dark/0/Theme/color/bg/default/$value/components');
  });

  it('reports what the schema cannot: a default that is no context, an order entry naming nothing, a dangling reference', () => {
    const r = derived() as ResolverDocument;
    r.modifiers!.density!.default = 'Spacious';
    expect(validateResolver(r).errors).toEqual([{ path: '/modifiers/density/default', message: 'default "Spacious" is not one of the contexts' }]);
    const r2 = derived();
    r2.resolutionOrder.push({ $ref: '#/sets/ghost' });
    expect(validateResolver(r2).errors).toEqual([{ path: '/resolutionOrder/6', message: '#/sets/ghost names nothing in this document' }]);
    const r3 = derived();
    delete r3.sets!.primitives;
    r3.resolutionOrder.shift();
    const errors = validateResolver(r3).errors;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toBe('{Primitives.color.gray.0} names no token');
  });

  it('refuses a resolver without its version, naming the field', () => {
    const r = derived() as unknown as Record<string, unknown>;
    delete r.version;
    const result = validateResolver(r);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.message).join(' ')).toMatch(/version/);
  });
});
