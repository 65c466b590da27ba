import type { AppConfig } from '../../env';
import type { ChunkSource } from './chunk-source';

/** Chunks of an uploaded plugin export (plugin-only mode). */
export function ingestChunkSource(_config: AppConfig, jobId: string): ChunkSource {
  return {
    async fetch() {
      throw new Error(`job ${jobId} has no chunk source`);
    },
  };
}
