// Reads a plugin upload (the export PUT to its signed URL) as JSON, with the checks every reader applies: the
// caller's project only, the size cap, the nesting cap, valid JSON. Used by ingest and by figma-compat.
import { REQUEST_LIMITS } from '@cogo/types';
import type { AppConfig } from '../../env';
import { ApiError } from '../../lib/errors';
import { jsonDepthOver } from '../../lib/request-body';
import { uploadKey } from './upload-url';

/** The parsed export of `uploadId`, or a 404 / 413 / 422 naming what is wrong with it. */
export async function readUploadJson(config: AppConfig, projectId: string, uploadId: string): Promise<unknown> {
  const object = await config.UPLOADS.get(uploadKey(projectId, uploadId));
  if (!object) throw new ApiError('NOT_FOUND', 'no such upload (or it belongs to another project)');
  if (object.size > config.MAX_UPLOAD_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', `upload is over ${config.MAX_UPLOAD_BYTES} bytes`);
  const text = await object.text();
  if (jsonDepthOver(text, REQUEST_LIMITS.maxUploadJsonDepth)) {
    throw new ApiError('UNPROCESSABLE', `the upload is nested deeper than ${REQUEST_LIMITS.maxUploadJsonDepth} JSON levels`, { max_depth: REQUEST_LIMITS.maxUploadJsonDepth });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('UNPROCESSABLE', 'the upload is not valid JSON');
  }
}
