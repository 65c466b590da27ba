// A user's verdict on a reported drift item: the only honest measure of drift's false-positive ratio in use (the
// labelled set measures it in the tests). One verdict per item; a new one replaces it.
import { schema } from '@cogo/db';
import type { DriftKind } from '@cogo/design-sync';
import { and, eq, sql } from 'drizzle-orm';
import { ApiError } from '../../lib/errors';
import { audited, type ActionScope } from './action';
import { listMappings } from './mappings.repo';

export interface FeedbackInput {
  mapping_id: string;
  kind: DriftKind;
  subject: string;
  verdict: 'false_positive' | 'real';
}

/** POST /design-sync/drift/feedback: stores the verdict; answers it with the project's ratio. */
export function recordDriftFeedback(scope: ActionScope, input: FeedbackInput) {
  return audited(scope, 'drift.feedback', async () => {
    const db = scope.db();
    const [mapping] = await listMappings(db, scope.projectId, { ids: [input.mapping_id] }, 1);
    if (!mapping) throw new ApiError('NOT_FOUND', `no mapping ${input.mapping_id} in this project`, { mapping_id: input.mapping_id });
    const f = schema.driftFeedback;
    const values = { projectId: scope.projectId, mappingId: input.mapping_id, kind: input.kind, subject: input.subject, verdict: input.verdict, actor: scope.actor };
    const [row] = await db
      .insert(f)
      .values(values)
      .onConflictDoUpdate({ target: [f.projectId, f.mappingId, f.kind, f.subject], set: { verdict: input.verdict, actor: scope.actor, updatedAt: new Date() } })
      .returning();
    const [tally] = await db
      .select({ all: sql<number>`count(*)::int`, fp: sql<number>`count(*) filter (where ${f.verdict} = 'false_positive')::int` })
      .from(f)
      .where(and(eq(f.projectId, scope.projectId)));
    const ratio = tally && tally.all ? Math.round((tally.fp / tally.all) * 10_000) / 10_000 : 0;
    return {
      result: { mapping_id: row!.mappingId, kind: row!.kind as DriftKind, subject: row!.subject, verdict: row!.verdict as FeedbackInput['verdict'], updated_at: row!.updatedAt.toISOString(), false_positive_ratio: ratio },
      subject: input.mapping_id,
      counts: { false_positive: input.verdict === 'false_positive' ? 1 : 0 },
    };
  });
}
