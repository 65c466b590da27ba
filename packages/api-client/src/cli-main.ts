// `cogo` as a process: argv, the terminal, Ctrl-C, files and stdin wired to runCli. bin/cogo.mjs runs it from source
// (in this repository); scripts/build-cli.ts bundles it into one file that runs on any Node ≥ 20, anywhere (CI).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runCli } from './cli';

const controller = new AbortController();
// first Ctrl-C stops the run cleanly (runCli reports and exits 130); a second one kills at once
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

process.exitCode = await runCli(process.argv.slice(2), {
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
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});
