// Images of a Figma file through the API: POST /figma-context/images stores renders and fills as the project's
// artifacts; GET /figma-context/artifacts?name= downloads one.
import { errorFromResponse, figmaHeaders, requestJson, send } from './figma-http';
import type { FigmaConnection } from './figma-types';

/** Body of POST /figma-context/images. */
export type FigmaImagesRequest = ({ figma_url: string; file_key?: never } | { file_key: string; figma_url?: never }) & {
  node_ids?: string[];
  format?: 'png' | 'jpg' | 'svg' | 'pdf';
  scale?: number;
  include_fills?: boolean;
  refresh?: boolean;
};

/** One stored artifact. */
export interface FigmaArtifact {
  name: string;
  kind: 'node' | 'fill';
  node_id: string | null;
  image_ref: string | null;
  content_type: string;
  bytes: number;
  /** Path on the API to download it, e.g. /figma-context/artifacts?name=… */
  url: string;
  stored: 'new' | 'existing';
}

/** Answer of POST /figma-context/images. */
export interface FigmaImagesResponse {
  file_key: string;
  format: string;
  scale: number;
  artifacts: FigmaArtifact[];
  failed: Array<{ node_id: string | null; image_ref: string | null; reason: string; message: string }>;
  figma_calls: { tier1: number; tier2: number; downloads: number };
}

/** POST /figma-context/images (retried on 429/503: storing is idempotent — a stored name is not fetched again). */
export function storeFigmaImages(conn: FigmaConnection, body: FigmaImagesRequest): Promise<FigmaImagesResponse> {
  return requestJson<FigmaImagesResponse>(conn, { method: 'POST', path: '/images', body, retries: 2 });
}

/** Downloads an artifact's bytes (its `url` from storeFigmaImages); throws CogoApiError on an error answer. */
export async function downloadFigmaArtifact(conn: FigmaConnection, artifact: Pick<FigmaArtifact, 'url'>): Promise<Uint8Array> {
  const res = await send(conn, `${conn.baseUrl.replace(/\/+$/, '')}${artifact.url}`, { method: 'GET', headers: figmaHeaders(conn, { accept: '*/*' }) });
  if (!res.ok) throw await errorFromResponse(res);
  return new Uint8Array(await res.arrayBuffer());
}
