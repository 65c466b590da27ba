// Queries of provider health: the providers the cron probes and the rows it writes (service database: every
// project's providers), and what /metrics/providers and Prometheus read (health rows, llm_usage totals).
import { dbErrorInfo, schema, type Db } from '@cogo/db';
import { and, eq, exists, gte, inArray, sql } from 'drizzle-orm';

const { llmModels, llmProviders, llmUsage, providerHealth } = schema;

export type HealthRow = typeof providerHealth.$inferSelect;
export type HealthInsert = typeof providerHealth.$inferInsert;

/** Every enabled provider row that serves at least one enabled model (platform and every project's). */
export function probeTargets(db: Db) {
  return db
    .select({
      id: llmProviders.id,
      projectId: llmProviders.projectId,
      name: llmProviders.name,
      baseUrl: llmProviders.baseUrl,
      keyAlias: llmProviders.keyAlias,
      quirks: llmProviders.quirks,
      region: llmProviders.region,
    })
    .from(llmProviders)
    .where(
      and(
        eq(llmProviders.enabled, true),
        exists(db.select({ one: sql`1` }).from(llmModels).where(and(eq(llmModels.providerId, llmProviders.id), eq(llmModels.enabled, true)))),
      ),
    )
    .orderBy(llmProviders.id);
}

const UPSERT_PAGE = 500;

/**
 * Writes each provider's health; a row whose probe was skipped (null last_probe_at) keeps its last probe. One
 * statement per page; a provider deleted while the round ran fails only its own row (foreign key), not the page.
 */
export async function upsertHealth(db: Db, rows: HealthInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_PAGE) {
    const page = rows.slice(i, i + UPSERT_PAGE);
    try {
      await upsertPage(db, page);
    } catch (err) {
      if (!isForeignKeyViolation(err)) throw err;
      for (const row of page) await upsertPage(db, [row]).catch((e: unknown) => (isForeignKeyViolation(e) ? undefined : Promise.reject(e)));
    }
  }
}

const isForeignKeyViolation = (err: unknown) => dbErrorInfo(err)?.code === '23503';

function upsertPage(db: Db, rows: HealthInsert[]) {
  return db
    .insert(providerHealth)
    .values(rows)
    .onConflictDoUpdate({
      target: providerHealth.providerId,
      set: {
        status: sql`excluded.status`,
        consecutiveFailures: sql`excluded.consecutive_failures`,
        errorRate: sql`excluded.error_rate`,
        p50Ms: sql`excluded.p50_ms`,
        p95Ms: sql`excluded.p95_ms`,
        cooldownUntil: sql`excluded.cooldown_until`,
        lastProbeOk: sql`case when excluded.last_probe_at is null then provider_health.last_probe_ok else excluded.last_probe_ok end`,
        lastProbeAt: sql`coalesce(excluded.last_probe_at, provider_health.last_probe_at)`,
        lastError: sql`excluded.last_error`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** Health rows of these providers (through the tenant database: only providers the project sees). */
export async function healthOf(db: Db, providerIds: string[]): Promise<HealthRow[]> {
  if (providerIds.length === 0) return [];
  return db.select().from(providerHealth).where(inArray(providerHealth.providerId, providerIds));
}

/** The health row of every enabled provider, with its name (service database, for Prometheus). */
export function allHealth(db: Db) {
  return db
    .select({ row: providerHealth, name: llmProviders.name })
    .from(providerHealth)
    .innerJoin(llmProviders, and(eq(providerHealth.providerId, llmProviders.id), eq(llmProviders.enabled, true)))
    .orderBy(llmProviders.name, providerHealth.providerId);
}

export interface UsageTotal {
  providerId: string | null;
  provider: string;
  outcome: string;
  calls: number;
  costUsd: number;
}

/** llm_usage since `since`, per provider and outcome; `projectId` limits it to one project. */
export async function usageTotals(db: Db, since: Date, projectId: string | null): Promise<UsageTotal[]> {
  const rows = await db
    .select({
      providerId: llmUsage.providerId,
      provider: llmUsage.provider,
      outcome: llmUsage.outcome,
      calls: sql<number>`count(*)::int`,
      costUsd: sql<number>`coalesce(sum(${llmUsage.costUsd}), 0)::float8`,
    })
    .from(llmUsage)
    .where(and(gte(llmUsage.createdAt, since), projectId ? eq(llmUsage.projectId, projectId) : undefined))
    .groupBy(llmUsage.providerId, llmUsage.provider, llmUsage.outcome)
    .orderBy(llmUsage.provider, llmUsage.outcome);
  return rows.map((r) => ({ ...r, calls: Number(r.calls), costUsd: Number(r.costUsd) }));
}
