/**
 * CPU profiles for the benches: the worker's (workerd, through the DevTools inspector wrangler dev serves) and
 * this process's (node:inspector), summarised by where the time went. The worker runs one esbuild bundle whose
 * `// <path>` comments name the source module of every line, so a sample's line maps back to its module and
 * package (drizzle-orm, @neondatabase/serverless, hono, zod, our apps/packages).
 */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A DevTools protocol session with the worker behind wrangler dev's inspector on `port`. */
export async function inspectWorker(port: number): Promise<{ send: (method: string, params?: object) => Promise<unknown>; close: () => void }> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as Array<{ webSocketDebuggerUrl?: string; title?: string }>;
  const target = targets.find((t) => t.webSocketDebuggerUrl);
  if (!target?.webSocketDebuggerUrl) throw new Error(`no inspector target on port ${port}: ${JSON.stringify(targets)}`);
  // wrangler's inspector proxy refuses a connection without a local Origin; undici's WebSocket takes headers as a non-standard init
  const ws = new WebSocket(target.webSocketDebuggerUrl, { headers: { origin: 'http://localhost' } } as unknown as string[]);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error('inspector connection failed')), { once: true });
  });
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.addEventListener('message', (e) => {
    const msg = JSON.parse(String(e.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const p = msg.id !== undefined ? pending.get(msg.id) : undefined;
    if (!p) return;
    pending.delete(msg.id!);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  });
  // an isolate that was killed and restarted (its runtime crashed) never answers: every call gives up in time
  const send = (method: string, params: object = {}, timeoutMs = 60_000) =>
    new Promise<unknown>((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`inspector: no answer to ${method} in ${timeoutMs / 1000} s`));
      }, timeoutMs);
      pending.set(id, { resolve: (v) => (clearTimeout(timer), resolve(v)), reject: (e) => (clearTimeout(timer), reject(e)) });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => ws.close() };
}

/** Starts a CPU profile of the worker behind wrangler dev's inspector on `port`; `stop()` returns it. */
export async function profileWorker(port: number, intervalUs = 500): Promise<{ stop: () => Promise<CpuProfile> }> {
  const { send, close } = await inspectWorker(port);
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: intervalUs });
  await send('Profiler.start');
  return {
    stop: async () => {
      const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
      close();
      return profile;
    },
  };
}

/** The worker isolate's V8 heap (MiB used / allocated) after a full garbage collection. */
export async function workerHeapAfterGc(port: number): Promise<{ usedMiB: number; totalMiB: number }> {
  const { send, close } = await inspectWorker(port);
  try {
    await send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = (await send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    return { usedMiB: Math.round(usedSize / 2 ** 20), totalMiB: Math.round(totalSize / 2 ** 20) };
  } finally {
    close();
  }
}

/** Starts a CPU profile of this process (the clients, the embedded Postgres, its proxy, the fakes). */
export async function profileSelf(intervalUs = 500): Promise<{ stop: () => Promise<CpuProfile> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      return profile as unknown as CpuProfile;
    },
  };
}

/** For a bundle: line (0-based) → the source module esbuild's `// <path>` comment names for it. */
export function bundleModules(bundlePath: string): (line: number) => string {
  const lines = readFileSync(bundlePath, 'utf8').split('\n');
  const starts: Array<[number, string]> = [];
  lines.forEach((l, i) => {
    const m = /^\/\/ ((?:\.\.\/)*(?:node_modules|apps|packages|src|tooling)\/\S+\.(?:[cm]?[jt]s|json))$/.exec(l);
    if (m) starts.push([i, m[1]!]);
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '(bundle prelude)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]![0] <= line) {
        found = starts[mid]![1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** The package of a module path: `drizzle-orm`, `@neondatabase/serverless`, or our `apps/api/src/middleware`. */
export function packageOf(path: string): string {
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const ours = /(apps\/[^/]+\/src\/[^/]+(?:\/[^/.]+)?|packages\/[^/]+)/.exec(path);
  return ours ? ours[1]!.replace(/\/[^/]+\.[^/]+$/, '') : path;
}

export interface ProfileSummary {
  /** wall time of the profile, ms */
  totalMs: number;
  /** time in samples that were not idle/program/GC, ms */
  busyMs: number;
  gcMs: number;
  byPackage: Array<[string, number]>;
  byFunction: Array<[string, number]>;
}

/** Self time per package and per function (name + module:line), ms, largest first. */
export function summarise(profile: CpuProfile, bundlePath?: string): ProfileSummary {
  const moduleOf = bundlePath ? bundleModules(bundlePath) : undefined;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const pkg = new Map<string, number>();
  const fn = new Map<string, number>();
  let busy = 0;
  let gc = 0;
  for (const [id, t] of self) {
    const { callFrame: f } = byId.get(id)!;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    busy += t;
    if (f.functionName === '(garbage collector)') gc += t;
    const module = f.url && moduleOf && f.url.endsWith('.js') && !f.url.startsWith('node:') ? moduleOf(f.lineNumber) : f.url || '(native)';
    const p = f.functionName.startsWith('(') ? f.functionName : packageOf(module.replace(/^file:\/\//, ''));
    pkg.set(p, (pkg.get(p) ?? 0) + t);
    const where = module.split('/').slice(-2).join('/');
    const name = `${f.functionName || '(anonymous)'} ${where}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + t);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalMs: (profile.endTime - profile.startTime) / 1000, busyMs: busy, gcMs: gc, byPackage: sorted(pkg), byFunction: sorted(fn) };
}

/** Prints a summary: busy share, then the top packages and functions by self time. */
export function printSummary(title: string, s: ProfileSummary, perRequest?: number, top = 20): void {
  const share = (t: number) => `${((100 * t) / s.totalMs).toFixed(1)} %`;
  const per = (t: number) => (perRequest ? ` (${(t / perRequest).toFixed(2)} ms/req)` : '');
  console.log(`\n${title}: ${(s.totalMs / 1000).toFixed(1)} s profiled, busy ${share(s.busyMs)}${per(s.busyMs)}, GC ${share(s.gcMs)}`);
  console.log('\n| package (self time) | share of wall | ms |');
  console.log('|---|---|---|');
  for (const [name, t] of s.byPackage.slice(0, top)) console.log(`| ${name} | ${share(t)} | ${Math.round(t)}${per(t)} |`);
  console.log('\n| function (self time) | share of wall | ms |');
  console.log('|---|---|---|');
  for (const [name, t] of s.byFunction.slice(0, top)) console.log(`| ${name.replaceAll('|', '\\|')} | ${share(t)} | ${Math.round(t)} |`);
}
