// The Figma plugin (apps/figma-plugin) for `./cogo dev`: built when dist/ is missing or older than its sources, so
// "Import plugin from manifest" in Figma finds dist/code.js and dist/ui.html at once (esbuild, about a second).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest } from './dashboard';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OUTPUTS = ['apps/figma-plugin/dist/code.js', 'apps/figma-plugin/dist/ui.html'];
const SOURCES = ['apps/figma-plugin/src', 'apps/figma-plugin/scripts', 'apps/figma-plugin/package.json', 'packages/api-client/src', 'packages/types/src'];

/** Whether a built plugin file is missing or older than a source it is built from. */
export function pluginStale(): boolean {
  const built = OUTPUTS.map((o) => join(ROOT, o));
  if (!built.every(existsSync)) return true;
  const oldest = Math.min(...built.map((b) => statSync(b).mtimeMs));
  return SOURCES.some((s) => newest(join(ROOT, s)) > oldest);
}

/** Builds the plugin when stale (`pnpm --filter @cogo/figma-plugin run build`); throws with the build's output on failure. */
export function buildPlugin(log: (line: string) => void): void {
  if (!pluginStale()) return;
  log('  building the Figma plugin (apps/figma-plugin)…');
  const res = spawnSync('pnpm', ['--filter', '@cogo/figma-plugin', 'run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`the Figma plugin build failed:\n${(res.stdout ?? '') + (res.stderr ?? '')}`.slice(0, 4_000));
}
