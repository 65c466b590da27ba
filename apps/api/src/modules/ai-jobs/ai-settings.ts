// The project's AI settings (naming convention, the team's naming rules, job retention), kept under `ai` in
// projects.settings; and the project's vocabulary (its code and design component names) that rename prompts offer.
import { batch, schema, type Db } from '@cogo/db';
import { AiSettingsSchema, type AiSettings } from '@cogo/types';
import { eq, sql } from 'drizzle-orm';

const VOCABULARY = 40;

const settingsQuery = (db: Db, projectId: string) => db.select({ settings: schema.projects.settings }).from(schema.projects).where(eq(schema.projects.id, projectId));

/** The project's AI settings (defaults where unset or unreadable). */
export async function readAiSettings(db: Db, projectId: string): Promise<AiSettings> {
  return settingsOf(await settingsQuery(db, projectId));
}

function settingsOf(rows: Array<{ settings: unknown }>): AiSettings {
  const parsed = AiSettingsSchema.safeParse((rows[0]?.settings as { ai?: unknown } | undefined)?.ai ?? {});
  return parsed.success ? parsed.data : AiSettingsSchema.parse({});
}

/** Replaces the project's AI settings, leaving its other settings as they are. */
export async function writeAiSettings(db: Db, projectId: string, settings: AiSettings): Promise<AiSettings> {
  await db
    .update(schema.projects)
    .set({ settings: sql`jsonb_set(${schema.projects.settings}, '{ai}', ${JSON.stringify(settings)}::jsonb)`, updatedAt: new Date() })
    .where(eq(schema.projects.id, projectId));
  return settings;
}

/**
 * The project's AI settings and vocabulary — up to 40 component names it knows (its code registry, then its Figma
 * components): names to reuse — read in one request (what a rename job is created with).
 */
export async function settingsAndVocabulary(db: Db, projectId: string): Promise<{ settings: AiSettings; vocabulary: string[] }> {
  const [settings, code, design] = await batch<[Array<{ settings: unknown }>, Array<{ name: string }>, Array<{ name: string }>]>(db, [
    (d) => settingsQuery(d, projectId),
    (d) => d.selectDistinct({ name: schema.codeComponents.name }).from(schema.codeComponents).where(eq(schema.codeComponents.projectId, projectId)).limit(VOCABULARY),
    (d) => d.selectDistinct({ name: schema.components.name }).from(schema.components).where(eq(schema.components.projectId, projectId)).limit(VOCABULARY),
  ]);
  return { settings: settingsOf(settings), vocabulary: [...new Set([...code, ...design].map((r) => r.name))].slice(0, VOCABULARY) };
}
