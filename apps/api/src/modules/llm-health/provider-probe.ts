// One health probe of one provider: `GET {base}/models` through the same client completions use (the openai
// SDK over the outbound client: allowlist, trace), with no retry and a short timeout — the cheapest call every
// OpenAI-compatible provider answers, and one that spends no tokens.
import type { AppConfig } from '../../env';
import type { ProviderEntry } from '../llm/catalogue';
import { callOptions, classifyFailure, providerClient, type ProviderFailure } from '../llm/provider-client';

/** Longest a probe waits (LLM_TIMEOUT_MS when that is shorter). */
export const PROBE_TIMEOUT_MS = 5_000;

export interface ProbeResult {
  /** The provider answered: a success, or a refusal that says nothing about its health (classifyFailure). */
  healthy: boolean;
  latencyMs: number;
  failure?: ProviderFailure;
}

export type ProbeKey = { key: string | undefined } | { skip: string };

/**
 * The key a probe sends. Environment providers: the deployment's CHAT_API_KEY (or OPENAI_API_KEY) /
 * EMBEDDING_API_KEY. Platform rows: the deployment secret their key_alias names. A project's provider whose key
 * lives in its vault is not probed: each read of a vault key is audited, and a probe a minute would flood it.
 */
export function probeKey(config: AppConfig, rawEnv: Record<string, unknown>, provider: ProviderEntry): ProbeKey {
  if (provider.scope === 'env') {
    return { key: provider.keyAlias === 'EMBEDDING_API_KEY' ? config.EMBEDDING_API_KEY : (config.CHAT_API_KEY ?? config.OPENAI_API_KEY) };
  }
  if (!provider.keyAlias) return { key: undefined };
  if (provider.scope === 'project') return { skip: "its key is in the project's vault" };
  const deployed = rawEnv[provider.keyAlias];
  return typeof deployed === 'string' && deployed ? { key: deployed } : { skip: `no deployment secret ${provider.keyAlias}` };
}

/** Probes one provider once. Never throws: a failure is classified like a completion's. */
export async function probeProvider(config: AppConfig, provider: ProviderEntry, apiKey: string | undefined, traceId: string): Promise<ProbeResult> {
  const timeoutMs = Math.min(PROBE_TIMEOUT_MS, config.LLM_TIMEOUT_MS);
  const started = Date.now();
  try {
    const client = providerClient({ config, provider, apiKey, retries: 0 });
    await client.models.list(callOptions(traceId, { timeout: timeoutMs, maxRetries: 0 }));
    return { healthy: true, latencyMs: Date.now() - started };
  } catch (err) {
    const failure = classifyFailure(err, provider.name, config.LLM_FALLBACK_STATUSES);
    return { healthy: !failure.unhealthy, latencyMs: Date.now() - started, failure };
  }
}
