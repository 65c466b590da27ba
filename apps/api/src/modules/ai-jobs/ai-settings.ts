// The project's AI settings (naming convention, the team's naming rules, job retention), kept under `ai` in
// projects.settings; and the project's vocabulary (its code and design component names) that rename prompts offer.
import { schema, type Db } from '@cogo/db';
import { AiSettingsSchema, type AiSettings } from '@cogo/types';
import { eq, sql } from 'drizzle-orm';

/** The project's AI settings (defaults where unset or unreadable). */
export async function readAiSettings(db: Db, projectId: string): Promise<AiSettings> {
  const [row] = await db.select({ settings: schema.projects.settings }).from(schema.projects).where(eq(schema.projects.id, projectId));
  const parsed = AiSettingsSchema.safeParse((row?.settings as { ai?: unknown } | undefined)?.ai ?? {});
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

/** Up to 40 component names the project knows (its code registry, then its Figma components): names to reuse. */
export async function projectVocabulary(db: Db, projectId: string): Promise<string[]> {
  const code = await db.selectDistinct({ name: schema.codeComponents.name }).from(schema.codeComponents).where(eq(schema.codeComponents.projectId, projectId)).limit(40);
  const design = code.length >= 40 ? [] : await db.selectDistinct({ name: schema.components.name }).from(schema.components).where(eq(schema.components.projectId, projectId)).limit(40 - code.length);
  return [...new Set([...code, ...design].map((r) => r.name))].slice(0, 40);
}
