// `cogo images` argv parsing and where files go. What it does against the API is tested against the real
// Worker: apps/api/test/e2e/client-images.test.ts.
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli';
import { parseCliArgs, UsageError } from './cli-args';
import { artifactPath } from './cli-images';

const URL_ = 'https://www.figma.com/design/COGOSAMPLE0001/Storefront?node-id=1-2';

describe('cogo images: arguments', () => {
  it('reads nodes (repeatable), format, scale, fills and the output directory', () => {
    expect(parseCliArgs(['images', 'COGOSAMPLE0001', '--node-id', '1:2', '--node-id', '3-4', '--out', 'shots', '--format', 'svg', '--scale', '2', '--fills'], { COGO_API_KEY: 'cogo_env' })).toEqual({
      command: 'images',
      request: { file_key: 'COGOSAMPLE0001', node_ids: ['1:2', '3-4'], format: 'svg', scale: 2, include_fills: true, refresh: false },
      out: 'shots',
      json: false,
      baseUrl: 'http://127.0.0.1:8787',
      apiKey: 'cogo_env',
    });
    // the URL's node-id is enough
    expect(parseCliArgs(['images', URL_, '--out', '.'], {})).toMatchObject({ request: { figma_url: URL_, format: 'png', scale: 1, include_fills: false } });
    expect(parseCliArgs(['images', 'COGOSAMPLE0001', '--fills', '--out', 'x'], {})).toMatchObject({ request: { file_key: 'COGOSAMPLE0001', include_fills: true } });
  });

  it('refuses what the API would refuse, before calling it (exit 2 with the usage)', async () => {
    const bad = [
      ['images', 'COGOSAMPLE0001', '--node-id', '1:2'],
      ['images', 'COGOSAMPLE0001', '--out', 'x'],
      ['images', 'COGOSAMPLE0001', '--node-id', '1:2', '--out', 'x', '--format', 'gif'],
      ['images', 'COGOSAMPLE0001', '--node-id', '1:2', '--out', 'x', '--scale', '5'],
      ['images', 'COGOSAMPLE0001', '--node-id', '1:2', '--out', 'x', '--scale', 'big'],
      ['images', '--out', 'x'],
    ];
    for (const argv of bad) expect(() => parseCliArgs(argv, {}), argv.join(' ')).toThrow(UsageError);
    let stderr = '';
    const io: CliIo = { stdout: { write: () => 0 }, stderr: { write: (t: string) => (stderr += t) }, env: {}, isTTY: false, fetch: () => Promise.reject(new TypeError('fetch failed')) };
    expect(await runCli(bad[0]!, io)).toBe(2);
    expect(stderr).toContain('images needs --out');
    // extract keeps taking one node
    expect(() => parseCliArgs(['extract', 'COGOSAMPLE0001', '--node-id', '1:2', '--node-id', '3:4'], {})).toThrow('one --node-id');
  });

  it('writes nodes and fills under the directory by their stable names', () => {
    expect(artifactPath('out/', 'figma/KEY123456/nodes/1-2@2x.png')).toBe('out/nodes/1-2@2x.png');
    expect(artifactPath('/tmp/x', 'figma/KEY123456/fills/abc.jpg')).toBe('/tmp/x/fills/abc.jpg');
  });
});
