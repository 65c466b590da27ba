// The dashboard (apps/web) for `./cogo dev`: built when its export is missing or older than its sources (its own and
// those of the packages it bundles), so the Worker's static assets serve the current one at /app.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASSETS_DIR } from './wrangler';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = ['apps/web/app', 'apps/web/lib', 'apps/web/next.config.ts', 'apps/web/package.json', 'packages/api-client/src', 'packages/types/src'];

/** The newest modification time under `path` (0 when it does not exist). */
export function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

/** Whether the built dashboard is older than a source it is built from (or missing). */
export function dashboardStale(): boolean {
  const index = join(ASSETS_DIR, 'app', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newest(join(ROOT, s)) > built);
}

/** Builds the dashboard when stale (`pnpm --filter @cogo/web build`); throws with the build's output on failure. */
export function buildDashboard(log: (line: string) => void): void {
  if (!dashboardStale()) return;
  log('  building the dashboard (apps/web)…');
  const res = spawnSync('pnpm', ['--filter', '@cogo/web', 'run', 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (res.status !== 0) throw new Error(`the dashboard build failed:\n${(res.stdout ?? '') + (res.stderr ?? '')}`.slice(0, 4_000));
}
