/**
 * The Figma plugin's (apps/figma-plugin) bundle sizes: builds it as `pnpm --filter @cogo/figma-plugin run build`
 * does (esbuild, minified) and prints dist/code.js and dist/ui.html, raw and gzipped, with the build time.
 * Goal (printed PASS/FAIL): ui.html < 200 KB (raw, as Figma loads it into the iframe).
 * Run from the repo root: ./cogo bench figma-plugin. Prints figures only.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
// @ts-expect-error — a plain .mjs script without declarations
import { buildPlugin } from '../apps/figma-plugin/scripts/build.mjs';

const GOAL_UI_BYTES = 200 * 1024;
const dist = fileURLToPath(new URL('../apps/figma-plugin/dist/', import.meta.url));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const t0 = performance.now();
await buildPlugin(dist.replace(/\/$/, ''));
const ms = performance.now() - t0;
console.log(`figma plugin build: ${ms.toFixed(0)} ms`);
for (const file of ['code.js', 'ui.html']) {
  const bytes = readFileSync(`${dist}${file}`);
  console.log(`dist/${file}: ${kb(bytes.length)} raw, ${kb(gzipSync(bytes).length)} gzipped`);
}
const ui = readFileSync(`${dist}ui.html`).length;
console.log(`goal: ui.html < ${kb(GOAL_UI_BYTES)}: ${ui < GOAL_UI_BYTES ? 'PASS' : 'FAIL'} (${kb(ui)})`);
