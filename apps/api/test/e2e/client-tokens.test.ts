// `cogo tokens` (packages/api-client/src/cli-tokens.ts) against the real Worker: the CLI's fetch goes into the Worker,
// which derives through the Figma fake; what it prints or writes is compared with what the API answers itself. The
// command is given parsed (runTokens): workerd has no node:util parseArgs.
import { DerivedTokensResponseSchema } from '@cogo/types';
import { afterEach, describe, expect, it } from 'vitest';
import { describeError } from '../../../../packages/api-client/src/cli';
import { runTokens, type TokensCommand } from '../../../../packages/api-client/src/cli-tokens';
import { newFileKey, putFigmaFile, sampleFile, sampleVariables } from '../../src/modules/figma-compat/figma-compat.test-helpers';
import { api, BASE, createTestProject, figmaFake, type TestProject } from '../helpers';
import { workerTransport } from './client-helpers';

afterEach(() => figmaFake.clear());

async function run(p: TestProject, cmd: Partial<TokensCommand> & Pick<TokensCommand, 'request'>) {
  const transport = workerTransport();
  const files = new Map<string, string>();
  let stdout = '';
  let stderr = '';
  const code = await runTokens(
    { command: 'tokens', format: undefined, out: undefined, json: false, baseUrl: BASE, apiKey: p.key, ...cmd },
    { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, fetch: transport.fetch, writeFile: async (path, bytes) => void files.set(path, new TextDecoder().decode(bytes)) },
    describeError,
  );
  return { code, stdout, stderr, files, transport };
}

/** The file with the sample's variables (two collections, Light/Dark, aliases across them) and two styles. */
async function tokensFile() {
  const key = newFileKey();
  await putFigmaFile(key, sampleFile('Tokens', { styles: true }), sampleVariables());
  return key;
}

/** What the API answers for the same request, asked directly. */
async function direct(p: TestProject, body: object) {
  const res = await api('/figma-compat/uui/variables/derive', { method: 'POST', key: p.key, json: body });
  expect(res.status).toBe(200);
  return DerivedTokensResponseSchema.parse(await res.json());
}

describe('cogo tokens against the Worker', () => {
  it('prints the DTCG document the API derives, and says what it came from; asked again, the stored version', async () => {
    const p = await createTestProject();
    const key = await tokensFile();
    const first = await run(p, { request: { file_key: key, formats: ['dtcg', 'resolver'] }, format: 'dtcg' });
    expect(first.code).toBe(0);
    const answer = await direct(p, { file_key: key });
    expect(first.stderr).toBe(`${answer.report.tokens.total} tokens from 5 variables (rest) and 2 styles · version ${answer.version}\n`);
    expect(JSON.parse(first.stdout)).toEqual(answer.tokens);
    expect(first.stdout.endsWith('}\n')).toBe(true);
    expect(first.transport.requests.map((r) => [r.method, r.path, r.status])).toEqual([['POST', '/figma-compat/uui/variables/derive', 200]]);
    const again = await run(p, { request: { file_key: key, formats: ['dtcg', 'resolver'] }, format: 'resolver' });
    expect(JSON.parse(again.stdout)).toEqual(answer.resolver);
    expect(again.stderr).toBe(`${answer.report.tokens.total} tokens from 5 variables (rest) and 2 styles · version ${answer.version} (stored: no Figma read)\n`);
  });

  it('prints CSS or the Tailwind theme as the API makes them', async () => {
    const p = await createTestProject();
    const key = await tokensFile();
    const css = await run(p, { request: { file_key: key, formats: ['dtcg', 'css'] }, format: 'css' });
    const tailwind = await run(p, { request: { file_key: key, formats: ['dtcg', 'tailwind'] }, format: 'tailwind' });
    const answer = await direct(p, { file_key: key, formats: ['css', 'tailwind'] });
    expect([css.code, tailwind.code]).toEqual([0, 0]);
    expect(css.stdout.trimEnd()).toBe(answer.css!.trimEnd());
    expect(css.stdout).toContain('--color-primary');
    expect(tailwind.stdout.trimEnd()).toBe(answer.tailwind!.trimEnd());
    expect(tailwind.stdout).toContain('@theme');
  });

  it('writes every format under --out, each what the API answers', async () => {
    const p = await createTestProject();
    const key = await tokensFile();
    const { code, stdout, files } = await run(p, { request: { file_key: key, formats: ['dtcg', 'resolver', 'css', 'tailwind'] }, out: 'design/tokens/' });
    expect(code).toBe(0);
    expect([...files.keys()]).toEqual(['design/tokens/tokens.json', 'design/tokens/tokens.resolver.json', 'design/tokens/tokens.css', 'design/tokens/tailwind.css']);
    const answer = await direct(p, { file_key: key, formats: ['css', 'tailwind'] });
    expect(JSON.parse(files.get('design/tokens/tokens.json')!)).toEqual(answer.tokens);
    expect(JSON.parse(files.get('design/tokens/tokens.resolver.json')!)).toEqual(answer.resolver);
    expect(files.get('design/tokens/tokens.css')!.trimEnd()).toBe(answer.css!.trimEnd());
    expect(files.get('design/tokens/tailwind.css')!.trimEnd()).toBe(answer.tailwind!.trimEnd());
    expect(stdout.split('\n')[0]).toMatch(/^design\/tokens\/tokens\.json \(\d+ bytes\)$/);
  });

  it('exits 1 with the API refusal for a file with neither variables nor styles, writing nothing', async () => {
    const p = await createTestProject();
    const key = newFileKey();
    await putFigmaFile(key, sampleFile('Empty'));
    const { code, stdout, stderr, files } = await run(p, { request: { file_key: key, formats: ['dtcg', 'resolver', 'css', 'tailwind'] }, out: 'x' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(files.size).toBe(0);
    expect(stderr).toMatch(new RegExp(`^cogo: UNPROCESSABLE: .*Figma file ${key}.*no variables .* \\(request [0-9a-f-]+\\)\\n$`));
  });
});
