// Images through the deployment's OpenAI-compatible provider (CHAT_API_BASE: OpenAI, OpenRouter and most gateways
// serve /images/generations beside chat): the one provider client (allowlist, retries honouring Retry-After, trace
// forwarded), one image per call, answered as base64 and decoded to bytes.
import { ApiError } from '../../../lib/errors';
import type { AppConfig } from '../../../env';
import type { CallScope } from '../../llm/call-scope';
import { envModels, type ProviderEntry } from '../../llm/catalogue';
import { callOptions, classifyFailure, providerClient } from '../../llm/provider-client';

/** The provider images are asked from, or undefined when the deployment has none. */
export function imageProvider(config: AppConfig): ProviderEntry | undefined {
  return envModels(config).find((m) => m.kind === 'chat')?.provider;
}

/** Generates one PNG. */
export async function generateImage(scope: CallScope, provider: ProviderEntry, req: { model: string; prompt: string; size: string }): Promise<Uint8Array> {
  const client = providerClient({ config: scope.config, provider, apiKey: await scope.providerKey(provider), retries: scope.config.LLM_MAX_RETRIES });
  let b64: string | undefined;
  try {
    const answer = await client.images.generate(
      { model: req.model, prompt: req.prompt, n: 1, size: req.size as '1024x1024', ...(req.model.startsWith('dall-e') ? { response_format: 'b64_json' as const } : {}) },
      callOptions(scope.traceId),
    );
    b64 = answer.data?.[0]?.b64_json ?? undefined;
  } catch (err) {
    const failure = classifyFailure(err, provider.name, new Set([429, 500, 502, 503, 504]));
    throw new ApiError(failure.kind === 'refused' ? 'UNPROCESSABLE' : 'LLM_UPSTREAM', failure.message, { provider: provider.name, status: failure.status });
  }
  if (!b64) throw new ApiError('LLM_BAD_OUTPUT', `${provider.name} answered no base64 image`);
  try {
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    throw new ApiError('LLM_BAD_OUTPUT', `${provider.name} answered an image that is not base64`);
  }
}
