// The two sides of a mapping as @cogo/design-sync reads them — a registry row as a CodeComponent, a stored Figma row
// as a DesignComponent — and the baseline a confirmation or a sync records (the Figma name, the bound tokens'
// values in the file's latest derived tokens).
import { schema, type Db } from '@cogo/db';
import { designComponentsFromRows, tokenValuesFor, type CodeComponent, type CodeProp, type CodeStory, type DesignComponent, type MappingBaseline } from '@cogo/design-sync';
import { and, desc, eq } from 'drizzle-orm';
import type { DesignRow } from './mappings.repo';
import type { CodeComponentRow, Tx } from './registry.repo';

export function codeOf(row: CodeComponentRow): CodeComponent {
  return {
    key: row.key,
    name: row.name,
    ...(row.importPath ? { importPath: row.importPath } : {}),
    ...(row.componentPath ? { componentPath: row.componentPath } : {}),
    ...(row.description ? { description: row.description } : {}),
    props: row.props as CodeProp[],
    stories: row.stories as CodeStory[],
  };
}

export function designOf(row: DesignRow): DesignComponent | null {
  return designComponentsFromRows([{ fileKey: row.fileKey, nodeId: row.nodeId, name: row.name, type: row.type, props: row.props }])[0] ?? null;
}

/** The DTCG tokens document of the file's newest derived version (null: tokens never derived). */
export async function latestTokens(db: Db | Tx, projectId: string, fileKey: string): Promise<Record<string, unknown> | null> {
  const tv = schema.tokenVersions;
  const [row] = await db
    .select({ tokens: tv.tokens })
    .from(tv)
    .where(and(eq(tv.projectId, projectId), eq(tv.fileKey, fileKey)))
    .orderBy(desc(tv.createdAt))
    .limit(1);
  return row?.tokens ?? null;
}

/** The content hash of the file's newest derived tokens (null: tokens never derived) — what a drift cache keys on. */
export async function latestTokenHash(db: Db | Tx, projectId: string, fileKey: string): Promise<string | null> {
  const tv = schema.tokenVersions;
  const [row] = await db
    .select({ hash: tv.contentHash })
    .from(tv)
    .where(and(eq(tv.projectId, projectId), eq(tv.fileKey, fileKey)))
    .orderBy(desc(tv.createdAt))
    .limit(1);
  return row?.hash ?? null;
}

/** What drift is measured against from now on: the component's name and its bound tokens' current values. */
export function baselineOf(design: DesignComponent, tokens: Record<string, unknown> | null): MappingBaseline {
  return { figmaName: design.name, tokenValues: tokenValuesFor(design.boundVariables, tokens) };
}
