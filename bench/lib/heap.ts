/**
 * V8 heap of every isolate in a workerd process, through its inspector (Chrome DevTools protocol,
 * `Runtime.getHeapUsage`): tells memory our JavaScript holds (maps, logs, buffers in the API's
 * isolate) from native memory of workerd itself, which RSS alone cannot.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export interface HeapFigures {
  /** MiB used in the API's isolate (the Worker and its Durable Objects). */
  api: number;
  /** MiB used by miniflare's own isolates (entry, queue broker, observability collector, R2 …). */
  others: number;
}

/** The inspector port of a workerd process: its --inspector-addr, or (port 0) the listener answering /json/list. */
async function inspectorPort(pid: number): Promise<number | undefined> {
  const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  const fixed = Number(/--inspector-addr=[^:\0]+:(\d+)/.exec(cmd)?.[1] ?? 0);
  if (fixed) return fixed;
  let ports: number[] = [];
  try {
    const ss = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' });
    ports = ss.split('\n').filter((l) => l.includes(`pid=${pid},`)).map((l) => Number(/127\.0\.0\.1:(\d+)/.exec(l)?.[1] ?? 0)).filter(Boolean);
  } catch {
    return undefined;
  }
  for (const p of ports) {
    const ok = await fetch(`http://127.0.0.1:${p}/json/list`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok && r.headers.get('content-type')?.includes('json'))
      .catch(() => false);
    if (ok) return p;
  }
  return undefined;
}

function usedOf(wsUrl: string, gc = false): Promise<number | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl);
    const timer = setTimeout(() => {
      ws.close();
      resolve(null);
    }, gc ? 20_000 : 5_000);
    const usage = () => ws.send(JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }));
    // with gc: a full collection first, so the figure is what is retained, not garbage awaiting a GC
    ws.onopen = () => (gc ? ws.send(JSON.stringify({ id: 2, method: 'HeapProfiler.collectGarbage' })) : usage());
    ws.onmessage = (m) => {
      const d = JSON.parse(String(m.data)) as { id?: number; result?: { usedSize: number } };
      if (d.id === 2) return usage();
      if (d.id !== 1) return;
      clearTimeout(timer);
      ws.close();
      resolve(d.result ? d.result.usedSize / 1048576 : null);
    };
    ws.onerror = () => {
      clearTimeout(timer);
      resolve(null);
    };
  });
}

/** Heap figures of a workerd process (with `gc`, after a full collection), or null when it has no reachable inspector. */
export async function heapOf(pid: number, gc = false): Promise<HeapFigures | null> {
  const port = await inspectorPort(pid);
  if (!port) return null;
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ id: string; webSocketDebuggerUrl: string }>;
  let api = 0;
  let others = 0;
  for (const t of targets) {
    const isApi = t.id === 'core:user:cogo-api';
    // a forced GC only where it is asked about: miniflare's own isolates may not answer it (then NaN)
    const got = await usedOf(t.webSocketDebuggerUrl, gc && isApi);
    // an isolate that did not answer makes its figure unknown (NaN), not 0
    const used = got ?? Number.NaN;
    if (isApi) api += used;
    else others += used;
  }
  return { api: Math.round(api), others: Math.round(others) };
}
