// Queries of the LLM catalogue. `owner` is a project id, or null for the platform's rows. Every write filters by
// owner itself: the tenant policy of cogo.llm_providers lets a project *see* platform rows, and a DELETE is checked
// against what the project sees, so row-level security alone would not keep a project off the platform's rows.
import { schema, type Db } from '@cogo/db';
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';

export type ProviderRow = typeof schema.llmProviders.$inferSelect;
export type ModelRow = typeof schema.llmModels.$inferSelect;
export type PolicyRow = typeof schema.routingPolicies.$inferSelect;
/** A model with the name and owner of its provider. */
export interface ModelEntry {
  model: ModelRow;
  providerName: string;
  providerProjectId: string | null;
}

const P = schema.llmProviders;
const M = schema.llmModels;

/** Providers owned by `owner` (exactly that scope). */
const ownedBy = (owner: string | null): SQL => (owner === null ? isNull(P.projectId) : eq(P.projectId, owner));
/** Providers `owner` may route to: the platform's and, for a project, its own. */
const visibleTo = (owner: string | null): SQL => (owner === null ? isNull(P.projectId) : or(isNull(P.projectId), eq(P.projectId, owner))!);

/** Providers visible to `owner`, platform rows first, then by name. */
export async function listProviders(db: Db, owner: string | null): Promise<ProviderRow[]> {
  return db.select().from(P).where(visibleTo(owner)).orderBy(asc(P.projectId), asc(P.name));
}

/** The provider `name` owned by `owner`, or null. */
export async function findProvider(db: Db, owner: string | null, name: string): Promise<ProviderRow | null> {
  const rows = await db.select().from(P).where(and(ownedBy(owner), eq(P.name, name)));
  return rows[0] ?? null;
}

/** Inserts a provider; null when its scope already has that name. */
export async function insertProvider(db: Db, values: typeof P.$inferInsert): Promise<ProviderRow | null> {
  const rows = await db.insert(P).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Updates the provider `name` owned by `owner`; null when there is none. */
export async function updateProvider(db: Db, owner: string | null, name: string, patch: Partial<typeof P.$inferInsert>): Promise<ProviderRow | null> {
  const rows = await db
    .update(P)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(ownedBy(owner), eq(P.name, name)))
    .returning();
  return rows[0] ?? null;
}

/** Deletes the provider `name` owned by `owner` (its models go with it, by foreign key); null when there is none. */
export async function deleteProvider(db: Db, owner: string | null, name: string): Promise<ProviderRow | null> {
  const rows = await db
    .delete(P)
    .where(and(ownedBy(owner), eq(P.name, name)))
    .returning();
  return rows[0] ?? null;
}

const entryColumns = { model: M, providerName: P.name, providerProjectId: P.projectId };

/** Models visible to `owner` (optionally of one kind), platform rows first, then by name and provider. */
export async function listModels(db: Db, owner: string | null, kind?: string): Promise<ModelEntry[]> {
  return db
    .select(entryColumns)
    .from(M)
    .innerJoin(P, eq(M.providerId, P.id))
    .where(and(visibleTo(owner), kind ? eq(M.kind, kind) : undefined))
    .orderBy(asc(P.projectId), asc(M.name), asc(P.name));
}

/** The model `id` under a provider owned by `owner`, or null. */
export async function findModel(db: Db, owner: string | null, id: string): Promise<ModelEntry | null> {
  const rows = await db
    .select(entryColumns)
    .from(M)
    .innerJoin(P, eq(M.providerId, P.id))
    .where(and(ownedBy(owner), eq(M.id, id)));
  return rows[0] ?? null;
}

/** Inserts a model; null when its provider already has a model of that name. */
export async function insertModel(db: Db, values: typeof M.$inferInsert): Promise<ModelRow | null> {
  const rows = await db.insert(M).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Updates a model by id (the caller has checked its owner); null when it is gone. */
export async function updateModel(db: Db, id: string, patch: Partial<typeof M.$inferInsert>): Promise<ModelRow | null> {
  const rows = await db
    .update(M)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(M.id, id))
    .returning();
  return rows[0] ?? null;
}

/** Deletes a model by id (the caller has checked its owner); null when it is gone. */
export async function deleteModel(db: Db, id: string): Promise<ModelRow | null> {
  const rows = await db.delete(M).where(eq(M.id, id)).returning();
  return rows[0] ?? null;
}

/** Which of `names` are models `owner` can see (any provider, enabled or not). */
export async function visibleModelNames(db: Db, owner: string, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ name: M.name })
    .from(M)
    .innerJoin(P, eq(M.providerId, P.id))
    .where(and(visibleTo(owner), inArray(M.name, names)));
  return new Set(rows.map((r) => r.name));
}

/** The project's routing policy, or null. */
export async function findPolicy(db: Db, projectId: string): Promise<PolicyRow | null> {
  const rows = await db.select().from(schema.routingPolicies).where(eq(schema.routingPolicies.projectId, projectId));
  return rows[0] ?? null;
}

/** Creates or replaces the project's routing policy. */
export async function upsertPolicy(db: Db, values: typeof schema.routingPolicies.$inferInsert): Promise<PolicyRow> {
  const { projectId: _, ...rest } = values;
  const rows = await db
    .insert(schema.routingPolicies)
    .values(values)
    .onConflictDoUpdate({ target: schema.routingPolicies.projectId, set: { ...rest, updatedAt: new Date() } })
    .returning();
  return rows[0]!;
}
