// Database handles of the Worker. Two kinds, on purpose (README "Tenancy in Postgres"):
// - tenantDb: acts for one project; row-level security shows and accepts only that project's rows;
// - serviceDb: the migration owner, sees every project; only for the audited paths that must act before or
//   across projects, each of which says why (the `service db` log line).
import { createDb, type DbHandle } from '@cogo/db';
import type { AppConfig } from '../env';
import type { Logger } from './logger';

type DbConfig = Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_WS_PROXY'>;

/** A database handle for the configured Postgres (Neon directly, or through DATABASE_WS_PROXY); no tenant scope. */
export function dbFromConfig(config: DbConfig, maxConnections?: number): DbHandle {
  return createDb({ url: config.DATABASE_URL, wsProxy: config.DATABASE_WS_PROXY, ...(maxConnections ? { maxConnections } : {}) });
}

/** A database that acts for `projectId` only: every statement runs as `cogo_app` under row-level security. */
export function tenantDb(config: DbConfig, projectId: string, maxConnections?: number): DbHandle {
  return createDb({
    url: config.DATABASE_URL,
    wsProxy: config.DATABASE_WS_PROXY,
    tenant: { projectId },
    ...(maxConnections ? { maxConnections } : {}),
  });
}

/** Why a path needs the service database; the audit log line names it. */
export interface ServiceDbUse {
  /** e.g. `api key lookup`, `figma webhook receiver` — never a parameter or a value. */
  reason: string;
  /** The route or consumer that uses it (the route's pattern, not the URL). */
  route: string;
}

/** The unscoped service database, logged as `service db` with its reason and route (no parameters). */
export function serviceDbFromConfig(config: DbConfig, log: Logger, use: ServiceDbUse, maxConnections?: number): DbHandle {
  log.info('service db', { reason: use.reason, route: use.route });
  return dbFromConfig(config, maxConnections);
}
