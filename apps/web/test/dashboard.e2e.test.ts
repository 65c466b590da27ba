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
import { chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@cogo/devstack/ports';

const OUT = fileURLToPath(new URL('../test-output/', import.meta.url));
mkdirSync(OUT, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'cogo-web-e2e-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// the flags keep Chromium off the network (as the dev stack's own Chromium)
const ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function signIn(page: Page, apiUrl: string, key: string) {
  await page.goto(`${apiUrl}/app/`);
  await page.getByLabel('Project API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('dashboard (apps/web) in Chromium', () => {
  it('signs in, manages keys, extracts the sample live to done, applies, draws a frame, shows tokens, the job and its trace; a revoked key is refused', async () => {
    const lines: string[] = [];
    const code = await runDev({
      port: await freePort(),
      dataDir,
      check: true,
      log: (l) => lines.push(l),
      onReady: async ({ apiUrl, apiKey }) => {
        const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
        try {
          const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
          const failures: string[] = [];
          page.on('pageerror', (e) => failures.push(e.message));

          await signIn(page, apiUrl, apiKey);
          await expect.poll(() => page.getByTestId('project-name').textContent(), { timeout: 15_000 }).toBeTruthy();
          await page.screenshot({ path: join(OUT, 'signed-in.png') });

          // keys: one created (shown once), rotated (a new one shown), then revoked after a confirmation
          const rowsBefore = await page.getByTestId('key-row').count();
          await page.getByLabel('New key name').fill('e2e');
          await page.getByRole('button', { name: 'Create key' }).click();
          await expect.poll(() => page.getByTestId('new-key').textContent().catch(() => ''), { timeout: 15_000 }).toMatch(/^cogo_/);
          const created = (await page.getByTestId('new-key').textContent())!;
          await expect.poll(() => page.getByTestId('key-row').count()).toBe(rowsBefore + 1);
          await page.getByRole('button', { name: 'Rotate e2e' }).click();
          await expect.poll(() => page.getByTestId('new-key').textContent()).not.toBe(created);
          const rotated = (await page.getByTestId('new-key').textContent())!;
          // the rotated key's row is revoked and its successor live, in the list shown with the new key
          const e2eRows = page.getByTestId('key-row').filter({ hasText: 'e2e' });
          expect((await e2eRows.allTextContents()).map((t) => (t.includes('revoked') ? 'revoked' : 'active')).sort()).toEqual(['active', 'revoked']);
          await page.getByRole('button', { name: 'Revoke e2e' }).click();
          await page.getByRole('button', { name: 'Confirm revoke e2e' }).click();
          await expect.poll(async () => (await page.getByTestId('key-row').filter({ hasText: 'e2e' }).allTextContents()).every((t) => t.includes('revoked'))).toBe(true);
          // rotating the tab's own key: the tab goes on with its successor (every later step uses it)
          const own = page.getByTestId('key-row').filter({ hasText: '(this tab)' });
          const ownName = (await own.locator('td').first().textContent())!;
          await own.getByRole('button', { name: `Rotate ${ownName}` }).click();
          await expect.poll(() => page.getByTestId('new-key').textContent()).not.toBe(rotated);
          const successor = (await page.getByTestId('new-key').textContent())!;
          expect(await page.evaluate(() => sessionStorage.getItem('cogo.apiKey'))).toBe(successor);
          await expect.poll(async () => (await page.getByTestId('key-row').filter({ hasText: '(this tab)' }).allTextContents()).join('|')).toMatch(/active/);
          expect(await page.getByTestId('project-name').textContent()).toBeTruthy();
          await page.screenshot({ path: join(OUT, 'keys.png'), fullPage: true });

          await page.getByRole('link', { name: 'Extract' }).click();
          await page.getByRole('button', { name: 'Extract the sample' }).click();
          await expect.poll(() => page.getByTestId('job-phase').textContent(), { timeout: 60_000 }).toBe('done');
          const progress = page.locator('progress#chunks');
          expect(await progress.getAttribute('value')).toBe('100');
          const rows = page.locator('table tbody tr');
          expect(await rows.count()).toBeGreaterThan(1);
          await page.screenshot({ path: join(OUT, 'extract-done.png'), fullPage: true });

          await page.getByRole('button', { name: /^Apply \d+ pages$/ }).click();
          await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/pages applied: \d+ components written/);
          await page.screenshot({ path: join(OUT, 'applied.png'), fullPage: true });

          // the design browser draws a frame of the extraction from its compact context
          await page.getByRole('link', { name: 'Design' }).click();
          await page.getByRole('button', { name: 'Home F', exact: true }).click();
          await expect.poll(() => page.getByTestId('selected-name').textContent(), { timeout: 15_000 }).toBe('Home');
          const drawing = page.getByTestId('drawing');
          expect(await drawing.locator('[data-node-id]').count()).toBeGreaterThan(10);
          expect(await drawing.textContent()).toContain('Summer collection');
          expect(await page.getByTestId('node-text').textContent()).toMatch(/F "Home" #20:29/);
          await page.screenshot({ path: join(OUT, 'design-home.png'), fullPage: true });

          // the sample's tokens: colour swatches in the default modes, then Dark resolved
          await page.getByRole('link', { name: 'Tokens' }).click();
          await page.getByRole('button', { name: 'Derive tokens' }).click();
          await expect.poll(() => page.getByTestId('tokens-summary').textContent().catch(() => ''), { timeout: 30_000 }).toMatch(/^\d+ tokens from \d+ variables/);
          const swatches = await page.getByTestId('swatch').count();
          expect(swatches).toBeGreaterThan(0);
          const light = await page.locator('table').first().textContent();
          await page.getByLabel('Mode').selectOption('Dark');
          await expect.poll(() => page.locator('table').first().textContent()).not.toBe(light);
          expect(await page.getByTestId('swatch').count()).toBe(swatches);
          await page.screenshot({ path: join(OUT, 'tokens-dark.png'), fullPage: true });

          await page.getByRole('link', { name: 'Jobs' }).click();
          await expect.poll(async () => (await page.getByTestId('job-row').allTextContents()).join('\n'), { timeout: 15_000 }).toMatch(/figma-context\s*done/);
          // the extraction's trace as a waterfall: its requests arrive through the metrics queue within seconds
          await page.getByTestId('job-row').filter({ hasText: 'figma-context' }).first().getByRole('link', { name: 'trace' }).click();
          await expect.poll(() => page.getByTestId('trace-summary').textContent().catch(() => ''), { timeout: 45_000 }).toMatch(/^[1-9]\d* requests/);
          expect(await page.locator('.waterfall li[data-kind="request"]').count()).toBeGreaterThan(0);
          expect(await page.locator('.waterfall').textContent()).toContain('/figma-context/start');
          await page.screenshot({ path: join(OUT, 'trace.png'), fullPage: true });

          await page.getByRole('link', { name: 'Jobs' }).click();
          await page.getByTestId('job-row').first().waitFor();
          await page.setViewportSize({ width: 400, height: 800 });
          await page.screenshot({ path: join(OUT, 'jobs-400px.png'), fullPage: true });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
          expect(failures).toEqual([]);

          // the key revoked above: the API's envelope with its code and request id, and no session kept
          const other = await browser.newPage();
          await signIn(other, apiUrl, rotated);
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
