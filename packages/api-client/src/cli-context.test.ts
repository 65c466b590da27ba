// `cogo context` argv parsing and usage errors. What it prints against the API is tested against the
// real Worker: apps/api/test/e2e/client-context.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli';
import { parseCliArgs } from './cli-args';

const URL_ = 'https://www.figma.com/design/COGOSAMPLE0001/Storefront';
const ENV = { COGO_API_URL: 'http://api.test', COGO_API_KEY: 'cogo_env' };

describe('parseCliArgs: context', () => {
  it('reads the target, --node-id, --format, --max-bytes and --cursor', () => {
    expect(parseCliArgs(['context', URL_], ENV)).toEqual({
      command: 'context',
      start: { figma_url: URL_ },
      format: undefined,
      maxBytes: undefined,
      cursor: undefined,
      baseUrl: 'http://api.test',
      apiKey: 'cogo_env',
    });
    expect(parseCliArgs(['context', 'COGOSAMPLE0001', '--node-id', '1:2', '--format', 'json', '--max-bytes', '2048'], ENV)).toMatchObject({
      start: { file_key: 'COGOSAMPLE0001', node_id: '1:2' },
      format: 'json',
      maxBytes: 2048,
    });
    // a cursor names its job: nothing to extract, with or without the URL
    expect(parseCliArgs(['context', '--cursor', 'abc.0123456789abcdef'], ENV)).toMatchObject({ start: null, cursor: 'abc.0123456789abcdef' });
    expect(parseCliArgs(['context', URL_, '--cursor', 'abc.0123456789abcdef', '--max-bytes', '1024'], ENV)).toMatchObject({ start: null, maxBytes: 1024 });
  });

  it('exits 2 with the usage for a bad context command line', async () => {
    const bad = [
      ['context'],
      ['context', URL_, '--format', 'png'],
      ['context', URL_, '--max-bytes', '10'],
      ['context', URL_, '--max-bytes', '1e4'],
      ['context', URL_, '--max-bytes', String(8 * 1024 * 1024)],
      ['context', URL_, '--cursor', ''],
      ['context', URL_, '--node-id', '1:2', '--node-id', '1:3'],
    ];
    for (const argv of bad) {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        env: ENV,
        isTTY: false,
        fetch: () => Promise.reject(new Error('no request may be sent')),
      };
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^cogo: .+\n\nUsage: /);
      expect(stderr).toContain('Usage: cogo context <figma-url | file-key>');
    }
  });
});
