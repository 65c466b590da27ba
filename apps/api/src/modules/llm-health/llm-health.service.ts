// Provider health (issue 11): the cron's probes of every provider, the status a circuit snapshot means, and the
// figures /metrics/providers and Prometheus show. A probe goes through the provider's circuit like a call does:
// an open circuit is not probed, a half-open one gets the probe as its one admitted call (success closes it).
import type { Db } from '@cogo/db';
import type { ProviderHealth } from '@cogo/types';
import type { CircuitSnapshot } from '../../durable-objects/circuit-state';
import { providerCircuitName } from '../../durable-objects/names';
import type { AppConfig } from '../../env';
import { describeError, type Logger } from '../../lib/logger';
import { circuitPolicy } from '../llm/circuit-view';
import { envModels, loadCatalogue, providerEntry, type ProviderEntry } from '../llm/catalogue';
import { providerReachable } from '../llm/provider-client';
import * as repo from './llm-health.repo';
import { probeKey, probeProvider, type ProbeResult } from './provider-probe';

/** Probes in flight at once. */
export const PROBE_CONCURRENCY = 8;
/** A closed circuit whose recent error rate is above this is `degraded`. */
export const DEGRADED_ERROR_RATE = 0.2;

export type HealthStatus = 'healthy' | 'degraded' | 'cooldown';

/** open (or half-open, waiting for its probe) → cooldown; error rate over 0.2 → degraded; else healthy. */
export function healthStatus(s: Pick<CircuitSnapshot, 'state' | 'errorRate'>): HealthStatus {
  if (s.state !== 'closed') return 'cooldown';
  return s.errorRate > DEGRADED_ERROR_RATE ? 'degraded' : 'healthy';
}

const circuitOf = (config: AppConfig, key: string) => config.PROVIDER_CIRCUIT.get(config.PROVIDER_CIRCUIT.idFromName(providerCircuitName(key)));


/** The deployment's own providers (CHAT_API_BASE, EMBEDDING_API_BASE), once each. */
export function envProviders(config: AppConfig): ProviderEntry[] {
  return [...new Map(envModels(config).map((m) => [m.provider.key, m.provider])).values()];
}

type TargetRow = Awaited<ReturnType<typeof repo.probeTargets>>[number];
const rowProvider = (r: TargetRow): ProviderEntry => providerEntry(r);

export interface ProbeOutcome {
  provider: ProviderEntry;
  /** The circuit after the probe (or as it was, when skipped). */
  snapshot: CircuitSnapshot;
  probe: ProbeResult | null;
  probedAt: Date | null;
  /** Why no probe was sent. */
  skipped: string | null;
}

export interface ProbeRunDeps {
  config: AppConfig;
  /** The raw bindings: a platform provider's key_alias names a deployment secret. */
  rawEnv: Record<string, unknown>;
  /** The service database: the run spans every project's providers. */
  db: Db;
  log: Logger;
}

/** Probes every enabled provider that serves an enabled model, then stores each row provider's health. */
export async function probeAllProviders(deps: ProbeRunDeps): Promise<ProbeOutcome[]> {
  const rows = await repo.probeTargets(deps.db);
  const targets = [...rows.map(rowProvider), ...envProviders(deps.config)];
  const traceId = crypto.randomUUID().replaceAll('-', '');
  const outcomes = (await boundedMap(targets, PROBE_CONCURRENCY, (p) => probeOne(deps, p, traceId))).filter((o): o is ProbeOutcome => o !== null);
  // environment providers have no row (provider_health is keyed by llm_providers): their circuit is their record
  const now = new Date();
  await repo.upsertHealth(deps.db, outcomes.filter((o) => o.provider.id !== null).map((o) => healthRow(o, now)));
  const failed = outcomes.filter((o) => o.probe && !o.probe.healthy);
  if (failed.length) deps.log.warn('provider probes failed', { providers: failed.map((o) => `${o.provider.name}: ${o.probe!.failure?.kind}`) });
  return outcomes;
}

async function probeOne(deps: ProbeRunDeps, provider: ProviderEntry, traceId: string): Promise<ProbeOutcome | null> {
  const { config } = deps;
  try {
    const circuit = circuitOf(config, provider.key);
    const key = probeKey(config, deps.rawEnv, provider);
    const skip = 'skip' in key ? key.skip : providerReachable(config, provider) ? null : 'host not on the outbound allowlist';
    if (skip !== null) return { provider, snapshot: await circuit.snapshot(), probe: null, probedAt: null, skipped: skip };
    // the same policy completions use, so a probe opens and closes a circuit by the same rules
    const policy = circuitPolicy(config);
    const admission = await circuit.acquire(policy);
    if (!admission.allowed) {
      return { provider, snapshot: await circuit.snapshot(), probe: null, probedAt: null, skipped: `circuit open until ${new Date(admission.cooldownUntilMs).toISOString()}` };
    }
    const probedAt = new Date();
    const probe = await probeProvider(config, provider, 'key' in key ? key.key : undefined, traceId);
    const snapshot = await circuit.report(policy, { ok: probe.healthy, latencyMs: probe.latencyMs, probe: admission.probe, ...(probe.failure ? { error: probe.failure.kind } : {}) });
    return { provider, snapshot, probe, probedAt, skipped: null };
  } catch (err) {
    // one provider's circuit failing must not cost the others their probe
    deps.log.warn('provider probe failed to run', { provider: provider.name, error: describeError(err) });
    return null;
  }
}

