// Downloading one image Figma pointed at (an S3 link on another host, never the API host) into R2. Through the
// shared outbound client with its own allowlist (FIGMA_IMAGE_HOSTS + OUTBOUND_ALLOWLIST): no Figma token is sent
// there, and a host not on the list is refused before any request. With a Content-Length the body streams
// straight into R2 (memory stays flat, whatever the image's size); without one it is read up to the limit.
import type { AppConfig } from '../../env';
import { readBytesBounded } from '../../lib/bounded-read';
import { createHttpClient, OutboundBlockedError, OutboundError, type OutboundFetch } from '../../lib/http-client';
import { extensionOf } from './artifacts';

/** Largest image stored; a larger one is reported `too_large`, its download cancelled. */
export const IMAGE_MAX_BYTES = 64 * 1024 * 1024;

/** Why an image did not land. */
export class ImageDownloadError extends Error {
  override name = 'ImageDownloadError';
  constructor(
    readonly reason: 'download_failed' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

/** The outbound client for Figma's image hosts. */
export function imageHttpFor(config: AppConfig, traceId: string): OutboundFetch {
  return createHttpClient({
    allowHosts: [...config.FIGMA_IMAGE_HOSTS.split(','), ...config.OUTBOUND_ALLOWLIST.split(',')],
    timeoutMs: config.OUTBOUND_TIMEOUT_MS,
    retries: config.OUTBOUND_RETRIES,
    traceId,
  });
}

export interface StoredImage {
  contentType: string;
  ext: string;
  bytes: number;
}

/**
 * Downloads `url` and stores it at the key `keyFor(ext)` picks (the extension is known only from the answer).
 * Throws ImageDownloadError naming the host and what went wrong.
 */
export async function downloadInto(http: OutboundFetch, url: string, bucket: R2Bucket, keyFor: (ext: string) => string, customMetadata: Record<string, string>, fixedType?: string): Promise<StoredImage> {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    throw new ImageDownloadError('download_failed', 'Figma answered an image URL that is not a URL');
  }
  let res: Response;
  try {
    res = await http(url, { headers: { accept: '*/*' } });
  } catch (err) {
    if (err instanceof OutboundBlockedError) throw new ImageDownloadError('download_failed', `${err.message} (add it to FIGMA_IMAGE_HOSTS)`);
    if (err instanceof OutboundError) throw new ImageDownloadError('download_failed', err.message);
    throw new ImageDownloadError('download_failed', `download from ${host} failed`);
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw new ImageDownloadError('download_failed', `${host} answered ${res.status}`);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > IMAGE_MAX_BYTES) {
    await res.body?.cancel().catch(() => {});
    throw new ImageDownloadError('too_large', `image of ${declared} bytes is over the ${IMAGE_MAX_BYTES}-byte limit`);
  }
  const contentType = fixedType ?? (res.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream');
  const ext = extensionOf(contentType);
  const httpMetadata = { contentType };
  if (Number.isFinite(declared) && res.body && ext !== 'bin') {
    const sized = new FixedLengthStream(declared);
    const piped = res.body.pipeTo(sized.writable);
    const [object] = await Promise.all([bucket.put(keyFor(ext), sized.readable, { httpMetadata, customMetadata }), piped]).catch(() => {
      throw new ImageDownloadError('download_failed', `download from ${host} was cut off`);
    });
    return { contentType, ext, bytes: object?.size ?? declared };
  }
  const body = await readBytesBounded(res.body, IMAGE_MAX_BYTES);
  if (body === null) throw new ImageDownloadError('too_large', `image over the ${IMAGE_MAX_BYTES}-byte limit`);
  const sniffed = ext === 'bin' ? extensionOf(null, body.subarray(0, 4)) : ext;
  await bucket.put(keyFor(sniffed), body, { httpMetadata, customMetadata });
  return { contentType, ext: sniffed, bytes: body.byteLength };
}
