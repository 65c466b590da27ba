// The local fakes of the outside services (Figma, OpenAI-compatible): test tooling, also served by
// the dev command so a newcomer can run every flow with no account and no token.
import { startFigmaFake, startOpenAIFake, type OpenAIFakeOptions } from '@cogo/fakes';

export interface LocalFakes {
  figmaUrl: string;
  /** host:port of the Figma fake's image host (its render and fill URLs), for FIGMA_IMAGE_HOSTS. */
  figmaImagesHost: string;
  openaiUrl: string;
  stop: () => Promise<void>;
}

/**
 * Starts both fakes on ephemeral loopback ports; the Figma fake checks `figmaToken` like Figma does, the OpenAI
 * fake `openai.apiKey` like OpenAI does (and paces its streams by `openai.chunkDelayMs`; answers the model of
 * `openai.wordVectors` from them).
 */
export async function startLocalFakes(
  figmaToken?: string,
  openai: Pick<OpenAIFakeOptions, 'apiKey' | 'chunkDelayMs' | 'wordVectors'> = {},
): Promise<LocalFakes> {
  const figma = await startFigmaFake(figmaToken ? { token: figmaToken } : {});
  try {
    const fake = await startOpenAIFake(openai);
    return {
      figmaUrl: figma.url,
      figmaImagesHost: new URL(figma.imagesUrl).host,
      openaiUrl: fake.url,
      stop: async () => {
        await Promise.all([figma.close(), fake.close()]);
      },
    };
  } catch (err) {
    await figma.close();
    throw err;
  }
}
