// The CLI's own parts: argv parsing, usage, exit codes, the bin wrapper. What `cogo extract` does
// against the API is tested against the real Worker: apps/api/test/e2e/client-cli.test.ts.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../scripts/build-cli';
import { runCli, type CliIo } from './cli';
import { DEFAULT_API_URL, parseCliArgs } from './cli-args';

const URL_ = 'https://www.figma.com/design/COGOSAMPLE0001/Storefront?node-id=1-2';

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
    isTTY: false,
    // nothing here may reach a network
    fetch: () => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') })),
  };
  return { code: await runCli(argv, io), stdout, stderr };
}

describe('parseCliArgs', () => {
  it('reads the target, the flags, and falls back to the environment; the flags win', () => {
    expect(parseCliArgs(['extract', URL_, '--json', '--apply'], { COGO_API_URL: 'http://api.test', COGO_API_KEY: 'cogo_env' })).toEqual({
      command: 'extract',
      start: { figma_url: URL_ },
      apply: true,
      json: true,
      baseUrl: 'http://api.test',
      apiKey: 'cogo_env',
    });
    const flags = parseCliArgs(['extract', 'COGOSAMPLE0001', '--node-id', '1:2', '--base-url', 'http://flag.test', '--api-key', 'cogo_flag'], {
      COGO_API_URL: 'http://127.0.0.1:1',
      COGO_API_KEY: 'cogo_env',
    });
    expect(flags).toMatchObject({ start: { file_key: 'COGOSAMPLE0001', node_id: '1:2' }, baseUrl: 'http://flag.test', apiKey: 'cogo_flag', apply: false, json: false });
    expect(parseCliArgs(['extract', 'COGOSAMPLE0001'], { COGO_API_KEY: '' })).toMatchObject({ baseUrl: DEFAULT_API_URL, apiKey: undefined });
  });
});

describe('cogo usage and failures', () => {
  it('exits 2 with the usage for bad command lines, 0 for --help', async () => {
    for (const argv of [[], ['extract'], ['frobnicate', 'x'], ['extract', URL_, '--bogus'], ['extract', 'not a url'], ['extract', URL_, '--base-url', 'ftp://x'], ['extract', URL_, '--node-id', '']]) {
      const { code, stdout, stderr } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^cogo: .+\n\nUsage: cogo extract/);
    }
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: cogo extract <figma-url \| file-key> \[options\]/);
    expect(help.stdout).toContain('--api-key <key>');
  });

  it('exits 1 naming a network failure and its cause', async () => {
    const { code, stdout, stderr } = await run(['extract', URL_]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('cogo: NETWORK_ERROR: fetch failed (connect ECONNREFUSED)\n');
  });
});

describe('bin/cogo.mjs', () => {
  it('runs the TypeScript CLI with plain node', async () => {
    const bin = fileURLToPath(new URL('../bin/cogo.mjs', import.meta.url));
    const exec = (args: string[]) => promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, COGO_API_KEY: '' } });
    expect((await exec(['--help'])).stdout).toMatch(/^Usage: cogo extract/);
    expect(await exec(['extract']).catch((e: { code: number }) => e)).toMatchObject({ code: 2 });
    // nothing listens on port 1: the real fetch fails and the CLI says so
    const refused = await exec(['extract', 'COGOSAMPLE0001', '--base-url', 'http://127.0.0.1:1']).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/^cogo: NETWORK_ERROR: fetch failed/) as unknown });
  });

  it('bundles into one file that runs on plain Node outside the repository (no node_modules beside it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogo-bundle-'));
    try {
      const file = await buildCli(join(dir, 'cogo.mjs'));
      const exec = (args: string[]) => promisify(execFile)(process.execPath, [file, ...args], { cwd: dir, env: { ...process.env, COGO_API_KEY: '' } });
      expect((await exec(['--help'])).stdout).toContain('Usage: cogo drift [<figma-url | file-key>]');
      const refused = await exec(['tokens', 'COGOSAMPLE0001', '--base-url', 'http://127.0.0.1:1']).catch((e: { code: number; stderr: string }) => e);
      expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/^cogo: NETWORK_ERROR: fetch failed/) as unknown });
      expect(await exec(['tokens']).catch((e: { code: number }) => e)).toMatchObject({ code: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs from ./cogo in the caller\'s directory: a relative path is the caller\'s, not the repository\'s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cogo-cwd-'));
    try {
      writeFileSync(join(dir, 'page.json'), '[1]');
      const cogo = fileURLToPath(new URL('../../../cogo', import.meta.url));
      const run = promisify(execFile)('bash', [cogo, 'design', 'describe it', '--page', 'page.json', '--base-url', 'http://127.0.0.1:1'], { cwd: dir, env: { ...process.env, COGO_API_KEY: '' } });
      // the file was read (and refused for what it holds), so it was looked for where the caller is
      expect(await run.catch((e: { code: number; stderr: string }) => e)).toMatchObject({ code: 2, stderr: 'cogo: --page page.json: not a cogo_ui_json object\n' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