function healthRow(o: ProbeOutcome, now: Date): repo.HealthInsert {
  const s = o.snapshot;
  return {
    providerId: o.provider.id!,
    status: healthStatus(s),
    consecutiveFailures: s.consecutiveFailures,
    errorRate: s.errorRate,
    p50Ms: s.p50Ms,
    p95Ms: s.p95Ms,
    cooldownUntil: s.state !== 'closed' && s.cooldownUntilMs !== null ? new Date(s.cooldownUntilMs) : null,
    lastProbeAt: o.probedAt,
    lastProbeOk: o.probe ? o.probe.healthy : null,
    lastError: o.probe?.failure?.message ?? s.lastError,
    updatedAt: now,
  };
}

/** Maps `items` through `fn` with at most `limit` calls in flight, keeping the order. */
async function boundedMap<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** 00:00 UTC of `now`'s day. */
export function utcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const usageMatches = (p: ProviderEntry) => (u: repo.UsageTotal) => (p.id !== null ? u.providerId === p.id : u.providerId === null && u.provider === p.name);

/** Health of every provider the project can route to (its own, the platform's, the environment's), with today's spend. */
export async function providersHealth(db: Db, config: AppConfig, projectId: string, now = new Date()): Promise<{ since: string; items: ProviderHealth[] }> {
  const catalogue = await loadCatalogue(db, projectId, config);
  const routable = catalogue.models.filter((m) => m.enabled && m.provider.enabled).map((m) => m.provider);
  const providers = [...new Map(routable.map((p) => [p.key, p])).values()];
  const since = utcMidnight(now);
  const [rows, usage, snapshots] = await Promise.all([
    repo.healthOf(db, providers.flatMap((p) => (p.id ? [p.id] : []))),
    repo.usageTotals(db, since, projectId),
    Promise.all(providers.map((p) => circuitOf(config, p.key).snapshot())),
  ]);
  const rowOf = new Map(rows.map((r) => [r.providerId, r]));
  const items = providers.map((p, i): ProviderHealth => {
    const snap = snapshots[i]!;
    const row = p.id ? rowOf.get(p.id) : undefined;
    // the circuit keeps outcomes in memory for a few minutes; without any, the last stored figures stand
    const stored = snap.samples === 0 ? row : undefined;
    const spent = usage.filter(usageMatches(p));
    return {
      provider: p.name,
      // the environment's providers are the deployment's own: platform providers as a project sees them
      scope: p.scope === 'project' ? 'project' : 'platform',
      status: statusOf(snap, row),
      consecutive_failures: snap.consecutiveFailures,
      error_rate: stored ? stored.errorRate : snap.errorRate,
      p50_ms: stored ? stored.p50Ms : snap.p50Ms,
      p95_ms: stored ? stored.p95Ms : snap.p95Ms,
      cooldown_until: snap.state !== 'closed' && snap.cooldownUntilMs !== null ? new Date(snap.cooldownUntilMs).toISOString() : null,
      last_probe_at: row?.lastProbeAt?.toISOString() ?? null,
      last_error: row?.lastError ?? snap.lastError,
      spend_today_usd: spent.reduce((sum, u) => sum + u.costUsd, 0),
      calls_today: spent.reduce((sum, u) => sum + u.calls, 0),
    };
  });
  return { since: since.toISOString(), items };
}

function statusOf(snap: CircuitSnapshot, row: repo.HealthRow | undefined): ProviderHealth['status'] {
  if (snap.state !== 'closed' || snap.samples > 0) return healthStatus(snap);
  // no recent outcome: the last stored verdict, unless it was a cooldown the circuit has since left
  return row && row.status !== 'cooldown' ? (row.status as HealthStatus) : 'unknown';
}

export interface ProviderSeries {
  provider: string;
  /** The provider row's id, or `env:<name>` for the environment's providers (the circuit's key). */
  providerId: string;
  up: boolean;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface ProviderMetrics {
  health: ProviderSeries[];
  /** llm_usage of the last 24 hours, per provider and outcome. */
  usage: Array<repo.UsageTotal & { providerKey: string }>;
}

/** What Prometheus shows of the providers: stored health of every enabled row, live circuits of the environment's, and 24 h of usage. */
export async function providerMetrics(db: Db, config: AppConfig, now = Date.now()): Promise<ProviderMetrics> {
  const env = envProviders(config);
  const [rows, usage, envSnaps] = await Promise.all([
    repo.allHealth(db),
    repo.usageTotals(db, new Date(now - 24 * 60 * 60_000), null),
    Promise.all(env.map((p) => circuitOf(config, p.key).snapshot())),
  ]);
  const series = (provider: string, providerId: string, s: { status: string; errorRate: number; p50Ms: number | null; p95Ms: number | null }): ProviderSeries => ({
    provider,
    providerId,
    up: s.status !== 'cooldown',
    errorRate: s.errorRate,
    p50Ms: s.p50Ms,
    p95Ms: s.p95Ms,
  });
  return {
    health: [
      ...rows.map((r) => series(r.name, r.row.providerId, r.row)),
      ...env.map((p, i) => series(p.name, p.key, { ...envSnaps[i]!, status: healthStatus(envSnaps[i]!) })),
    ],
    usage: usage.map((u) => ({ ...u, providerKey: u.providerId ?? `env:${u.provider}` })),
  };
}

/** The deployment's own providers and their circuits' status now (GET /health's `providers` check). */
export async function envProviderStatus(config: AppConfig): Promise<Array<{ name: string; status: HealthStatus }>> {
  const providers = envProviders(config);
  const snapshots = await Promise.all(providers.map((p) => circuitOf(config, p.key).snapshot()));
  return providers.map((p, i) => ({ name: p.name, status: healthStatus(snapshots[i]!) }));
}
