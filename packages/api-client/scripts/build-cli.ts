// Bundles the CLI into one file with no dependencies: dist/cogo.mjs, for `node cogo.mjs …` on any Node ≥ 20 — a CI
// job that runs `cogo drift` or `cogo tokens` needs that file and COGO_API_URL / COGO_API_KEY, not this repository.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds `outfile` (default dist/cogo.mjs); answers its path. */
export async function buildCli(outfile = `${root}dist/cogo.mjs`): Promise<string> {
  await build({
    entryPoints: [`${root}src/cli-main.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildCli(process.argv[2]));
