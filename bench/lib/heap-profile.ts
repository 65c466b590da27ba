/**
 * Where the worker's live heap was allocated: V8's sampling heap profiler through wrangler dev's inspector
 * (`HeapProfiler.startSampling`). A sample stays in the profile while the object it stands for is alive, so a
 * profile taken at the heap's peak says which functions allocated what is held then (garbage not yet collected
 * included). Summarised by module and function of the bundle (cpu-profile.ts maps lines to modules).
 */
import { bundleModules, inspectWorker, packageOf } from './cpu-profile';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

export interface HeapProfileSummary {
  totalMiB: number;
  byFunction: Array<[string, number]>;
  byPackage: Array<[string, number]>;
}

/** Starts sampling the worker's allocations; `take()` summarises what is live now (call it at the peak). */
export async function sampleWorkerHeap(port: number, bundle: string, intervalBytes = 64 * 1024) {
  const { send, close } = await inspectWorker(port);
  await send('HeapProfiler.enable');
  await send('HeapProfiler.startSampling', { samplingInterval: intervalBytes });
  const moduleOf = bundleModules(bundle);
  return {
    /** The isolate's used heap now, MiB; after a full garbage collection first with `collect` (what is live). */
    usedMiB: async (collect = false) => {
      if (collect) await send('HeapProfiler.collectGarbage');
      return ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 2 ** 20;
    },
    take: async (): Promise<HeapProfileSummary> => {
      const { profile } = (await send('HeapProfiler.getSamplingProfile')) as { profile: { head: SamplingNode } };
      const fn = new Map<string, number>();
      const pkg = new Map<string, number>();
      let total = 0;
      // self size per allocating function, with the path of our functions that led to it (the nearest of ours)
      const walk = (n: SamplingNode, ours: string) => {
        const f = n.callFrame;
        const module = f.url.endsWith('.js') ? moduleOf(f.lineNumber) : f.url || '(native)';
        const name = `${f.functionName || '(anonymous)'} ${module.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
        const mine = /(^|\/)(apps|packages)\//.test(module) && !module.includes('node_modules') ? name : ours;
        if (n.selfSize > 0) {
          total += n.selfSize;
          const key = mine === name ? name : `${name} ← ${mine}`;
          fn.set(key, (fn.get(key) ?? 0) + n.selfSize);
          const p = packageOf(module);
          pkg.set(p, (pkg.get(p) ?? 0) + n.selfSize);
        }
        for (const c of n.children) walk(c, mine);
      };
      walk(profile.head, '(runtime)');
      const mib = (m: Map<string, number>) => [...m].map(([k, v]) => [k, v / 1048576] as [string, number]).sort((a, b) => b[1] - a[1]);
      return { totalMiB: total / 1048576, byFunction: mib(fn), byPackage: mib(pkg) };
    },
    stop: async () => {
      await send('HeapProfiler.stopSampling').catch(() => {});
      close();
    },
  };
}

/** Prints the largest holders of a summary. */
export function printHeapSummary(title: string, s: HeapProfileSummary, top = 15): void {
  console.log(`\n${title}: ${s.totalMiB.toFixed(1)} MiB live in samples`);
  console.log('\n| package | MiB |\n|---|---|');
  for (const [k, v] of s.byPackage.slice(0, top)) console.log(`| ${k} | ${v.toFixed(1)} |`);
  console.log('\n| allocated by (← our nearest caller) | MiB |\n|---|---|');
  for (const [k, v] of s.byFunction.slice(0, top)) console.log(`| ${k.replaceAll('|', '\\|')} | ${v.toFixed(1)} |`);
}
