// The Worker variables the dev command passes on from its environment and from a .dev.vars file.
// Their names come from the Worker's own EnvSchema (apps/api/src/env.ts), loaded at run time: a
// package dependency on @cogo/api would be a cycle (it depends on this package for its tests), and
// typechecking env.ts here would need the Workers runtime types.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

const ENV_MODULE = new URL('../../../apps/api/src/env.ts', import.meta.url).href;

/** Vars the dev stack wires itself: the database it started and the Figma it chose (fake or real). */
export const STACK_OWNED_VARS = ['DATABASE_URL', 'DATABASE_WS_PROXY', 'FIGMA_API_BASE', 'FIGMA_API_KEY'] as const;

interface ParseResult {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}

/** The Worker's EnvSchema as seen from Node: its keys, each key's schema, and the whole object's parse. */
export interface EnvSchemaLike {
  shape: Record<string, { _zod: { def: { type: string } }; safeParse(value: unknown): ParseResult }>;
  safeParse(value: unknown): ParseResult;
}

/** Loads apps/api/src/env.ts's EnvSchema (run time import; see the note at the top). */
export async function loadEnvSchema(): Promise<EnvSchemaLike> {
  return ((await import(ENV_MODULE)) as { EnvSchema: EnvSchemaLike }).EnvSchema;
}

/** Names of the Worker's vars and secrets: every EnvSchema key except the bindings. */
export async function workerVarNames(): Promise<string[]> {
  const EnvSchema = await loadEnvSchema();
  // bindings (Durable Objects, queue, R2) are z.custom and come from wrangler.toml, never from vars
  return Object.entries(EnvSchema.shape)
    .filter(([, schema]) => schema._zod.def.type !== 'custom')
    .map(([name]) => name);
}

/** Reads a .dev.vars file (dotenv syntax); `{}` when `required` is false and there is none. */
export function readDevVars(path: string, required = false): Record<string, string> {
  if (!existsSync(path)) {
    if (required) throw new Error(`COGO_DEV_VARS names ${path}, which does not exist`);
    return {};
  }
  return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
}

/** The Worker vars set in `env`, except those the dev stack wires itself. */
export function pickWorkerVars(env: Record<string, string | undefined>, names: readonly string[]): Record<string, string> {
  const owned = new Set<string>(STACK_OWNED_VARS);
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '' && !owned.has(name)) out[name] = value;
  }
  return out;
}

/** The provider names answers carry when the dev stack serves LLM calls from its local fake. */
export const FAKE_CHAT_PROVIDER = 'fake-openai';
export const FAKE_EMBEDDING_PROVIDER = 'fake-openai-embeddings';

/** Offline dev (seed 001's CHAT_FORCE_MOCK): the fake serves LLM calls when no key is given, or when forced. */
export function llmMocked(given: Record<string, string>): boolean {
  return /^(true|1)$/.test(given.CHAT_FORCE_MOCK ?? '') || (!given.CHAT_API_KEY && !given.OPENAI_API_KEY);
}

/**
 * The Worker vars that point its LLM gateway at the local OpenAI-compatible fake (chat and embeddings, with the key
 * the fake checks, its host on the outbound allowlist so providers added on its prefixes are reachable too, and its
 * word-vector model as the default embedding model when it has one); none
 * when the developer gave a key, whose CHAT_API_* / EMBEDDING_API_* then pass through as given.
 */
export function llmWorkerVars(
  given: Record<string, string>,
  fake: { url: string; apiKey: string; embeddingModel?: string | undefined },
): Record<string, string> {
  if (!llmMocked(given)) return {};
  const hosts = (given.OUTBOUND_ALLOWLIST ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  return {
    CHAT_API_BASE: fake.url,
    CHAT_API_KEY: fake.apiKey,
    CHAT_PROVIDER_NAME: FAKE_CHAT_PROVIDER,
    EMBEDDING_API_BASE: fake.url,
    EMBEDDING_API_KEY: fake.apiKey,
    EMBEDDING_PROVIDER_NAME: FAKE_EMBEDDING_PROVIDER,
    // the fake's word-vector model (dev-embedder.ts), unless the developer named a model
    ...(fake.embeddingModel && !given.EMBEDDING_MODEL_DEFAULT ? { EMBEDDING_MODEL_DEFAULT: fake.embeddingModel } : {}),
    OUTBOUND_ALLOWLIST: [...new Set([...hosts, new URL(fake.url).host])].join(','),
  };
}
