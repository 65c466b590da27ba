/**
 * What parsing a Figma answer a piece at a time costs and gives (issue 10; apps/api/src/lib/json-paced.ts and
 * ContextBuilder.addNodesPaced). Run from the repo root:
 *   ./cogo bench json-paced [--nodes 20000] [--frames 50] [--runs 9]
 * The input is a real-shaped /nodes answer: `--frames` top-level frames of a generated `--nodes`-node file
 * (@cogo/fakes generateLargeFile, as `bench load` serves it), as the Figma fake would answer them in one request.
 * Side by side in one process, alternating run by run (warm: the first two runs of each are dropped):
 *   JSON.parse            the whole body in one go, then addNodes (one go)
 *   paced                 parseJsonPaced, then addNodesPaced (PACE_NODES), each pause a real timer turn
 * Per way: the total time (median), the CPU of the steps alone, and the longest stretch the thread was held without
 * a pause — what another request arriving meanwhile waits at most. Node's V8, as workerd's. Prints figures only.
 */
import { ContextBuilder } from '@cogo/figma-context';
import { generateLargeFile } from '@cogo/fakes';
import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import { performance } from 'node:perf_hooks';
import { parseJsonPaced, yieldToOthers } from '../apps/api/src/lib/json-paced';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const NODES = Number(arg('nodes') ?? 20_000);
const FRAMES = Number(arg('frames') ?? 50);
const RUNS = Number(arg('runs') ?? 9);
/** The producer's pace (apps/api/src/modules/figma-context/producer.ts PACE_NODES). */
const PACE_NODES = Number(arg("pace-nodes") ?? 1_000);

interface Figures {
  totalMs: number;
  busyMs: number;
  longestMs: number;
  pauses: number;
}

const file = generateLargeFile({ nodes: NODES, seed: 7 }) as unknown as { name: string; document: { children: Array<{ children?: Array<{ id: string }> }> } };
const page = file.document.children.reduce((a, p) => ((p.children?.length ?? 0) > (a.children?.length ?? 0) ? p : a));
const frames = (page.children ?? []).slice(0, FRAMES);
const answer = {
  name: file.name,
  lastModified: '2026-12-01T00:00:00Z',
  version: '1',
  nodes: Object.fromEntries(frames.map((f) => [f.id, { document: f, components: {}, componentSets: {}, styles: {}, schemaVersion: 0 }])),
};
const text = JSON.stringify(answer);

/** Times `work`, where every `pause` it awaits ends one stretch of holding the thread. */
async function timed(work: (pause: () => Promise<void>) => Promise<unknown>): Promise<Figures> {
  const t0 = performance.now();
  let stretch = t0;
  let longest = 0;
  let busy = 0;
  let pauses = 0;
  const pause = async () => {
    const now = performance.now();
    longest = Math.max(longest, now - stretch);
    busy += now - stretch;
    pauses++;
    await yieldToOthers();
    stretch = performance.now();
  };
  await work(pause);
  const end = performance.now();
  longest = Math.max(longest, end - stretch);
  busy += end - stretch;
  return { totalMs: end - t0, busyMs: busy, longestMs: longest, pauses };
}

const whole = () =>
  timed(async () => {
    const parsed = JSON.parse(text) as GetFileNodesResponse;
    return new ContextBuilder().addNodes(parsed, 0);
  });
const paced = () =>
  timed(async (pause) => {
    const parsed = (await parseJsonPaced(text, pause)) as GetFileNodesResponse;
    return new ContextBuilder().addNodesPaced(parsed, 0, pause, PACE_NODES);
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function main(): Promise<void> {
  const results: Record<'whole' | 'paced', Figures[]> = { whole: [], paced: [] };
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? (['paced', 'whole'] as const) : (['whole', 'paced'] as const);
    for (const way of order) results[way].push(await (way === 'whole' ? whole() : paced()));
  }
  console.log(`a /nodes answer of ${frames.length} frames of a ${NODES}-node file: ${(text.length / 2 ** 20).toFixed(1)} MiB; ${RUNS} runs each, alternating, the first two of each dropped (warm)`);
  console.log('\n| way | total ms (median) | thread held, ms | longest stretch without a pause, ms (median / max) | pauses |');
  console.log('|---|---|---|---|---|');
  for (const way of ['whole', 'paced'] as const) {
    const rs = results[way].slice(2);
    const label = way === 'whole' ? 'JSON.parse + addNodes' : 'parseJsonPaced + addNodesPaced';
    console.log(
      `| ${label} | ${median(rs.map((r) => r.totalMs)).toFixed(1)} | ${median(rs.map((r) => r.busyMs)).toFixed(1)} | ${median(rs.map((r) => r.longestMs)).toFixed(1)} / ${Math.max(...rs.map((r) => r.longestMs)).toFixed(1)} | ${median(rs.map((r) => r.pauses))} |`,
    );
  }
}

await main();
