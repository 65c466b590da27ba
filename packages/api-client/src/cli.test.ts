import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli';
import { startFakeFigmaApi, type FakeFigmaApi, type FakeFigmaApiOptions } from './testing/fake-figma-api';

let api: FakeFigmaApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const URL_ = 'https://www.figma.com/design/COGOSAMPLE0001/Storefront?node-id=1-2';

async function run(argv: string[], opts: { isTTY?: boolean; env?: Record<string, string>; fake?: FakeFigmaApiOptions } = {}) {
  api ??= await startFakeFigmaApi({ apiKey: 'secret', ...opts.fake });
  let stdout = '';
  let stderr = '';
  let clock = 0;
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { COGO_API_URL: api.url, COGO_API_KEY: 'secret', ...opts.env },
    isTTY: opts.isTTY ?? false,
    fetch: (req) => fetch(req),
    now: () => (clock += 100),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, api };
}

describe('cogo extract', () => {
  it('--json prints only the merged result on stdout', async () => {
    const { code, stdout, stderr, api } = await run(['extract', URL_, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { job_id: string; file_key: string; pages: { page_id: string; name: string; components: { node_id: string }[] }[]; counts: unknown };
    expect(result.file_key).toBe('COGOSAMPLE0001');
    expect(result.pages.map((p) => [p.page_id, p.name, p.components.length])).toEqual([
      ['1:1', 'Home', 15],
      ['1:2', 'Checkout', 20],
      ['1:3', 'Account', 10],
    ]);
    // every component the stream carried is in the result
    const streamed = api.log(result.job_id).flatMap((e) => (e.event === 'page.chunk' ? (e.data.components as { node_id: string }[]) : []));
    expect(result.pages.flatMap((p) => p.components)).toEqual(streamed);
    expect(result.counts).toEqual({ pages: 3, chunks: 9, components: 45 });
    expect(stderr).toContain('page Home: chunk 1/3, +5 components');
  });

  it('prints one plain line per chunk when stderr is not a terminal', async () => {
    const { code, stdout, stderr } = await run(['extract', 'COGOSAMPLE0001']);
    expect(code).toBe(0);
    expect(stderr).not.toContain('\r');
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^job [0-9a-f-]{36}: file COGOSAMPLE0001, 3 pages, 9 chunks$/);
    expect(lines.slice(1)).toEqual([
      'page Home: chunk 1/3, +5 components',
      'page Home: chunk 2/3, +5 components',
      'page Home: chunk 3/3, +5 components',
      'page Checkout: chunk 1/4, +5 components',
      'page Checkout: chunk 2/4, +5 components',
      'page Checkout: chunk 3/4, +5 components',
      'page Checkout: chunk 4/4, +5 components',
      'page Account: chunk 1/2, +5 components',
      'page Account: chunk 2/2, +5 components',
    ]);
    expect(stdout).toMatch(/^job [0-9a-f-]{36} \(file COGOSAMPLE0001\): 3 pages, 9 chunks, 45 components\n {2}Home \(1:1\): 15 components\n/);
  });

  it('redraws a single progress line with \\r on a terminal and ends it with a newline', async () => {
    const { code, stderr } = await run(['extract', URL_], { isTTY: true });
    expect(code).toBe(0);
    expect(stderr.startsWith('\r[')).toBe(true);
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.slice(0, -1)).not.toContain('\n');
    const frames = stderr.slice(1, -1).split('\r');
    expect(frames.length).toBeGreaterThan(9);
    expect(frames.at(-1)?.trimEnd()).toMatch(/^\[#{24}\] 9\/9 chunks · 3\/3 pages · 45 components · \d+\.\ds$/);
    expect(frames[1]).toMatch(/^\[#{3}-{21}\] 1\/9 chunks · 0\/3 pages · 5 components · /);
  });

  it('resumes a dropped stream and still gets every component', async () => {
    const { code, stdout, stderr, api } = await run(['extract', URL_, '--json'], { fake: { streamFaults: { 1: { kind: 'drop', afterFrames: 6 } } } });
    expect(code).toBe(0);
    expect(stderr).toContain('reconnecting after event 6 in 250 ms (attempt 1): terminated\n');
    expect((JSON.parse(stdout) as { counts: unknown }).counts).toEqual({ pages: 3, chunks: 9, components: 45 });
    expect(api.streamCalls.map((c) => c.cursor)).toEqual(['0', '6', '18']);
  });

  it('--apply applies every page and prints its counts', async () => {
    api = await startFakeFigmaApi({ apiKey: 'secret' });
    // the flags win over the environment
    const { code, stdout } = await run(['extract', URL_, '--apply', '--base-url', api.url, '--api-key', 'secret'], {
      env: { COGO_API_URL: 'http://127.0.0.1:1', COGO_API_KEY: 'wrong' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('applied Home (1:1): {"inserted":15,"updated":0,"deleted":1,"unchanged":0}\n');
    expect(stdout).toMatch(/components\napplied Home.*\napplied Checkout.*\napplied Account \(1:3\): \{"inserted":10,"updated":0,"deleted":1,"unchanged":0\}\n$/);
    expect(api.applyCalls.map((c) => [(c.body.page as { node_id: string }).node_id, c.idempotencyKey?.endsWith('-0-1')])).toEqual([
      ['1:1', true],
      ['1:2', true],
      ['1:3', true],
    ]);
  });

  it('--apply --json puts the apply results in the JSON', async () => {
    const { code, stdout } = await run(['extract', URL_, '--apply', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { applied: { page_id: string; result: { inserted: number } }[] };
    expect(result.applied.map((a) => [a.page_id, a.result.inserted])).toEqual([
      ['1:1', 15],
      ['1:2', 20],
      ['1:3', 10],
    ]);
  });
});

describe('cogo errors and usage', () => {
  it('exits 1 with a one-line message for an API error', async () => {
    const { code, stdout, stderr } = await run(['extract', 'MISSINGFILE0']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^cogo: NOT_FOUND: Figma file not found \(request req-\d+\)\n$/);
  });

  it('exits 1 for a missing key and for a job that fails mid-stream', async () => {
    expect((await run(['extract', URL_], { env: { COGO_API_KEY: '' } })).stderr).toMatch(/^cogo: UNAUTHORIZED: missing or invalid API key \(request req-\d+\)\n$/);
    await api?.close();
    api = undefined;
    const failed = await run(['extract', URL_], { fake: { failWith: { code: 'UPSTREAM_FAILED', message: 'Figma answered 500', afterChunks: 4 } } });
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n').at(-1)).toBe('cogo: UPSTREAM_FAILED: Figma answered 500 (request req-job)');
  });

  it('exits 2 with the usage for bad command lines, 0 for --help', async () => {
    for (const argv of [[], ['extract'], ['frobnicate', 'x'], ['extract', URL_, '--bogus'], ['extract', 'not a url'], ['extract', URL_, '--base-url', 'ftp://x']]) {
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
});

describe('bin/cogo.mjs', () => {
  it('runs the TypeScript CLI with plain node', async () => {
    api = await startFakeFigmaApi();
    const bin = fileURLToPath(new URL('../bin/cogo.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'extract', 'COGOSAMPLE0001', '--json', '--base-url', api.url], {
      env: { ...process.env, COGO_API_KEY: '' },
    });
    expect((JSON.parse(stdout) as { counts: unknown }).counts).toEqual({ pages: 3, chunks: 9, components: 45 });
    const failed = await promisify(execFile)(process.execPath, [bin, 'extract'], {}).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
  });
});
