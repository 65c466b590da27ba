// The token shortcut may only ever say "valid" where the schema says so: the compiled check with it must answer
// exactly as the compiled check without it (and as the reference engine) — on every token deriveTokens writes for
// the samples, and on a few thousand seeded mutations of the shapes it knows.
import { describe, expect, it } from 'vitest';
import { deriveTokens } from '../derive';
import { flatten } from '../flatten';
import { sampleStylesFile } from '../samples/styles-sample';
import { IDS, sampleVariablesResponse } from '../samples/variables-sample';
import { validateResolver } from '../validate';
import tokenType from './2025.10/format/tokenType.json';
import { CURLY_REFERENCE, referenceValidate, schemaCheck } from './dtcg-schema';
import { SHORTCUT_TYPES, tokenShortcut } from './token-shortcut';

const shortcut = tokenShortcut(CURLY_REFERENCE);
const withShortcut = schemaCheck('format');
const schemaOnly = schemaCheck('format', { shortcuts: false });

/** A token as a group member (groupOrToken.json) and as a group's `$root` (token.json). */
const docs = (t: unknown) => [{ g: { t } }, { g: { $root: t } }];

const base = (): Record<string, Record<string, unknown>> => ({
  color: { $type: 'color', $value: { colorSpace: 'srgb', components: [0.1, 0.2, 0.3], alpha: 1, hex: '#1a334d' }, $extensions: { 'com.figma': { variableId: 'VariableID:1:1' } } },
  dimension: { $type: 'dimension', $value: { value: 4, unit: 'px' }, $description: 'gap' },
  duration: { $type: 'duration', $value: { value: 200, unit: 'ms' }, $deprecated: 'deleted in Figma, still referenced' },
  number: { $type: 'number', $value: 0.5 },
  weight: { $type: 'fontWeight', $value: 700 },
  weightName: { $type: 'fontWeight', $value: 'semi-bold' },
  family: { $type: 'fontFamily', $value: 'Inter' },
  alias: { $type: 'color', $value: '{Primitives.color.blue.500}' },
  rootAlias: { $type: 'fontFamily', $value: '{Typography.font.$root}' },
});

// odd values a mutation writes: each is right somewhere and wrong elsewhere
const VALUES: unknown[] = [undefined, null, Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1, 1.5, 1000, 1001, '', 'x', 'Inter', '#abc', '#ABCDEF', '{a.b}', '{a..b}', '{$a}', '{a.$root}', '{a}', [], [0, 0, 0], [0, 0], [0, 0, 0, 0], ['none', 0, 0], {}, { $ref: '#/g/t' }, true, 'px', 'rem', 'em', 'ms', 's', 'srgb', 'hsl', 'display-p3', 'bold', 'Bold', 'color', 'dimension', 'typography', 'shadow'];
const TOKEN_KEYS = ['$type', '$value', '$description', '$extensions', '$deprecated', '$ref', '$root', 'extra', '$extends'];
const VALUE_KEYS = ['colorSpace', 'components', 'alpha', 'hex', 'value', 'unit', 'name'];

/** A seeded mutation of a token: one to three changes at the token, in its value, or in its components. */
function mutate(token: Record<string, unknown>, seed: number): Record<string, unknown> {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const t = structuredClone(token);
  for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
    const v = t.$value;
    const where = rnd();
    if (where < 0.4) {
      const k = pick(TOKEN_KEYS);
      if (rnd() < 0.2) delete t[k];
      else t[k] = structuredClone(pick(VALUES));
    } else if (where < 0.8 && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const k = pick(VALUE_KEYS);
      if (rnd() < 0.2) delete (v as Record<string, unknown>)[k];
      else (v as Record<string, unknown>)[k] = structuredClone(pick(VALUES));
    } else if (typeof v === 'object' && v !== null && Array.isArray((v as { components?: unknown }).components)) {
      (v as { components: unknown[] }).components[Math.floor(rnd() * 4)] = structuredClone(pick(VALUES));
    } else t.$value = structuredClone(pick(VALUES));
  }
  return t;
}

