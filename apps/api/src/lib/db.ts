import { createDb, type DbHandle } from '@cogo/db';
import type { AppConfig } from '../env';

/** A database handle for the configured Postgres (Neon directly, or through DATABASE_WS_PROXY). */
export function dbFromConfig(config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_WS_PROXY'>, maxConnections?: number): DbHandle {
  return createDb({ url: config.DATABASE_URL, wsProxy: config.DATABASE_WS_PROXY, ...(maxConnections ? { maxConnections } : {}) });
}
