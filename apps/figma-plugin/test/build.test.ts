// The build Figma loads: dist/code.js runs in a bare context with only `figma` and `__html__` (as in Figma's
// sandbox), and dist/ui.html is one self-contained file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without declarations
import { buildPlugin } from '../scripts/build.mjs';
import { createFigmaStub } from './figma-stub';

const out = mkdtempSync(join(tmpdir(), 'cogo-plugin-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the plugin build', () => {
  it('bundles code.js that shows the UI and answers it, and one self-contained ui.html', async () => {
    const sizes = (await buildPlugin(out)) as { codeBytes: number; uiBytes: number };
    const code = readFileSync(join(out, 'code.js'), 'utf8');
    const html = readFileSync(join(out, 'ui.html'), 'utf8');
    expect(sizes).toEqual({ codeBytes: Buffer.byteLength(code), uiBytes: Buffer.byteLength(html) });

    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|UI_SCRIPT/);
    expect(html.indexOf('</script>')).toBe(html.lastIndexOf('</script>'));

    const stub = createFigmaStub();
    const shown: unknown[] = [];
    stub.host.showUI = (htmlArg: string) => void shown.push(htmlArg);
    runInNewContext(code, { figma: stub.host, __html__: '<p>ui</p>' });
    expect(shown).toEqual(['<p>ui</p>']);
    await stub.host.ui.onmessage!({ type: 'settings.save', apiUrl: 'http://localhost:8787', apiKey: 'cogo_k' });
    expect(stub.storage.get('cogo.apiKey')).toBe('cogo_k');
    expect(stub.log.posted).toEqual([{ type: 'settings', apiUrl: 'http://localhost:8787', apiKey: 'cogo_k' }]);
  });
});
