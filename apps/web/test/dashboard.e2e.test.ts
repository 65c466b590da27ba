// The dashboard end to end in a real Chromium against `./cogo dev`'s stack (the Worker serving /app from its static
// assets, same origin as the API): sign in with the dev key, extract the sample and watch its progress reach done,
// apply its pages, see a frame drawn in the design browser, the sample's tokens (and their Dark mode), the job in the
// history and its trace; keys created, rotated (shown once) and revoked — the revoked key then refused with the API's
// error and its request id; plugin-sized (400 px) too. Each flow saves a screenshot under apps/web/test-output/ for a
// person to review.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from '@cogo/devstack/chromium';
import { runDev } from '@cogo/devstack/dev';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type FlowContext, signIn } from './flows/context';
import { cancelFlow } from './flows/cancel';
import { chatFlow } from './flows/chat';
import { designFlow } from './flows/design';
import { extractFlow } from './flows/extract';
import { jobsFlow } from './flows/jobs';
import { keysFlow } from './flows/keys';
import { observeFlow } from './flows/observe';
import { tokensDiffFlow } from './flows/tokens-diff';
import { syncFlow } from './flows/sync';
import { tokensFlow } from './flows/tokens';

const OUT = fileURLToPath(new URL('../test-output/', import.meta.url));
mkdirSync(OUT, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'cogo-web-e2e-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// the flags keep Chromium off the network (as the dev stack's own Chromium)
const ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('dashboard (apps/web) in Chromium', () => {
  it('signs in, manages keys, extracts the sample live to done, applies, draws a frame, shows tokens, the job and its trace; a revoked key is refused', async () => {
    const lines: string[] = [];
    const code = await runDev({
      // a free port, picked again if another stack starting beside this one takes it first
      port: 0,
      dataDir,
      check: true,
      log: (l) => lines.push(l),
      onReady: async ({ apiUrl, apiKey, sampleUrl, storybookUrl, figmaFakeUrl }) => {
        const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
        try {
          const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
          const failures: string[] = [];
          page.on('pageerror', (e) => failures.push(e.message));

          await signIn(page, apiUrl, apiKey);
          await expect.poll(() => page.getByTestId('project-name').textContent(), { timeout: 15_000 }).toBeTruthy();
          await page.screenshot({ path: join(OUT, 'signed-in.png') });
          const ctx: FlowContext = { browser, page, apiUrl, apiKey, sampleUrl, storybookUrl, figmaFakeUrl, out: OUT };

          const { revoked } = await keysFlow(ctx);
          await cancelFlow(ctx);
          await extractFlow(ctx);
          await designFlow(ctx);
          await tokensFlow(ctx);
          await jobsFlow(ctx);
          await syncFlow(ctx);
          await chatFlow(ctx);
          await observeFlow(ctx);
          await tokensDiffFlow(ctx);

          await page.getByRole('link', { name: 'Jobs' }).click();
          await page.getByTestId('job-row').first().waitFor();
          await page.setViewportSize({ width: 400, height: 800 });
          await page.screenshot({ path: join(OUT, 'jobs-400px.png'), fullPage: true });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
          expect(failures).toEqual([]);

          // the key revoked above: the API's envelope with its code and request id, and no session kept
          const other = await browser.newPage();
          await signIn(other, apiUrl, revoked);
          const alert = other.getByRole('alert').filter({ hasText: 'UNAUTHORIZED' });
          await expect.poll(() => alert.count(), { timeout: 15_000 }).toBe(1);
          expect(await alert.textContent()).toMatch(/request id \S+/);
          expect(await other.evaluate(() => sessionStorage.getItem('cogo.apiKey'))).toBeNull();
          await other.screenshot({ path: join(OUT, 'wrong-key.png') });
        } catch (err) {
          // what the browser showed when a step failed
          for (const [i, p] of browser.contexts().flatMap((c) => c.pages()).entries()) await p.screenshot({ path: join(OUT, `failure-${i}.png`), fullPage: true }).catch(() => {});
          throw err;
        } finally {
          await browser.close();
        }
      },
    });
    expect(code, lines.join('\n')).toBe(0);
    expect(lines.join('\n')).toMatch(/Dashboard\s+http:\/\/127\.0\.0\.1:\d+\/app\//);
  });
});
