// Which of migrations/ a target database has not applied yet, read the way drizzle's migrator decides
// (it applies every journal entry newer than the newest row of drizzle.__drizzle_migrations).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDb } from '@cogo/db';
import { MIGRATIONS_DIR, startWsProxy, ws } from '@cogo/db/node';
import { isNeonHost } from './migrate';

interface Journal {
  entries: Array<{ tag: string; when: number }>;
}

/** The repository's migrations, oldest first: tag and the journal timestamp drizzle records as created_at. */
export function localMigrations(dir = MIGRATIONS_DIR): Array<{ tag: string; when: number }> {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.map(({ tag, when }) => ({ tag, when })).sort((a, b) => a.when - b.when);
}

/**
 * Tags of the migrations `url` has not applied (all of them on a database never migrated). Reads only;
 * a non-Neon host is reached through a loopback WebSocket proxy started for the call, as `./cogo db:migrate` does.
 */
export async function pendingMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const host = new URL(url).hostname;
  const proxy = isNeonHost(host) ? undefined : await startWsProxy({ allowHosts: [host] });
  const handle = createDb({ url, wsProxy: proxy?.address, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
  try {
    const table = await handle.pool.query<{ present: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
    let last = -Infinity;
    if (table.rows[0]?.present) {
      const row = await handle.pool.query<{ last: string | null }>('select max(created_at)::text as last from drizzle.__drizzle_migrations');
      if (row.rows[0]?.last) last = Number(row.rows[0].last);
    }
    return localMigrations(dir)
      .filter((m) => m.when > last)
      .map((m) => m.tag);
  } finally {
    await handle.close();
    await proxy?.close();
  }
}
