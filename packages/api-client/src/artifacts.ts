// Results the API kept as artifacts instead of answering them inline (a diff, a generated page, a large job output,
// each over ARTIFACT_INLINE_MAX_BYTES): GET the pointer's url — with the key only on the API's own origin, retried
// as a read — and check the bytes against the pointer's sha256 before parsing them.
import { defaultBackoffMs, defaultSleep, errorFromResponse, figmaHeaders, isRetryableStatus, retryAfterMs, send } from './figma-http';
import type { FigmaConnection } from './figma-types';
import type { components } from './schema';

export type ArtifactPointer = components['schemas']['ArtifactPointer'];

/** The artifact fetched is not the one pointed at (other bytes, or not JSON). */
export class ArtifactMismatchError extends Error {
  readonly code = 'ARTIFACT_MISMATCH';
  constructor(
    readonly artifactId: string,
    message: string,
  ) {
    super(message);
    this.name = 'ArtifactMismatchError';
  }
}

/** The pointed-at JSON, its bytes checked against the pointer's sha256. */
export async function fetchArtifactJson(conn: FigmaConnection, pointer: ArtifactPointer, retries = 2): Promise<unknown> {
  const bytes = await fetchArtifactBytes(conn, pointer, retries);
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    throw new ArtifactMismatchError(pointer.artifact_id, `artifact ${pointer.artifact_id} is not JSON`);
  }
}

/** The pointed-at bytes, checked against the pointer's sha256. */
export async function fetchArtifactBytes(conn: FigmaConnection, pointer: ArtifactPointer, retries = 2): Promise<Uint8Array<ArrayBuffer>> {
  const base = conn.baseUrl.replace(/\/+$/, '');
  const url = /^https?:\/\//.test(pointer.url) ? pointer.url : `${base}${pointer.url.startsWith('/') ? '' : '/'}${pointer.url}`;
  // the key goes only to the API's own origin
  const sameOrigin = new URL(url).origin === new URL(base).origin;
  const headers = figmaHeaders(sameOrigin ? conn : {}, {});
  const sleep = conn.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await send(conn, url, { method: 'GET', headers });
    } catch (err) {
      if (conn.signal?.aborted || attempt >= retries) throw err;
      await sleep(defaultBackoffMs(attempt + 1), conn.signal);
      continue;
    }
    if (res.ok) return checked(new Uint8Array(await res.arrayBuffer()), pointer);
    if (isRetryableStatus(res.status) && attempt < retries) {
      await res.body?.cancel().catch(() => undefined);
      await sleep(retryAfterMs(res.headers.get('retry-after')) ?? defaultBackoffMs(attempt + 1), conn.signal);
      continue;
    }
    throw await errorFromResponse(res);
  }
}

async function checked(bytes: Uint8Array<ArrayBuffer>, pointer: ArtifactPointer): Promise<Uint8Array<ArrayBuffer>> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (hex !== pointer.sha256) throw new ArtifactMismatchError(pointer.artifact_id, `artifact ${pointer.artifact_id} is not the one pointed at (sha256 ${hex}, expected ${pointer.sha256})`);
  return bytes;
}
