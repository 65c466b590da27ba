// What UI generation may use of a project (issue 14): its stored components (figma-context apply: COMPONENT and
// COMPONENT_SET rows) and its design tokens (the newest stored token version of each file). Read on the tenant
// database, so row-level security keeps a project to its own.
import { tokensOfDtcg, type DesignVocabulary } from '@cogo/figma-compat';
import { batch, schema, type Db } from '@cogo/db';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';

/** The most components generation weighs: a prompt lists them, so a huge library is cut (newest first). */
export const VOCABULARY_MAX_COMPONENTS = 500;
/** The most token paths it weighs. */
export const VOCABULARY_MAX_TOKENS = 2_000;

/** The project's components and token paths. */
export async function loadVocabulary(db: Db, projectId: string): Promise<DesignVocabulary> {
  const cmp = schema.components;
  const tv = schema.tokenVersions;
  // one request: the vocabulary takes one turn on the database
  const [components, versions] = await batch(db, [
    (d) =>
      d
        .select({ id: cmp.id, name: cmp.name, nodeId: cmp.nodeId, type: cmp.type, description: sql<string | null>`${cmp.props} ->> 'description'` })
        .from(cmp)
        .where(and(eq(cmp.projectId, projectId), inArray(cmp.type, ['COMPONENT', 'COMPONENT_SET'])))
        .orderBy(desc(cmp.updatedAt), cmp.id)
        .limit(VOCABULARY_MAX_COMPONENTS),
    // the newest version of each file
    (d) =>
      d
        .selectDistinctOn([tv.fileKey], { tokens: tv.tokens })
        .from(tv)
        .where(eq(tv.projectId, projectId))
        .orderBy(tv.fileKey, desc(tv.createdAt)),
  ]);
  const paths = new Map<string, { path: string; type?: string }>();
  for (const v of versions) for (const t of tokensOfDtcg(v.tokens)) if (!paths.has(t.path)) paths.set(t.path, t);
  return {
    components: components.map((c) => ({ id: c.id, name: c.name, node_id: c.nodeId, type: c.type, ...(c.description ? { description: c.description } : {}) })),
    tokens: [...paths.values()].slice(0, VOCABULARY_MAX_TOKENS),
  };
}
