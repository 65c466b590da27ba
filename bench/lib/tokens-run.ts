/**
 * One tokens-bench scenario, run in a fresh process by bench/tokens.ts (so its first call is truly cold):
 *   node --import tsx --expose-gc --trace-gc bench/lib/tokens-run.ts <fixture.json | --generate N> [--warm K]
 * Prints V8's GC trace between `@@derive-start` and `@@derive-end` (the parent reads the heap peak from it) and
 * one `@@result {json}` line: cold and warm timings (wall and CPU), heap retained by the result, RSS high-water.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { deriveTokens, toCss, toTailwindTheme, validateResolver } from '../../packages/figma-compat/src/tokens/index';
import { generateVariables } from './tokens-generate';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const mib = (bytes: number) => bytes / 1048576;
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

function timed<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const ms = performance.now() - t;
  const c = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (c.user + c.system) / 1000 };
}

const generate = arg('generate');
const input = generate ? generateVariables(Number(generate)) : (JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as unknown);
const warmRuns = Number(arg('warm') ?? 10);

gc();
gc();
const baseline = process.memoryUsage();
const maxRssBefore = process.resourceUsage().maxRSS * 1024;
console.log('@@derive-start');
const cold = timed(() => deriveTokens({ variables: input, name: 'bench' }));
const heapAtEnd = process.memoryUsage().heapUsed;
console.log('@@derive-end');
const maxRssAfter = process.resourceUsage().maxRSS * 1024;
gc();
const retained = process.memoryUsage().heapUsed - baseline.heapUsed;

// the GC trace is for the cold call's heap peak only: writing it would slow the warm calls down
setFlagsFromString('--no-trace-gc');
const warm: Array<{ ms: number; cpuMs: number }> = [];
for (let i = 0; i < warmRuns; i++) {
  gc();
  const r = timed(() => deriveTokens({ variables: input, name: 'bench' }));
  warm.push({ ms: r.ms, cpuMs: r.cpuMs });
}
const result = cold.value;
const validate = Array.from({ length: 3 }, () => timed(() => validateResolver(result.resolver)).ms);
const css = timed(() => toCss(result));
const tailwind = timed(() => toTailwindTheme(result));
const contextTokens = Object.values(result.resolver.modifiers ?? {}).reduce((n, m) => n + Object.keys(m.contexts).length - 1, 0);

console.log(
  '@@result ' +
    JSON.stringify({
      variables: result.report.variables,
      collections: result.report.collections.length,
      modes: result.report.collections.reduce((n, c) => n + c.modes.length, 0),
      tokens: result.report.tokens.total,
      contexts: contextTokens,
      aliases: result.report.aliases.total,
      cold: { ms: cold.ms, cpuMs: cold.cpuMs },
      warm,
      validateMs: Math.min(...validate),
      cssMs: css.ms,
      cssKb: css.value.length / 1024,
      tailwindMs: tailwind.ms,
      heap: { baselineMib: mib(baseline.heapUsed), atEndMib: mib(heapAtEnd), retainedMib: mib(retained) },
      rss: { baselineMib: mib(baseline.rss), maxBeforeMib: mib(maxRssBefore), maxAfterMib: mib(maxRssAfter) },
      outputKb: JSON.stringify(result.resolver).length / 1024,
    }),
);
