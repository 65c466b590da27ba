/**
 * Where deriveTokens spends its time, phase by phase (the tokens bench's profile):
 *   node --import tsx --expose-gc bench/lib/tokens-phases.ts <fixture.json | --generate N> [--runs K]
 * Runs the same phases as deriveTokens (variables only, no styles), each timed with performance.now(), and
 * prints each in the cold run (the first in this process) and its min and median over K warm runs, and the whole call alone. Prints
 * figures only.
 */
import { readFileSync } from 'node:fs';
import { aliasTargets } from '../../packages/figma-compat/src/tokens/aliases';
import { deriveTokens } from '../../packages/figma-compat/src/tokens/derive';
import { emitStyles } from '../../packages/figma-compat/src/tokens/emit-styles';
import { emitVariables } from '../../packages/figma-compat/src/tokens/emit-variables';
import { readVariableSources } from '../../packages/figma-compat/src/tokens/input/variables';
import { planCollections } from '../../packages/figma-compat/src/tokens/plan';
import type { DtcgDocument } from '../../packages/figma-compat/src/tokens/dtcg-types';
import { buildResolver, type ResolverPart } from '../../packages/figma-compat/src/tokens/resolver';
import { typeVariables } from '../../packages/figma-compat/src/tokens/typing';
import { validateResolver } from '../../packages/figma-compat/src/tokens/validate';
import { generateVariables } from './tokens-generate';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const generate = arg('generate');
const input = generate ? generateVariables(Number(generate)) : (JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as unknown);
const runs = Number(arg('runs') ?? 10);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function phases(): Record<string, number> {
  const times: Record<string, number> = {};
  const time = <T>(name: string, fn: () => T): T => {
    const t = performance.now();
    const v = fn();
    times[name] = performance.now() - t;
    return v;
  };
  const sources = time('readVariableSources', () => readVariableSources(input, undefined));
  const plan = time('planCollections', () => planCollections(sources));
  const targets = time('aliasTargets', () => aliasTargets(plan.homes));
  time('typeVariables', () => typeVariables(plan, targets));
  const vars = time('emitVariables', () => emitVariables(plan, targets));
  time('emitStyles', () => emitStyles([], plan.stylesGroup, () => undefined));
  // the sets and modifiers deriveTokens builds, without their descriptions and extensions
  const resolver = time('buildResolver', () => {
    const parts = vars.collections.map((c): ResolverPart => {
      const cp = c.plan;
      const part: ResolverPart = { key: cp.key, set: { sources: [{ [cp.group]: c.groups.get(cp.modes[0]!.id)! }] } };
      if (cp.modes.length > 1) {
        const contexts: Record<string, DtcgDocument[]> = {};
        for (const m of cp.modes) contexts[m.context] = m.isDefault ? [] : [{ [cp.group]: c.groups.get(m.id)! }];
        part.modifier = { contexts, default: cp.modes[0]!.context };
      }
      return part;
    });
    return buildResolver('bench', parts);
  });
  time('validateResolver', () => validateResolver(resolver));
  time('validateResolver (schema only)', () => validateResolver(resolver, { references: false }));
  gc();
  time('deriveTokens (whole)', () => deriveTokens({ variables: input, name: 'bench' }));
  return times;
}

// cold: the first run in this process (deriveTokens (whole) is then the second call)
const cold = phases();
const all: Array<Record<string, number>> = [];
for (let i = 0; i < runs; i++) {
  gc();
  all.push(phases());
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${'phase'.padEnd(32)} ${'cold'.padStart(8)} ${'min'.padStart(8)} ${'median'.padStart(8)}`);
for (const name of Object.keys(all[0]!)) {
  const xs = all.map((t) => t[name]!);
  console.log(`${name.padEnd(32)} ${cold[name]!.toFixed(1).padStart(8)} ${Math.min(...xs).toFixed(1).padStart(8)} ${median(xs).toFixed(1).padStart(8)} ms`);
}
