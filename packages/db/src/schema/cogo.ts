// The platform's own schema (seed 002 "cogo" domain): jobs, events, metrics, caches, webhooks, keys and the vault
// live here, apart from the user-owned application data in `public`. Tables declared with `cogo.table(...)` are
// qualified (`"cogo"."jobs"`) in every query Drizzle builds, so no code depends on the search_path.
import { pgSchema } from 'drizzle-orm/pg-core';

/** The `cogo` Postgres schema: platform internals, written by the service, never by end users. */
export const cogo = pgSchema('cogo');
