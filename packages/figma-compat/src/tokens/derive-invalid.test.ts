// deriveTokens validates what it writes before returning it: a converter that emitted an invalid token (here a
// colour conversion gone wrong, forced by a mock) must fail with TokensOutputError naming the token, never return.
import { describe, expect, it, vi } from 'vitest';
import { deriveTokens } from './derive';
import { TokensOutputError } from './errors';
import { sampleVariablesResponse } from './samples/variables-sample';

vi.mock('./values', async (importOriginal) => {
  const values = await importOriginal<typeof import('./values')>();
  // a red component over 1: the shape the validation shortcut knows, with a value the schema refuses
  return { ...values, toColor: (c: Parameters<typeof values.toColor>[0], opacity?: number) => ({ ...values.toColor(c, opacity), components: [1.5, 0, 0] }) };
});

describe('deriveTokens on an invalid token of its own making', () => {
  it('throws TokensOutputError with the failing token, rather than return it', () => {
    let error: unknown;
    try {
      deriveTokens({ variables: sampleVariablesResponse() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TokensOutputError);
    const { code, errors, message } = error as TokensOutputError;
    expect(code).toBe('TOKENS_OUTPUT_INVALID');
    expect(message).toMatch(/^derived tokens fail DTCG 2025\.10 validation: \/sets\/primitives\/sources\/0\/Primitives\/color\/[^ ]+\/\$value/);
    expect(errors[0]!.path).toMatch(/\/\$value\/components\/0$/);
  });
});
