/**
 * design-sync library speed (issue 15): drift of N mappings (driftOf + the sha256 diff hash of its canonical items,
 * as the API computes a report) for N = 50 / 1,000 / 10,000 generated design ↔ code pairs
 * (bench/lib/design-sync-generate.ts: 2–6 props, drift in about a third), coverage of 200 components, and the cost
 * of a canonical content hash. Run from the repo root:
 *   ./cogo bench design-sync [--warm 7]
 * Each scenario runs in a fresh Node process (bench/lib/design-sync-run.ts): `cold` is its first round (code not yet
 * optimised), `warm` the min / median of the next `--warm` rounds (at least 5). Library level only: no database,
 * no HTTP. Goals: the seed's 50 mappings in ≤ 2 s; 10,000 in < 1 s; coverage of 200 components < 100 ms.
 * Prints figures only.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const WARM = Math.max(5, Number(arg('warm') ?? 7));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface DriftRun {
  n: number;
  drifted: number;
  byKind: Record<string, number>;
  cold: number;
  warm: number[];
  driftOnly: number[];
  hashOnly: number[];
  canonical: number[];
  content: number[];
  componentBytes: number;
}
interface CoverageRun {
  n: number;
  cold: number;
  warm: number[];
  variants: number;
  covered: number;
  stories: number;
}

function run<T>(args: string[]): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/lib/design-sync-run.ts', ...args, '--warm', String(WARM)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.split('\n').find((l) => l.startsWith('@@result '))!.slice(9)) as T;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);
const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1).padStart(8);
const us = (totalMs: number, n: number) => ((totalMs * 1000) / n).toFixed(1);
const ok = (b: boolean) => (b ? 'met' : 'NOT met');

console.log('design-sync bench — driftOf + diff hash per mapping, coverageOf, canonical hashing (library level, one Node process per scenario)');
console.log(`machine: load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} on ${availableParallelism()} CPUs; Node ${process.version}; warm = ${WARM} rounds after the cold one\n`);

const drifts = [50, 1_000, 10_000].map((n) => run<DriftRun>(['--drift', String(n)]));
console.log('mappings   drifted   cold (ms)   warm min   warm median   µs/mapping   of which driftOf / hash (warm median, ms)');
for (const r of drifts) {
  const w = median(r.warm);
  console.log(`${String(r.n).padStart(8)}   ${String(r.drifted).padStart(7)}   ${ms(r.cold)}   ${ms(min(r.warm))}   ${ms(w).padStart(11)}   ${us(w, r.n).padStart(10)}   ${median(r.driftOnly).toFixed(1)} / ${median(r.hashOnly).toFixed(1)}`);
}
const big = drifts.at(-1)!;
console.log(`\nitems at 10,000: ${Object.entries(big.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(
  `canonical hash of a registry component (${big.componentBytes.toFixed(0)} bytes of canonical JSON, warm median over 10,000): canonicalJson ${us(median(big.canonical), big.n)} µs, + sha256 ${us(median(big.content), big.n)} µs in all`,
);

const cov = run<CoverageRun>(['--coverage', '200']);
console.log(`\ncoverage of ${cov.n} components (${cov.stories} stories, ${cov.variants} variant options, ${cov.covered} covered): cold ${ms(cov.cold).trim()} ms, warm min ${ms(min(cov.warm)).trim()} / median ${ms(median(cov.warm)).trim()} ms`);

const seed = drifts[0]!;
console.log('\ngoals');
console.log(`  seed: 50 mappings in ≤ 2 s           cold ${ms(seed.cold).trim()} ms (${ok(seed.cold <= 2_000)}), warm median ${ms(median(seed.warm)).trim()} ms (${ok(median(seed.warm) <= 2_000)})`);
console.log(`  10,000 mappings in < 1 s             cold ${ms(big.cold).trim()} ms (${ok(big.cold < 1_000)}), warm median ${ms(median(big.warm)).trim()} ms (${ok(median(big.warm) < 1_000)})`);
console.log(`  coverage of 200 components < 100 ms  cold ${ms(cov.cold).trim()} ms (${ok(cov.cold < 100)}), warm median ${ms(median(cov.warm)).trim()} ms (${ok(median(cov.warm) < 100)})`);
