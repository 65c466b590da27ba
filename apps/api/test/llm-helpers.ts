// LLM test helpers: projects with their own providers on prefixes of the OpenAI fake (`<origin>/<prefix>/v1`), so
// each test scripts its own providers' faults and replies and reads only its own requests.
import { schema } from '@cogo/db';
import { env } from 'cloudflare:test';
import { api, createTestProject, testDb, type TestProject } from './helpers';

export const FAKE_ORIGIN = new URL(env.CHAT_API_BASE as string).origin;
const control = (path: string, init: RequestInit = {}) => fetch(`${FAKE_ORIGIN}/__fake/${path}`, init);

const ok = async (res: Response, what: string) => {
  if (!res.ok) throw new Error(`fake refused ${what}: ${res.status} ${await res.text()}`);
};

/** Drives the OpenAI fake's control API. */
export const openaiFake = {
  faults: async (rules: Array<{ fault: Record<string, unknown>; times?: number | null; path?: string; pathPattern?: string; bodyContains?: string }>) =>
    ok(await control('faults', { method: 'PUT', body: JSON.stringify(rules) }), 'faults'),
  replies: async (path: string, replies: unknown[]) => ok(await control('replies', { method: 'PUT', body: JSON.stringify({ path, replies }) }), 'replies'),
  requests: async (prefix: string) => (await (await control(`requests?path=/${prefix}/`)).json()) as Array<{ method: string; path: string; headers: Record<string, string>; body?: Record<string, unknown>; at: number; doneAt?: number }>,
  clear: async () => {
    await control('faults', { method: 'DELETE' });
    await control('replies', { method: 'DELETE' });
  },
};

export interface ModelSpec {
  name: string;
  kind?: 'chat' | 'embedding';
  input?: number;
  output?: number;
  dimensions?: number;
}

export interface ProviderSpec {
  name: string;
  models: ModelSpec[];
  quirks?: Record<string, unknown>;
}

export interface LlmProject extends TestProject {
  /** The fake prefix of a provider: its chat path is `/<prefix>/v1/chat/completions`. */
  prefix: (provider: string) => string;
  chatPath: (provider: string) => string;
}

/** A project whose own providers (on fresh fake prefixes, key in its vault) serve the given models; optional policy. */
export async function llmProject(providers: ProviderSpec[], policy: Partial<typeof schema.routingPolicies.$inferInsert> = {}): Promise<LlmProject> {
  const p = await createTestProject();
  const put = await api('/vault/secrets/OPENAI_FAKE_KEY', { method: 'PUT', key: p.key, json: { value: env.CHAT_API_KEY } });
  if (put.status !== 201) throw new Error(`vault put failed: ${put.status}`);
  const prefixes = new Map<string, string>();
  const handle = testDb();
  try {
    for (const spec of providers) {
      const prefix = `${spec.name}-${crypto.randomUUID().slice(0, 8)}`;
      prefixes.set(spec.name, prefix);
      const [row] = await handle.db
        .insert(schema.llmProviders)
        .values({ projectId: p.id, name: spec.name, baseUrl: `${FAKE_ORIGIN}/${prefix}/v1`, keyAlias: 'OPENAI_FAKE_KEY', quirks: spec.quirks ?? {} })
        .returning();
      for (const m of spec.models) {
        await handle.db.insert(schema.llmModels).values({
          providerId: row!.id,
          name: m.name,
          upstreamModel: m.name,
          kind: m.kind ?? 'chat',
          contextWindow: 128_000,
          inputPricePerMtok: m.input ?? 0,
          outputPricePerMtok: m.output ?? 0,
          dimensions: m.dimensions ?? null,
        });
      }
    }
    if (Object.keys(policy).length) await handle.db.insert(schema.routingPolicies).values({ projectId: p.id, ...policy });
  } finally {
    await handle.close();
  }
  const prefix = (name: string) => prefixes.get(name)!;
  return { ...p, prefix, chatPath: (name) => `/${prefix(name)}/v1/chat/completions` };
}

/** The usage rows of a project, oldest first. */
export async function usageRows(projectId: string) {
  const handle = testDb();
  try {
    const { eq, asc } = await import('drizzle-orm');
    return await handle.db.select().from(schema.llmUsage).where(eq(schema.llmUsage.projectId, projectId)).orderBy(asc(schema.llmUsage.id));
  } finally {
    await handle.close();
  }
}
