// Applies migrations/ with drizzle-orm's migrator (drizzle-kit migrate hides errors; this prints them).
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/neon-serverless/migrator';
import { createDb } from '../client';
import { ws } from './ws';

/** The repository's migrations folder. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../migrations', import.meta.url));

/** Runs every pending migration against `url` (through `wsProxy` when set). */
export async function runMigrations(url: string, wsProxy?: string): Promise<void> {
  const handle = createDb({ url, wsProxy, webSocketConstructor: ws.WebSocket, maxConnections: 1 });
  try {
    await migrate(handle.db, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await handle.close();
  }
}
