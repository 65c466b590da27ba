// Child side of volume-database.ts (run with `node --import tsx`): an embedded database of its own, migrated, then
// seeded for rag-search.volume.test.ts when the parent sends `seed`; it serves the database until `stop` or until the
// parent goes away. The seeding's client runs here too, so none of it touches the test run's process.
import { createDb } from '@cogo/db';
import { ws } from '@cogo/db/node';
import { startLocalDatabase, type LocalDatabase } from '@cogo/devstack/database';
import { fetchPatchVectors, seedChunks, seedDocuments, VOLUME_CHUNKS } from '../src/modules/rag/rag-search.volume.test-helpers';
import { insertVolumeProject, type FromChild, type ToChild, type VolumeSeed } from './volume-database';

const send = (m: FromChild) => process.send!(m);

async function seed(db: LocalDatabase, s: VolumeSeed): Promise<void> {
  const started = Date.now();
  const vectors = await fetchPatchVectors(s.openaiBase, s.openaiKey, s.model);
  const handle = createDb({ url: db.url, wsProxy: db.wsProxy, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
  try {
    await insertVolumeProject(handle.db, s.project);
    await seedDocuments(handle.db, s.project.id);
    const patch = { a: vectors.a, b: vectors.b };
    await seedChunks(handle.db, s.project.id, s.model, { center: vectors.query, ...patch }, { center: vectors.query.map((x) => -x), ...patch });
  } finally {
    await handle.close();
  }
  send({ type: 'seeded', chunks: VOLUME_CHUNKS, ms: Date.now() - started });
}

const message = (err: unknown) => (err instanceof Error ? (err.stack ?? err.message) : String(err));

try {
  const db = await startLocalDatabase();
  // the parent went away (its teardown never ran): nothing is left to serve
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: ToChild) => {
    if (m.type === 'seed') seed(db, m.seed).catch((err) => send({ type: 'error', message: message(err) }));
    else void db.stop().finally(() => process.exit(0));
  });
  send({ type: 'ready', url: db.url, wsProxy: db.wsProxy });
} catch (err) {
  send({ type: 'error', message: message(err) });
  process.exit(1);
}
