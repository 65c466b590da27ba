// Provider-health test helpers: platform providers on fresh prefixes of the OpenAI fake whose key is the
// deployment secret CHAT_API_KEY (so the probe cron can probe them), their health rows and their circuits.
import { schema } from '@cogo/db';
import { env } from 'cloudflare:test';
import { eq, inArray } from 'drizzle-orm';
import { providerCircuitName } from '../src/durable-objects/names';
import { testDb } from './helpers';
import { FAKE_ORIGIN } from './llm-helpers';

export interface PlatformProvider {
  id: string;
  name: string;
  /** Its prefix on the fake: `openaiFake.requests(prefix)` lists only its requests. */
  prefix: string;
  modelsPath: string;
  model: string;
}

const created: string[] = [];

/** A platform provider (no project) serving one chat model; removed by dropPlatformProviders(). */
export async function platformProvider(): Promise<PlatformProvider> {
  const name = `probe-${crypto.randomUUID().slice(0, 8)}`;
  const handle = testDb();
  try {
    const [row] = await handle.db.insert(schema.llmProviders).values({ projectId: null, name, baseUrl: `${FAKE_ORIGIN}/${name}/v1`, keyAlias: 'CHAT_API_KEY' }).returning();
    const model = `m-${name}`;
    await handle.db.insert(schema.llmModels).values({ providerId: row!.id, name: model, upstreamModel: model, kind: 'chat', contextWindow: 128_000 });
    created.push(row!.id);
    return { id: row!.id, name, prefix: name, modelsPath: `/${name}/v1/models`, model };
  } finally {
    await handle.close();
  }
}

/** Deletes the platform providers this file created (every project sees them). */
export async function dropPlatformProviders(): Promise<void> {
  if (!created.length) return;
  const handle = testDb();
  try {
    await handle.db.delete(schema.llmProviders).where(inArray(schema.llmProviders.id, created.splice(0)));
  } finally {
    await handle.close();
  }
}

/** The stored health of a provider row, if any. */
export async function healthRow(providerId: string) {
  const handle = testDb();
  try {
    return (await handle.db.select().from(schema.providerHealth).where(eq(schema.providerHealth.providerId, providerId)))[0];
  } finally {
    await handle.close();
  }
}

/** The ProviderCircuit of a provider key (a row id, or `env:<name>`). */
export function circuitOf(key: string) {
  return env.PROVIDER_CIRCUIT.get(env.PROVIDER_CIRCUIT.idFromName(providerCircuitName(key)));
}
