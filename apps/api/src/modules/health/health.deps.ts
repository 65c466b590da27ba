// GET /health (issue 16, seed 004's enhanced health check): the dependencies a job needs, each checked and named —
// the database (answers on a connection of its own within 3 s), the queue (no AI job has waited in `queued` longer
// than AI_JOB_STALL_SECONDS: messages are delivered and consumed), the LLM providers (none configured, or at least
// one with a closed circuit). 503 names what failed in `failing`, so a load balancer and a person both know.
import type { DependencyHealth } from '@cogo/types';
import { checkHealth } from './health.service';
import type { HealthProbe } from './health.repo';

export interface DependencyProbes {
  database: () => Promise<HealthProbe>;
  /** Seconds the oldest queued AI job has waited, or null when none waits. */
  oldestQueuedSeconds: () => Promise<number | null>;
  providers: () => Promise<Array<{ name: string; status: string }>>;
  stallSeconds: number;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/postgres(ql)?:\/\/\S+/g, '[url]');

/** Runs every check (side by side, never throwing) and reports. */
export async function checkDependencies(probes: DependencyProbes, version: string): Promise<DependencyHealth> {
  const [db, queue, providers] = await Promise.all([
    checkHealth(probes.database, version),
    probes.oldestQueuedSeconds().then(
      (age) => (age !== null && age > probes.stallSeconds ? { ok: false, oldest_queued_seconds: age, error: `a job has waited ${age} s in the queue (limit ${probes.stallSeconds} s)` } : { ok: true, oldest_queued_seconds: age }),
      (err: unknown) => ({ ok: false, error: message(err) }),
    ),
    probes.providers().then(
      (items) => (items.length === 0 || items.some((p) => p.status !== 'cooldown') ? { ok: true, items } : { ok: false, items, error: 'every provider is cooling down after failures' }),
      (err: unknown) => ({ ok: false, error: message(err) }),
    ),
  ]);
  const database = db.db.ok ? { ok: true, latency_ms: db.db.latencyMs } : { ok: false, error: db.db.error };
  const checks = { database, queue, providers };
  const failing = (['database', 'queue', 'providers'] as const).filter((k) => !checks[k].ok);
  return { status: failing.length ? 'degraded' : 'ok', version, time: db.time, failing, checks };
}
