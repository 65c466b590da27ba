// The second embedded database of the workerd test run, for rag-search.volume.test.ts alone: its 20,100 embedded
// chunks cost ~85 s of PGlite CPU (HNSW inserts), which here run in a child process (volume-database.child.ts) on
// the machine's other core while the rest of the suite runs against the main database. Protocol over the IPC channel:
// the child starts PGlite + proxy + migrations and sends `ready`; the parent sends `seed` once the OpenAI fake is up
// (the vectors come from it); the child answers `seeded` or `error` and serves the database until `stop` (or until
// its parent goes away). The volume test reads the state from a loopback status endpoint, so a dead or failed child
// fails it at once with the child's last output instead of leaving it waiting.
import { schema, type Db } from '@cogo/db';
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { mintKey } from '../src/modules/projects/api-keys';

/** The project the volume test acts as: the same rows in the main database and in the volume database. */
export interface VolumeProject {
  id: string;
  slug: string;
  name: string;
  keyId: string;
  prefix: string;
  secretHash: string;
  /** The full API key (the rows hold only its hash). */
  key: string;
}

/** What the child needs to seed: the project, and where and how to fetch the vectors (the Worker's provider). */
export interface VolumeSeed {
  project: VolumeProject;
  openaiBase: string;
  openaiKey: string;
  /** The Worker's EMBEDDING_MODEL_DEFAULT, which the chunks are stored under. */
  model: string;
}

export type ToChild = { type: 'seed'; seed: VolumeSeed } | { type: 'stop' };
export type FromChild = { type: 'ready'; url: string; wsProxy: string } | { type: 'seeded'; chunks: number; ms: number } | { type: 'error'; message: string };

/** What the status endpoint answers: `failed` carries the cause and the child's last output. */
export interface VolumeStatus {
  state: 'starting' | 'ready' | 'seeding' | 'seeded' | 'failed';
  detail: string;
}

/** A new project with one key, minted as the API mints keys (projects.service createProject). */
export async function newVolumeProject(): Promise<VolumeProject> {
  const minted = await mintKey();
  return {
    id: crypto.randomUUID(),
    slug: `t-volume-${crypto.randomUUID().slice(0, 8)}`,
    name: 'rag volume',
    keyId: crypto.randomUUID(),
    prefix: minted.prefix,
    secretHash: minted.secretHash,
    key: minted.key,
  };
}

/** Inserts the project row and its key row (service connection), with the given ids. */
export async function insertVolumeProject(db: Db, p: VolumeProject): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(schema.projects).values({ id: p.id, slug: p.slug, name: p.name });
    await tx.insert(schema.projectApiKeys).values({ id: p.keyId, projectId: p.id, name: 'default', prefix: p.prefix, secretHash: p.secretHash });
  });
}

const TAIL_CHARS = 4_000;
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface VolumeDatabase {
  /** The database's address once the child has it migrated; null when the child failed first (see status). */
  ready: (timeoutMs: number) => Promise<{ url: string; wsProxy: string } | null>;
  /** Starts the seeding in the child; returns at once. */
  seed: (seed: VolumeSeed) => void;
  /** Serves the state as JSON on loopback; resolves to its URL. */
  serveStatus: () => Promise<string>;
  /** Stops the child (SIGKILL after 5 s) and the status endpoint. */
  stop: () => Promise<void>;
}

/** Starts the child process at once (PGlite + migrations); nothing is awaited here. */
export function startVolumeDatabase(): VolumeDatabase {
  let status: VolumeStatus = { state: 'starting', detail: 'the child is starting its database' };
  let tail = '';
  let stopping = false;
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-TAIL_CHARS);
  };
  const fail = (why: string) => {
    if (status.state !== 'failed') status = { state: 'failed', detail: `${why}\n--- the child's last output ---\n${tail}` };
  };
  // the test run's Node and options (NODE_OPTIONS comes with the environment); tsx resolved from the repository root
  const child: ChildProcess = fork(fileURLToPath(new URL('./volume-database.child.ts', import.meta.url)), [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let address: { url: string; wsProxy: string } | null = null;
  const settled: Array<() => void> = [];
  const wake = () => settled.splice(0).forEach((f) => f());
  child.on('message', (m: FromChild) => {
    if (m.type === 'ready') {
      address = { url: m.url, wsProxy: m.wsProxy };
      if (status.state === 'starting') status = { state: 'ready', detail: 'migrated, waiting for the seed' };
    } else if (m.type === 'seeded') status = { state: 'seeded', detail: `${m.chunks} chunks in ${Math.round(m.ms / 1000)} s` };
    else fail(`the child failed: ${m.message}`);
    wake();
  });
  child.on('error', (err) => {
    fail(`the child could not run: ${err.message}`);
    wake();
  });
  child.on('exit', (code, signal) => {
    if (!stopping) fail(`the child exited (code ${code}, signal ${signal})`);
    wake();
  });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(status));
  });

  return {
    ready: (timeoutMs) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          fail(`no database from the child after ${timeoutMs} ms`);
          resolve(null);
        }, timeoutMs);
        const check = () => {
          if (address || status.state === 'failed') {
            clearTimeout(timer);
            resolve(status.state === 'failed' ? null : address);
          } else settled.push(check);
        };
        check();
      }),
    seed: (seed) => {
      if (status.state !== 'ready') return;
      status = { state: 'seeding', detail: 'inserting documents and chunks' };
      child.send({ type: 'seed', seed } satisfies ToChild);
    },
    serveStatus: () =>
      new Promise((resolve) => {
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
      }),
    stop: async () => {
      stopping = true;
      server.close();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      if (child.connected) child.send({ type: 'stop' } satisfies ToChild);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
