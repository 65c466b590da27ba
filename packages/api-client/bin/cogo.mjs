#!/usr/bin/env node
// `cogo` without a build step: tsx (a devDependency of this package) loads the TypeScript CLI
// through a scoped loader, so nothing else in the process is transformed. One file for anywhere else:
// `pnpm --filter @cogo/api-client build:cli` → dist/cogo.mjs.
import { tsImport } from 'tsx/esm/api';

await tsImport('../src/cli-main.ts', import.meta.url);
