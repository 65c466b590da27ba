// Upload URLs for plugin exports: the URL itself is the credential (HMAC over project, upload id and
// expiry under UPLOAD_SIGNING_KEY), so the plugin PUTs the JSON without holding an API key there.
import { hmacSha256Hex, timingSafeEqual } from '../../lib/crypto';

const message = (projectId: string, uploadId: string, expires: number) => `upload\n${projectId}\n${uploadId}\n${expires}`;

/** The signed PUT URL for an upload. */
export async function signUploadUrl(origin: string, key: string, projectId: string, uploadId: string, expires: number): Promise<string> {
  const sig = await hmacSha256Hex(key, message(projectId, uploadId, expires));
  return `${origin}/figma-compat/uui/upload/${uploadId}?p=${projectId}&e=${expires}&s=${sig}`;
}

/** Checks an upload URL's query; returns the project id or why it is refused. */
export async function verifyUploadUrl(key: string, uploadId: string, query: URLSearchParams, now = Date.now()): Promise<{ ok: true; projectId: string } | { ok: false; reason: string }> {
  const projectId = query.get('p') ?? '';
  const expires = Number(query.get('e'));
  const sig = query.get('s') ?? '';
  if (!projectId || !Number.isInteger(expires) || !/^[0-9a-f]{64}$/.test(sig)) return { ok: false, reason: 'malformed upload URL' };
  if (expires * 1000 < now) return { ok: false, reason: 'upload URL expired' };
  const expected = await hmacSha256Hex(key, message(projectId, uploadId, expires));
  if (!timingSafeEqual(expected, sig)) return { ok: false, reason: 'bad upload URL signature' };
  return { ok: true, projectId };
}

/** Where an upload (and its chunks) live in the bucket. */
export const uploadKey = (projectId: string, uploadId: string) => `uploads/${projectId}/${uploadId}/export.json`;
export const chunkKey = (projectId: string, uploadId: string, index: number) => `uploads/${projectId}/${uploadId}/chunks/${index}.json`;
