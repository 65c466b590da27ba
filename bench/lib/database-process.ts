/**
 * The stack's database (embedded PGlite + its WebSocket proxy, or DATABASE_URL behind the proxy) in a process of
 * its own, so a bench's load generator does not share an event loop with the database it measures (PGlite runs
 * synchronously: a busy client process would show as database wait). Parent side: startDatabaseProcess(); the
 * child is this file run with `--child`, answering `stats` messages over the IPC channel.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SessionStats } from '../../packages/db/src/node/pglite-server';
import { startLocalDatabase } from '../../tooling/devstack/src/database';

export interface DatabaseProcess {
  url: string;
  wsProxy: string;
  kind: 'embedded' | 'external';
  /** The embedded session's counters (null for an external database). */
  stats: () => Promise<SessionStats | null>;
  pid: number;
  stop: () => Promise<void>;
}

type FromChild = { type: 'ready'; url: string; wsProxy: string; kind: 'embedded' | 'external' } | { type: 'stats'; id: number; stats: SessionStats | null } | { type: 'error'; message: string };

/** Starts the database in a child process; resolves once it is migrated and listening. */
export function startDatabaseProcess(options: { dataDir?: string | undefined; databaseUrl?: string | undefined }): Promise<DatabaseProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--child'], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_DB_DIR: options.dataDir ?? '', BENCH_DB_URL: options.databaseUrl ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (s: SessionStats | null) => void>();
  let nextId = 1;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`database process exited with code ${code}`)));
    child.on('message', (m: FromChild) => {
      if (m.type === 'error') reject(new Error(`database process: ${m.message}`));
      else if (m.type === 'stats') {
        waiting.get(m.id)?.(m.stats);
        waiting.delete(m.id);
      } else
        resolve({
          url: m.url,
          wsProxy: m.wsProxy,
          kind: m.kind,
          pid: child.pid!,
          stats: () =>
            new Promise((res) => {
              const id = nextId++;
              waiting.set(id, res);
              child.send({ type: 'stats', id });
            }),
          stop: async () => {
            if (child.exitCode !== null) return;
            const exited = new Promise<void>((r) => child.once('exit', () => r()));
            child.send({ type: 'stop' });
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(timer);
          },
        });
    });
  });
}

async function runChild(): Promise<void> {
  try {
    const db = await startLocalDatabase({ dataDir: process.env.BENCH_DB_DIR || undefined, databaseUrl: process.env.BENCH_DB_URL || undefined });
    process.on('message', async (m: { type: 'stats'; id: number } | { type: 'stop' }) => {
      if (m.type === 'stats') process.send!({ type: 'stats', id: m.id, stats: db.stats?.() ?? null });
      else {
        await db.stop();
        process.exit(0);
      }
    });
    process.send!({ type: 'ready', url: db.url, wsProxy: db.wsProxy, kind: db.kind });
  } catch (err) {
    process.send!({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
}

if (process.argv.includes('--child')) await runChild();
