/**
 * Where workerd's cold deriveTokens call goes (`./cogo bench tokens --profile`): a CPU profile of the call (through
 * wrangler dev's inspector, bench/lib/cpu-profile.ts) summed by phase — the time under each of deriveTokens' steps,
 * found by function name (a sample counts once per phase), and the garbage collector's — then the functions with
 * the most self time. Prints figures only.
 */
import type { CpuProfile } from './cpu-profile';

/** deriveTokens' steps, then what validation is made of (the compiled schema runs as anonymous closures). */
const PHASES = ['deriveTokens', 'readVariableSources', 'readStyles', 'planCollections', 'aliasTargets', 'typeVariables', 'emitVariables', 'emitStyles', 'buildResolver', 'validateResolver', 'schemaCheck', 'referenceErrors', 'report'];

export interface TokensProfile {
  /** Time under each phase (inclusive), ms; a phase no sample was in is 0. */
  phases: Array<[string, number]>;
  gcMs: number;
  /** Functions by self time, ms, largest first ("name:line" in the worker's bundle). */
  top: Array<[string, number]>;
}

export function tokensProfile(profile: CpuProfile, top = 12): TokensProfile {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phases = new Map(PHASES.map((p) => [p, 0]));
  const self = new Map<string, number>();
  let gcMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(garbage collector)') gcMs += ms;
    if (f.functionName.startsWith('(')) return;
    const name = `${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const fn = byId.get(at)!.callFrame.functionName;
      if (phases.has(fn) && !seen.has(fn)) {
        seen.add(fn);
        phases.set(fn, phases.get(fn)! + ms);
      }
    }
  });
  return { phases: [...phases], gcMs, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, top) };
}

export function printTokensProfile(p: TokensProfile, callMs: number, out: (line: string) => void): void {
  out(`workerd cold call under the profiler: ${callMs.toFixed(1)} ms (the profiler slows it); time by phase (inclusive), ms:`);
  const label: Record<string, string> = { schemaCheck: 'schemaCheck (compiling the schema: once per isolate)', referenceErrors: 'referenceErrors (the rest of validateResolver is the schema)' };
  for (const [name, ms] of p.phases) out(`  ${ms.toFixed(1).padStart(7)}  ${label[name] ?? name}`);
  out(`  ${p.gcMs.toFixed(1).padStart(7)}  (garbage collector)`);
  out('functions by self time, ms (name:line in the worker bundle):');
  for (const [name, ms] of p.top) out(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
}