describe('token shortcut of the compiled DTCG schema', () => {
  it('knows only types of the Format module', () => {
    for (const t of SHORTCUT_TYPES) expect(tokenType.enum).toContain(t);
  });

  it('accepts every token of the shapes it knows, as the schema does', () => {
    for (const [name, t] of Object.entries(base())) {
      expect(shortcut(t), name).toBe(true);
      for (const doc of docs(t)) {
        expect(schemaOnly(doc), name).toBe(true);
        expect(referenceValidate('format', doc).valid, name).toBe(true);
      }
    }
  });

  it('takes every variable token the sample derives, and never one the schema refuses', () => {
    const { tokens } = deriveTokens({ variables: sampleVariablesResponse(), file: sampleStylesFile(IDS.blue500) });
    const entries = flatten(tokens).filter((e) => e.token);
    const taken = entries.filter((e) => shortcut(e.token));
    // the styles' composite tokens (typography, shadow, gradient) and the untyped are the schema's alone
    expect(taken.length).toBeGreaterThan(entries.length / 2);
    for (const e of entries.filter((x) => !x.path.startsWith('Styles.'))) expect(shortcut(e.token), e.path).toBe(true);
    for (const e of taken) expect(schemaOnly({ g: { t: e.token } }), e.path).toBe(true);
  });

  it('answers exactly as the schema alone on thousands of mutated tokens', () => {
    let accepted = 0;
    let refused = 0;
    for (const [name, token] of Object.entries(base())) {
      for (let seed = 1; seed <= 400; seed++) {
        const t = mutate(token, seed * 7919 + name.length);
        const fast = shortcut(t);
        for (const doc of docs(t)) {
          const full = schemaOnly(doc);
          expect(withShortcut(doc), `${name} #${seed}: ${JSON.stringify(t)}`).toBe(full);
          if (fast) expect(full, `${name} #${seed} taken by the shortcut: ${JSON.stringify(t)}`).toBe(true);
        }
        if (fast) accepted++;
        else refused++;
      }
    }
    // both sides are exercised: the mutations are not all harmless, nor all fatal
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(1000);
  });

  it('agrees with the reference engine on a sample of the mutations (as JSON: it reads no undefined)', () => {
    for (const [name, token] of Object.entries(base())) {
      for (let seed = 1; seed <= 40; seed++) {
        const doc = JSON.parse(JSON.stringify({ g: { t: mutate(token, seed * 104729 + name.length) } })) as unknown;
        expect(withShortcut(doc), `${name} #${seed}`).toBe(referenceValidate('format', doc).valid);
      }
    }
  });

  it('leaves an invalid token of a known shape to the schema, which refuses it in a derived resolver', () => {
    const broken: Array<[string, unknown]> = [
      ['a component over 1', { colorSpace: 'srgb', components: [1.5, 0, 0], alpha: 1, hex: '#ff0000' }],
      ['two components', { colorSpace: 'srgb', components: [0, 0], alpha: 1 }],
      ['alpha over 1', { colorSpace: 'srgb', components: [0, 0, 0], alpha: 2 }],
      ['a 3-digit hex', { colorSpace: 'srgb', components: [0, 0, 0], hex: '#abc' }],
      ['an extra colour field', { colorSpace: 'srgb', components: [0, 0, 0], name: 'x' }],
      ['a malformed reference', '{Primitives..color}'],
    ];
    for (const [name, value] of broken) {
      const { resolver } = deriveTokens({ variables: sampleVariablesResponse() });
      const primitives = resolver.sets!.primitives!.sources[0] as Record<string, Record<string, Record<string, Record<string, { $value: unknown }>>>>;
      const token = primitives.Primitives!.color!.blue!['500']!;
      token.$value = value;
      expect(shortcut(token), name).toBe(false);
      const result = validateResolver(resolver);
      expect(result.valid, name).toBe(false);
      expect(result.errors[0]!.path, name).toMatch(/^\/sets\/primitives\/sources\/0\/Primitives\/color\/blue\/500/);
    }
  });
});
