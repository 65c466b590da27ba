// The stored components symbols/map may read instead of the design (`components_from: "stored"`): rows of
// public.components written by POST /figma-context/apply. Run on the project's tenant database (row-level security).
import { schema, type Db } from '@cogo/db';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';

const cmp = schema.components;

/** A stored component as componentsFromStored reads it. */
export interface StoredComponent {
  nodeId: string;
  name: string;
  type: string;
  props: Record<string, unknown>;
}

async function select(db: Db, where: SQL | undefined, limit: number): Promise<StoredComponent[]> {
  return db
    .select({ nodeId: cmp.nodeId, name: cmp.name, type: cmp.type, props: cmp.props })
    .from(cmp)
    .where(and(where, inArray(cmp.type, ['COMPONENT', 'COMPONENT_SET'])))
    .orderBy(asc(cmp.createdAt), asc(cmp.nodeId))
    .limit(limit);
}

/** The components and component sets stored for one page (at most `limit`). */
export function storedComponentsOfPage(db: Db, pageId: string, limit: number): Promise<StoredComponent[]> {
  return select(db, eq(cmp.pageId, pageId), limit);
}

/** The components and component sets stored for every page of a file (at most `limit`). */
export function storedComponentsOfFile(db: Db, fileKey: string, limit: number): Promise<StoredComponent[]> {
  return select(db, eq(cmp.fileKey, fileKey), limit);
}
