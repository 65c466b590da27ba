#!/usr/bin/env node
// `cogo` without a build step: tsx (a devDependency of this package) loads the TypeScript CLI
// through a scoped loader, so nothing else in the process is transformed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const { runCli } = await tsImport('../src/cli.ts', import.meta.url);

const controller = new AbortController();
// first Ctrl-C stops the run cleanly (runCli reports and exits 130); a second one kills at once
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  signal: controller.signal,
  writeFile: async (path, bytes) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  },
  readFile: (path) => readFile(path, 'utf8'),
  // read only when asked (`cogo chat -`): a terminal's stdin would otherwise wait for Ctrl-D
  readStdin: async () => {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
});
process.exitCode = code;
