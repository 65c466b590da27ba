/**
 * One design-sync bench scenario, run in a fresh process by bench/design-sync.ts (so its first round is truly cold):
 *   node --import tsx bench/lib/design-sync-run.ts --drift N [--warm K]     driftOf + diff hash for N mappings
 *   node --import tsx bench/lib/design-sync-run.ts --coverage N [--warm K]  coverageOf for N components
 * A drift round is what the API does per mapping: driftOf, then sha256 of the canonical items (the diff hash).
 * The first round is `cold`; the next K are `warm`, each also split into driftOf alone and hashing alone; the
 * content hash of a registry component (canonical JSON + sha256, as an ingest does) is timed per component.
 * Prints one `@@result {json}` line.
 */
import { coverageOf } from '../../packages/design-sync/src/coverage';
import { driftOf } from '../../packages/design-sync/src/drift';
import { canonicalJson, sha256Hex } from '../../packages/design-sync/src/hash';
import { matchDesignProps } from '../../packages/design-sync/src/match';
import type { DriftItem } from '../../packages/design-sync/src/types';
import { generatePairs } from './design-sync-generate';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const WARM = Number(arg('warm') ?? 7);

async function timed(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function driftScenario(n: number) {
  const pairs = generatePairs(n);
  const driftAll = () => pairs.map((p) => driftOf(p).items);
  const hashAll = (all: DriftItem[][]) => Promise.all(all.map((items) => sha256Hex(canonicalJson(items))));
  const round = async () => hashAll(driftAll());
  const cold = await timed(round);
  const warm: number[] = [];
  const driftOnly: number[] = [];
  const hashOnly: number[] = [];
  let items: DriftItem[][] = [];
  for (let i = 0; i < WARM; i++) {
    warm.push(await timed(round));
    driftOnly.push(await timed(() => (items = driftAll())));
    hashOnly.push(await timed(() => hashAll(items)));
  }
  // content hash of a registry component: canonical JSON alone, then with sha256
  const codes = pairs.map((p) => p.code);
  const canonical: number[] = [];
  const content: number[] = [];
  for (let i = 0; i < WARM; i++) {
    canonical.push(await timed(() => codes.map((c) => canonicalJson(c))));
    content.push(await timed(() => Promise.all(codes.map((c) => sha256Hex(canonicalJson(c))))));
  }
  const drifted = items.filter((x) => x.length).length;
  const byKind: Record<string, number> = {};
  for (const x of items.flat()) byKind[x.kind] = (byKind[x.kind] ?? 0) + 1;
  const bytes = codes.reduce((s, c) => s + canonicalJson(c).length, 0) / codes.length;
  return { n, drifted, byKind, cold, warm, driftOnly, hashOnly, canonical, content, componentBytes: bytes };
}

async function coverageScenario(n: number) {
  const pairs = generatePairs(n, 7);
  // the API passes each confirmed mapping's props map
  const maps = pairs.map((p) => matchDesignProps(p.design, p.code));
  const round = () => pairs.map((p, i) => coverageOf(p.code, p.design, maps[i]!));
  const cold = await timed(round);
  const warm: number[] = [];
  for (let i = 0; i < WARM; i++) warm.push(await timed(round));
  const reports = round();
  const variants = reports.reduce((s, r) => s + r.variants.total, 0);
  const covered = reports.reduce((s, r) => s + r.variants.covered, 0);
  const stories = reports.reduce((s, r) => s + r.stories, 0);
  return { n, cold, warm, variants, covered, stories };
}

const drift = arg('drift');
const coverage = arg('coverage');
const result = drift ? await driftScenario(Number(drift)) : coverage ? await coverageScenario(Number(coverage)) : null;
if (!result) throw new Error('give --drift N or --coverage N');
console.log(`@@result ${JSON.stringify(result)}`);
