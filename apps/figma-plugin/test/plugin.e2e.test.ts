// The built plugin end to end against `./cogo dev`'s stack: dist/ui.html in a real Chromium as Figma shows it (a
// sandboxed iframe of opaque origin inside a secure page, test/plugin-host.ts: its fetches carry `Origin: null` and
// pass the API's CORS only because the dev stack lists `null`), dist/code.js run in a VM over the typed `figma` stub
// of the sample file (as Figma's sandbox runs it), and between them the bridge Figma provides: the UI's
// parent.postMessage reaches code.js's onmessage, figma.ui.postMessage reaches the UI as a message event. Paste the dev key, export the sample selection (presign → upload → ingest → the
// job streamed), see the preview, apply, hear of the project's changes, rename layers with live progress and apply
// the names in one undo step, derive tokens, list jobs; a wrong key shows the API's error with its request id.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { chromiumPath } from '@cogo/devstack/chromium';
import { runDev } from '@cogo/devstack/dev';
import { chromium, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without declarations
import { buildPlugin } from '../scripts/build.mjs';
import { createFigmaStub, type FigmaStub } from './figma-stub';
import { startPluginHost, type PluginHost } from './plugin-host';

const OUT = fileURLToPath(new URL('../test-output/', import.meta.url));
mkdirSync(OUT, { recursive: true });
const dist = mkdtempSync(join(tmpdir(), 'cogo-plugin-e2e-dist-'));
const dataDir = mkdtempSync(join(tmpdir(), 'cogo-plugin-e2e-'));
afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** code.js in a fresh VM context over the stub, the UI it shows in the host page, messages each way in order. */
async function openPlugin(page: Page, hosts: PluginHost[]): Promise<{ stub: FigmaStub; ui: FrameLocator; frame: () => Frame }> {
  const stub = createFigmaStub();
  let html = '';
  stub.host.showUI = (h: string) => void (html = h);
  let delivery = Promise.resolve();
  stub.host.ui.postMessage = (message: unknown) => {
    stub.log.posted.push(message);
    const copy = JSON.parse(JSON.stringify(message)) as unknown;
    delivery = delivery.then(() => page.evaluate((m) => (window as unknown as { __cogoToUi(m: unknown): void }).__cogoToUi(m), copy));
  };
  runInNewContext(readFileSync(join(dist, 'code.js'), 'utf8'), { figma: stub.host, __html__: readFileSync(join(dist, 'ui.html'), 'utf8') });
  expect(html).toContain('<nav>');
  await page.exposeFunction('__cogoToMain', (message: unknown) => stub.host.ui.onmessage!(message));
  const host = await startPluginHost(html);
  hosts.push(host);
  await page.goto(host.url);
  const frame = () => page.frames().find((f) => f.url() === 'about:srcdoc')!;
  return { stub, ui: page.frameLocator('#ui'), frame };
}

describe('the Figma plugin (built) in Chromium against ./cogo dev', () => {
  it('saves the key, extracts the selection plugin-only, previews, applies, hears of the changes, renames with live progress, derives tokens', async () => {
    await buildPlugin(dist);
    const code = await runDev({
      // a free port, picked again if another stack starting beside this one takes it first
      port: 0,
      dataDir,
      check: true,
      log: () => {},
      // a rename's result over 1 KiB is kept as a job_output artifact: the preview shows names the plugin fetched from it
      workerVars: { ARTIFACT_INLINE_MAX_BYTES: '1024' },
      onReady: async ({ apiUrl, apiKey }) => {
        const hosts: PluginHost[] = [];
        const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
        try {
          const page = await browser.newPage({ viewport: { width: 400, height: 640 } });
          const failures: string[] = [];
          page.on('pageerror', (e) => failures.push(e.message));
          const origins = new Set<string>();
          page.on('request', (r) => void (r.url().startsWith(apiUrl) && r.allHeaders().then((h) => origins.add(h.origin ?? '(none)'))));
          const artifactGets: string[] = [];
          page.on('requestfinished', (r) => void (r.url().startsWith(`${apiUrl}/artifacts/`) && r.response().then((res) => artifactGets.push(`${r.method()} ${res?.status()}`))));
          const { stub, ui, frame: uiFrame } = await openPlugin(page, hosts);
          const text = (testId: string) => ui.getByTestId(testId).textContent();
          const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });

          // Settings: the key goes to clientStorage through the main thread, never a Figma token
          await ui.getByRole('button', { name: 'Settings' }).click();
          await ui.getByLabel('COGO API URL').fill(apiUrl);
          await ui.getByLabel('COGO API key (not a Figma token)').fill(apiKey);
          await ui.getByRole('button', { name: 'Save', exact: true }).click();
          await expect.poll(() => text('settings-status'), { timeout: 10_000 }).toBe('Key saved in this Figma account (clientStorage).');
          expect([stub.storage.get('cogo.apiUrl'), stub.storage.get('cogo.apiKey')]).toEqual([apiUrl, apiKey]);
          expect(await ui.getByLabel('COGO API key (not a Figma token)').inputValue()).toBe('');
          await expect.poll(() => text('changes'), { timeout: 15_000 }).toBe('Following project changes: none since you opened the plugin.');
          await shot('plugin-settings');

          // Extract the selection: exported node by node by code.js, uploaded, ingested, streamed into the preview
          await stub.pages[0]!.loadAsync();
          const selected = stub.pages[0]!.children.slice(0, 2);
          stub.select(selected.map((n) => n.id));
          await ui.getByRole('button', { name: 'Extract', exact: true }).click();
          await ui.getByRole('button', { name: 'Extract selection' }).click();
          await expect.poll(() => text('extract-status'), { timeout: 60_000, interval: 500 }).toMatch(/^Job [0-9a-f]{8} done — review, then apply\.$/);
          expect(await text('extract-summary')).toMatch(/^1 page\(s\), 2 node\(s\), \d+ component\(s\), [1-9]\d* variable\(s\), [1-9]\d* style\(s\), \d+ KB$/);
          const previewPages = await ui.getByTestId('preview-page').allTextContents();
          expect(previewPages).toEqual([`${stub.pages[0]!.name}: ${previewPages[0]!.split(': ')[1]}`]);
          expect(previewPages[0]).toMatch(/: [1-9]\d* component\(s\)$/);
          await shot('plugin-extract-preview');

          await ui.getByRole('button', { name: 'Apply', exact: true }).click();
          await expect.poll(() => text('extract-status'), { timeout: 30_000 }).toMatch(/^Applied: [1-9]\d* new, 0 updated, 0 removed, 0 unchanged\.$/);
          // the apply's rows reached the project's change feed, and the plugin says so
          await expect.poll(() => text('changes'), { timeout: 15_000 }).toMatch(/^Since you opened the plugin: [1-9]\d* components? added, 1 page added.*\(latest \d\d:\d\d( [AP]M)?\)\.$/);
          await shot('plugin-applied');

          // Rename: the selection's layers named by the job, progress followed from its events, applied in one undo step
          const frame = selected[0]!;
          stub.select([frame.id]);
          const before = new Map([...stub.byId].map(([id, n]) => [id, n.name]));
          await ui.getByRole('button', { name: 'Rename', exact: true }).click();
          await ui.getByRole('button', { name: 'Suggest names for the selection' }).click();
          await expect.poll(() => text('rename-status'), { timeout: 60_000, interval: 250 }).toMatch(/^Completed: (\d+) of \1 batch(es)?, [1-9]\d* names$/);
          const rows = await ui.getByTestId('rename-row').allTextContents();
          expect(rows.length).toBeGreaterThan(0);
          expect(artifactGets).toEqual(['GET 200']);
          await shot('plugin-rename-preview');
          await ui.getByRole('button', { name: 'Apply names (one undo step)' }).click();
          await expect.poll(() => text('rename-status'), { timeout: 10_000 }).toBe(`Renamed ${rows.length} layer(s) in one undo step.`);
          expect(stub.log.commits).toHaveLength(1);
          // exactly the previewed names changed in the file, old → new as shown
          const changed = [...stub.byId].filter(([id, n]) => before.get(id) !== n.name).map(([id, n]) => `${before.get(id)} → ${n.name}`);
          expect(changed.sort()).toEqual([...rows].sort());

          // Tokens from the upload: DTCG JSON, then the same as CSS custom properties
          await ui.getByRole('button', { name: 'Tokens', exact: true }).click();
          await ui.getByRole('button', { name: 'Derive tokens' }).click();
          await expect.poll(() => text('tokens-output'), { timeout: 30_000 }).toMatch(/"\$type": "color"/);
          await ui.getByLabel('Format').selectOption('css');
          await ui.getByRole('button', { name: 'Derive tokens' }).click();
          await expect.poll(() => text('tokens-output'), { timeout: 30_000 }).toMatch(/^\/\* Design tokens \(W3C DTCG 2025\.10\) as CSS custom properties[\s\S]*--color-/);
          expect(await ui.locator('#tokens-status').textContent()).toMatch(/^\d+ tokens as tokens\.css: copy or download them\.$/);
          await shot('plugin-tokens');

          // Jobs: the plugin's ingest and the rename
          await ui.getByRole('button', { name: 'Jobs', exact: true }).click();
          await ui.getByRole('button', { name: 'Refresh' }).click();
          await expect.poll(async () => (await ui.getByTestId('job-row').allTextContents()).join('\n'), { timeout: 15_000 }).toMatch(/rename-layers · completed/);
          expect((await ui.getByTestId('job-row').allTextContents()).some((t) => / · figma-ingest · done · /.test(t))).toBe(true);
          await shot('plugin-jobs');

          // every call to the API came from the opaque origin, as from Figma's iframe
          expect([...origins]).toEqual(['null']);
          expect(await uiFrame().evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
          expect(failures).toEqual([]);

          // a wrong key: the API's error in words with its request id
          await ui.getByRole('button', { name: 'Settings' }).click();
          await ui.getByLabel('COGO API key (not a Figma token)').fill('cogo_wrong_key');
          await ui.getByRole('button', { name: 'Save', exact: true }).click();
          await ui.getByRole('button', { name: 'Jobs', exact: true }).click();
          await ui.getByRole('button', { name: 'Refresh' }).click();
          await expect.poll(() => ui.locator('#jobs-list li.error').textContent().catch(() => ''), { timeout: 15_000 }).toMatch(/\(request [0-9a-f-]{36}\)$/);
          await shot('plugin-wrong-key');
        } catch (err) {
          const pages = browser.contexts().flatMap((c) => c.pages());
          await pages[0]?.screenshot({ path: join(OUT, 'plugin-failure.png'), fullPage: true }).catch(() => {});
          throw err;
        } finally {
          await browser.close();
          await Promise.all(hosts.map((h) => h.close()));
        }
      },
    });
    expect(code).toBe(0);
  }, 240_000);
});
