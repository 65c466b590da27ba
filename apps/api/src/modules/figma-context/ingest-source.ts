import type { GetFileNodesResponse } from '@figma/rest-api-spec';
import type { AppConfig } from '../../env';
import { chunkKey } from '../uui/upload-url';
import type { ChunkSource } from './chunk-source';

/** Chunks of an uploaded plugin export (plugin-only mode), stored per chunk at ingest. */
export function ingestChunkSource(config: AppConfig, projectId: string, uploadId: string): ChunkSource {
  return {
    async *fetch(chunk) {
      const object = await config.UPLOADS.get(chunkKey(projectId, uploadId, chunk.index));
      if (!object) throw new Error(`chunk ${chunk.index} of upload ${uploadId} is missing`);
      yield JSON.parse(await object.text()) as GetFileNodesResponse;
    },
  };
}
