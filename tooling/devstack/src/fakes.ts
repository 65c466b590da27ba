// The local fakes of the outside services (Figma, OpenAI-compatible): test tooling, also served by
// the dev command so a newcomer can run every flow with no account and no token.
import { startFigmaFake, startOpenAIFake } from '@cogo/fakes';

export interface LocalFakes {
  figmaUrl: string;
  /** host:port of the Figma fake's image host (its render and fill URLs), for FIGMA_IMAGE_HOSTS. */
  figmaImagesHost: string;
  openaiUrl: string;
  stop: () => Promise<void>;
}

/** Starts both fakes on ephemeral loopback ports; the Figma fake checks `figmaToken` like Figma does. */
export async function startLocalFakes(figmaToken?: string): Promise<LocalFakes> {
  const figma = await startFigmaFake(figmaToken ? { token: figmaToken } : {});
  try {
    const openai = await startOpenAIFake();
    return {
      figmaUrl: figma.url,
      figmaImagesHost: new URL(figma.imagesUrl).host,
      openaiUrl: openai.url,
      stop: async () => {
        await Promise.all([figma.close(), openai.close()]);
      },
    };
  } catch (err) {
    await figma.close();
    throw err;
  }
}
