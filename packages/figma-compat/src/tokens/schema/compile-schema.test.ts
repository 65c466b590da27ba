// The compiled schema must answer exactly as @cfworker/json-schema interpreting the same vendored schema: on
// valid documents (the sample's, every type of the Format module) and on each way of breaking one.
import { dereference, type Schema } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { deriveTokens } from '../derive';
import { sampleStylesFile } from '../samples/styles-sample';
import { sampleVariablesResponse } from '../samples/variables-sample';
import { compileSchema } from './compile-schema';
import { referenceValidate, schemaCheck } from './dtcg-schema';

const color = { colorSpace: 'srgb', components: [0.1, 0.2, 0.3], alpha: 1, hex: '#1a334d' };
const px = (value: number) => ({ value, unit: 'px' });

/** A document with one valid token of every type and the references each allows. */
const allTypes = () => ({
  base: {
    $description: 'every type',
    color: { $type: 'color', $value: color },
    oklch: { $type: 'color', $value: { colorSpace: 'oklch', components: [0.6, 0.2, 250], alpha: 0.5 } },
    hsl: { $type: 'color', $value: { colorSpace: 'hsl', components: ['none', 50, 50] } },
    dim: { $type: 'dimension', $value: { value: 1.5, unit: 'rem' } },
    family: { $type: 'fontFamily', $value: ['Inter', 'sans-serif'] },
    weight: { $type: 'fontWeight', $value: 'semi-bold' },
    duration: { $type: 'duration', $value: { value: 200, unit: 'ms' } },
    bezier: { $type: 'cubicBezier', $value: [0.4, 0, 0.2, 1] },
    number: { $type: 'number', $value: -1.25 },
    stroke: { $type: 'strokeStyle', $value: 'dashed' },
    border: { $type: 'border', $value: { color: '{base.color}', width: px(1), style: 'solid' } },
    transition: { $type: 'transition', $value: { duration: '{base.duration}', delay: { value: 0, unit: 'ms' }, timingFunction: [0, 0, 1, 1] } },
    shadow: { $type: 'shadow', $value: [{ color, offsetX: px(0), offsetY: px(2), blur: px(4), spread: px(0), inset: true }, '{base.shadow2}'] },
    shadow2: { $type: 'shadow', $value: { color: '{base.color}', offsetX: px(0), offsetY: px(1), blur: px(2), spread: px(0) } },
    gradient: { $type: 'gradient', $value: [{ color, position: 0 }, { color: '{base.color}', position: 1 }] },
    typography: { $type: 'typography', $value: { fontFamily: '{base.family}', fontSize: px(16), fontWeight: 400, letterSpacing: px(0), lineHeight: 1.5 } },
    alias: { $value: '{base.color}' },
    pointer: { $ref: '#/base/color' },
    group: { $type: 'dimension', $root: { $value: px(4) }, big: { $value: px(8) }, ref: { $value: '{base.group.$root}' } },
    deprecated: { $type: 'number', $value: 1, $deprecated: 'use base.number', $extensions: { 'org.example': { any: ['thing'] } } },
  },
});

