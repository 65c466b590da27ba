// `cogo tokens` argv parsing. What it does against the API is tested against the real Worker:
// apps/api/test/e2e/client-tokens.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli';
import { parseCliArgs, UsageError } from './cli-args';
import { tokensSummary } from './cli-tokens';
import type { DerivedTokens } from './tokens';

const URL_ = 'https://www.figma.com/design/COGOSAMPLE0001/Storefront';
const UPLOAD = '0b7a2c1e-4d5f-4a6b-8c9d-0e1f2a3b4c5d';

describe('cogo tokens: arguments', () => {
  it('asks for what the output needs: the documents by default, css or tailwind when printed, all four for --out and --json', () => {
    expect(parseCliArgs(['tokens', 'COGOSAMPLE0001'], { COGO_API_KEY: 'cogo_env' })).toEqual({
      command: 'tokens',
      request: { file_key: 'COGOSAMPLE0001', formats: ['dtcg', 'resolver'] },
      format: 'dtcg',
      out: undefined,
      json: false,
      baseUrl: 'http://127.0.0.1:8787',
      apiKey: 'cogo_env',
    });
    expect(parseCliArgs(['tokens', URL_, '--format', 'css'], {})).toMatchObject({ request: { figma_url: URL_, formats: ['dtcg', 'css'] }, format: 'css' });
    expect(parseCliArgs(['tokens', URL_, '--format', 'resolver'], {})).toMatchObject({ request: { formats: ['dtcg', 'resolver'] }, format: 'resolver' });
    expect(parseCliArgs(['tokens', URL_, '--out', 'tokens'], {})).toMatchObject({ request: { formats: ['dtcg', 'resolver', 'css', 'tailwind'] }, format: undefined, out: 'tokens' });
    expect(parseCliArgs(['tokens', URL_, '--json'], {})).toMatchObject({ request: { formats: ['dtcg', 'resolver', 'css', 'tailwind'] }, format: undefined, json: true });
    // a plugin upload alone (any plan), or merged with the file's
    expect(parseCliArgs(['tokens', '--upload-id', UPLOAD], {})).toMatchObject({ request: { upload_id: UPLOAD, formats: ['dtcg', 'resolver'] } });
    expect(parseCliArgs(['tokens', 'COGOSAMPLE0001', '--upload-id', UPLOAD], {})).toMatchObject({ request: { file_key: 'COGOSAMPLE0001', upload_id: UPLOAD } });
  });

  it('refuses a command line that names no file, a bad format or two outputs (exit 2 with the usage)', async () => {
    const bad = [
      ['tokens'],
      ['tokens', 'not a key'],
      ['tokens', 'COGOSAMPLE0001', '--format', 'scss'],
      ['tokens', 'COGOSAMPLE0001', '--format', 'css', '--out', 'x'],
      ['tokens', 'COGOSAMPLE0001', '--json', '--out', 'x'],
      ['tokens', 'COGOSAMPLE0001', '--out', ''],
      ['tokens', 'COGOSAMPLE0001', '--node-id', '1:2'],
      ['tokens', '--upload-id', 'nope'],
    ];
    for (const argv of bad) expect(() => parseCliArgs(argv, {}), argv.join(' ')).toThrow(UsageError);
    let stderr = '';
    const io: CliIo = { stdout: { write: () => 0 }, stderr: { write: (t: string) => (stderr += t) }, env: {}, isTTY: false, fetch: () => Promise.reject(new TypeError('fetch failed')) };
    expect(await runCli(bad[3]!, io)).toBe(2);
    expect(stderr).toMatch(/^cogo: --format and --out each choose the output: give one\n\nUsage:/);
    expect(await runCli(['--help'], { ...io, stdout: { write: (t: string) => (stderr = t) } })).toBe(0);
    expect(stderr).toContain('Usage: cogo tokens <figma-url | file-key>');
  });
});

describe('cogo tokens: the summary line', () => {
  const answer = (o: { variables: number; unresolved: number; invalid: number; sources: DerivedTokens['sources']; cached: boolean }) =>
    ({
      version: '123',
      cached: o.cached,
      sources: o.sources,
      report: { variables: o.variables, tokens: { total: 2, byType: {} }, aliases: { total: 3, resolved: 3 - o.unresolved, resolvedByKey: 0, unresolved: o.unresolved, issues: [] }, invalidValues: Array.from({ length: o.invalid }) },
    }) as unknown as DerivedTokens;

  it('counts in the singular or plural, and names what was not written as is', () => {
    expect(tokensSummary(answer({ variables: 1, unresolved: 1, invalid: 0, sources: { variables: 'plugin', styles: 1 }, cached: false }))).toBe('2 tokens from 1 variable (plugin) and 1 style · version 123 · 1 alias not resolved (see --json)');
    expect(tokensSummary(answer({ variables: 9, unresolved: 2, invalid: 3, sources: { variables: 'both', styles: 0 }, cached: true }))).toBe(
      '2 tokens from 9 variables (both) and 0 styles · version 123 (stored: no Figma read) · 2 aliases not resolved, 3 invalid values replaced (see --json)',
    );
    expect(tokensSummary(answer({ variables: 0, unresolved: 0, invalid: 0, sources: { variables: 'unavailable', reason: 'the Variables REST API is Enterprise-only (403)', styles: 2 }, cached: false }))).toBe(
      '2 tokens from no variables (the Variables REST API is Enterprise-only (403)) and 2 styles · version 123',
    );
  });
});
