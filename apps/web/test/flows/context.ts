// What every end-to-end flow gets: the signed-in page, its browser (for a second tab), the dev stack's URLs and a
// screenshot helper writing under apps/web/test-output/. One flow per dashboard page, called in order by
// dashboard.e2e.test.ts (later flows may rely on what earlier ones left: the extraction, its applied pages).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** How long a step that waits on the API may take: the whole suite runs beside it in CI, so more than the poll's default
 * second (a key's write is a database transaction). */
export const WAIT = { timeout: 15_000 };

export interface FlowContext {
  browser: Browser;
  page: Page;
  apiUrl: string;
  apiKey: string;
  sampleUrl: string;
  /** The dev stack's sample Storybook build. */
  storybookUrl: string;
  figmaFakeUrl: string | null;
  out: string;
}

export function shot(ctx: FlowContext, name: string) {
  return ctx.page.screenshot({ path: join(ctx.out, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, apiUrl: string, key: string) {
  await page.goto(`${apiUrl}/app/`);
  await page.getByLabel('Project API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