type Doc = Record<string, Record<string, unknown>>;
type Tok = Record<string, unknown>;
/** One way of breaking the document per case (applied to a fresh copy). */
const BROKEN: Array<[string, (d: Doc) => void]> = [
  ['a component over 1', (d) => ((d.base!.color as Tok).$value = { ...color, components: [2, 0, 0] })],
  ['two components for srgb', (d) => ((d.base!.color as Tok).$value = { ...color, components: [0, 0] })],
  ['an unknown colour space', (d) => ((d.base!.color as Tok).$value = { ...color, colorSpace: 'cmyk' })],
  ['a 3-digit hex', (d) => ((d.base!.color as Tok).$value = { ...color, hex: '#abc' })],
  ['alpha over 1', (d) => ((d.base!.color as Tok).$value = { ...color, alpha: 1.5 })],
  ['a colour as a hex string (2025.10 needs an object)', (d) => ((d.base!.color as Tok).$value = '#ff0000')],
  ['an extra colour field', (d) => ((d.base!.color as Tok).$value = { ...color, name: 'x' })],
  ['a hue of 360', (d) => ((d.base!.oklch as Tok).$value = { colorSpace: 'oklch', components: [0.5, 0.1, 360] })],
  ['a dimension in em', (d) => ((d.base!.dim as Tok).$value = { value: 1, unit: 'em' })],
  ['a dimension as a string', (d) => ((d.base!.dim as Tok).$value = '4px')],
  ['a weight of 1001', (d) => ((d.base!.weight as Tok).$value = 1001)],
  ['an unknown weight name', (d) => ((d.base!.weight as Tok).$value = 'fat')],
  ['a font family as a reference string in an array', (d) => ((d.base!.family as Tok).$value = ['{base.x}'])],
  ['a bezier of three numbers', (d) => ((d.base!.bezier as Tok).$value = [0, 0, 1])],
  ['a bezier x over 1', (d) => ((d.base!.bezier as Tok).$value = [1.5, 0, 1, 1])],
  ['a shadow without spread', (d) => ((d.base!.shadow2 as Tok).$value = { color, offsetX: px(0), offsetY: px(1), blur: px(2) })],
  ['typography without lineHeight', (d) => ((d.base!.typography as Tok).$value = { fontFamily: 'Inter', fontSize: px(16), fontWeight: 400, letterSpacing: px(0) })],
  ['an unknown $type', (d) => ((d.base!.number as Tok).$type = 'string')],
  ['a number as a string', (d) => ((d.base!.number as Tok).$value = '1')],
  ['a token name with a dot', (d) => (d.base!['a.b'] = { $type: 'number', $value: 1 })],
  ['a token name starting with $', (d) => (d.base!.$custom = { $type: 'number', $value: 1 })],
  ['a token name with a brace', (d) => (d.base!['a{b'] = { $type: 'number', $value: 1 })],
  ['an unknown token property', (d) => ((d.base!.number as Tok).$meta = 1)],
  ['both $value and $ref', (d) => ((d.base!.number as Tok).$ref = '#/base/dim')],
  ['a malformed reference in a typed token', (d) => (d.base!.alias = { $type: 'color', $value: '{base..color}' })],
  ['a token without $type or a reference, holding a boolean', (d) => (d.base!.flag = { $value: true })],
  ['a group $type that is not a type', (d) => (d.base!.$type = 'spacing')],
  ['$deprecated as a number', (d) => ((d.base!.deprecated as Tok).$deprecated = 1)],
  ['$description as a number', (d) => (d.base!.$description = 2)],
  ['a gradient stop without position', (d) => ((d.base!.gradient as Tok).$value = [{ color }])],
  ['a stroke style that is not a keyword', (d) => ((d.base!.stroke as Tok).$value = 'wavy')],
  ['a duration in minutes', (d) => ((d.base!.duration as Tok).$value = { value: 1, unit: 'min' })],
];

describe('compiled DTCG schema = reference engine', () => {
  it('both accept every token type of the Format module', () => {
    expect(referenceValidate('format', allTypes()).errors).toEqual([]);
    expect(schemaCheck('format')(allTypes())).toBe(true);
  });

  for (const [name, breakIt] of BROKEN) {
    it(`both refuse ${name}`, () => {
      const doc = allTypes() as unknown as Doc;
      breakIt(doc);
      expect(referenceValidate('format', doc).valid).toBe(false);
      expect(schemaCheck('format')(doc)).toBe(false);
    });
  }

  it('both agree on the derived sample (tokens and resolver)', () => {
    const { tokens, resolver } = deriveTokens({ variables: sampleVariablesResponse(), file: sampleStylesFile() });
    expect(referenceValidate('format', tokens).valid).toBe(true);
    expect(schemaCheck('format')(tokens)).toBe(true);
    expect(referenceValidate('resolver', resolver).valid).toBe(true);
    expect(schemaCheck('resolver')(resolver)).toBe(true);
  });

  it('both refuse a resolver without version, with one context, or with an inline set missing its name', () => {
    const { resolver } = deriveTokens({ variables: sampleVariablesResponse() });
    const cases: Array<(r: Record<string, unknown>) => void> = [
      (r) => delete r.version,
      (r) => ((r.modifiers as Record<string, { contexts: Record<string, unknown> }>).theme!.contexts = { Light: [] }),
      (r) => (r.resolutionOrder = [{ type: 'set', sources: [] }]),
      (r) => (r.resolutionOrder = [{ $ref: '#/resolutionOrder/0' }]),
    ];
    for (const c of cases) {
      const r = structuredClone(resolver) as unknown as Record<string, unknown>;
      c(r);
      expect(referenceValidate('resolver', r).valid).toBe(false);
      expect(schemaCheck('resolver')(r)).toBe(false);
    }
  });

  it('refuses to compile a keyword it does not implement, rather than ignore it', () => {
    const schema = { $id: 'https://example.test/s.json', type: 'string', uniqueItems: true } as Schema;
    expect(() => compileSchema(schema, dereference(schema))).toThrow('unsupported JSON Schema keyword uniqueItems');
  });
});
