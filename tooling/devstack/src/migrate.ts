// `./cogo db:migrate`: applies migrations/ to DATABASE_URL (Neon directly; any other Postgres
// through a loopback WebSocket proxy started for the run).
import { fileURLToPath } from 'node:url';
import { runMigrations, startWsProxy } from '@cogo/db/node';

/** True for hosts that terminate the Neon WebSocket protocol themselves. */
export function isNeonHost(host: string): boolean {
  return /\.neon\.tech$|\.neon\.build$/.test(host);
}

/** Migrates the database at `url`. */
export async function migrateUrl(url: string): Promise<void> {
  const host = new URL(url).hostname;
  if (isNeonHost(host)) {
    await runMigrations(url);
    return;
  }
  const proxy = await startWsProxy({ allowHosts: [host] });
  try {
    await runMigrations(url, proxy.address);
  } finally {
    await proxy.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required, e.g. DATABASE_URL=postgres://… ./cogo db:migrate');
    process.exit(2);
  }
  try {
    await migrateUrl(url);
    console.log(`migrations applied to ${new URL(url).host}`);
  } catch (err) {
    console.error(`migration failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
