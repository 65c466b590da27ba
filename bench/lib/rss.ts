/**
 * Resident memory of the dev stack's workerd processes, read the way an outside probe reads it:
 * VmRSS (and RssAnon, the part that is heap rather than mapped files) from /proc/<pid>/status.
 * `wrangler dev` runs two workerd processes: the proxy that owns the public port, and the user
 * worker (our code, its Durable Objects, the local queue and R2) on an ephemeral port.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export interface WorkerdProcess {
  pid: number;
  /** `proxy` listens on the public port; `worker` runs the API and its Durable Objects. */
  role: 'proxy' | 'worker';
}

export interface RssSample {
  /** MiB */
  rss: number;
  /** MiB of anonymous memory (heaps), without mapped files. */
  anon: number;
}

function parentOf(pid: number): number | undefined {
  try {
    // the comm field may hold spaces and parentheses: the ppid is the second field after the last ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const ppid = parentOf(pid);
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** The workerd processes under `rootPid` (the wrangler process); the proxy is the one bound to `port`. */
export function findWorkerd(rootPid: number, port: number): WorkerdProcess[] {
  return descendants(rootPid).flatMap((pid) => {
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      return [];
    }
    if (!/\bworkerd serve\b/.test(cmd)) return [];
    return [{ pid, role: cmd.includes(`--socket-addr=entry=127.0.0.1:${port} `) ? 'proxy' : 'worker' } as WorkerdProcess];
  });
}

/** VmRSS and RssAnon of a process in MiB, or null once it has exited. */
export function rssOf(pid: number): RssSample | null {
  const path = `/proc/${pid}/status`;
  if (!existsSync(path)) return null;
  try {
    const status = readFileSync(path, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rss: Math.round(kb('VmRSS') / 1024), anon: Math.round(kb('RssAnon') / 1024) };
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat (clock ticks at 100 Hz); NaN once gone. */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
