// What follows a design turn's `ui.preview`: the page itself when it came as an artifact pointer (GET its url, checked
// against its sha256), and applying it on approval — POST /figma-context/apply `{ page, trace_id }`, which stores a
// generated page whole and puts `figma_apply_*` on the turn's trace.
import { DesignStreamError, type ArtifactPointer, type CogoUiJson, type DesignConnection } from './design';
import { defaultBackoffMs, defaultSleep, errorFromResponse, figmaHeaders, isRetryableStatus, requestJson, retryAfterMs, send } from './figma-http';
import type { ApplyResult } from './figma-types';
import type { components } from './schema';

/** What an offloaded `ui.preview` points at: the page in both forms. */
export interface DesignArtifact {
  cogo_ui_json: CogoUiJson;
  uui_json: components['schemas']['UuiJson'];
}

/** GET an artifact pointer's url (retried: a read) and check its bytes against the pointer's sha256. */
export async function fetchDesignArtifact(conn: DesignConnection, pointer: ArtifactPointer, retries = 2): Promise<DesignArtifact> {
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
    if (res.ok) return artifactOf(new Uint8Array(await res.arrayBuffer()), pointer);
    if (isRetryableStatus(res.status) && attempt < retries) {
      await res.body?.cancel().catch(() => undefined);
      await sleep(retryAfterMs(res.headers.get('retry-after')) ?? defaultBackoffMs(attempt + 1), conn.signal);
      continue;
    }
    throw await errorFromResponse(res);
  }
}

async function artifactOf(bytes: Uint8Array<ArrayBuffer>, pointer: ArtifactPointer): Promise<DesignArtifact> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const mismatch = (what: string) => new DesignStreamError('ARTIFACT_MISMATCH', `artifact ${pointer.artifact_id} ${what}`, null);
  if (hex !== pointer.sha256) throw mismatch(`is not the one previewed (sha256 ${hex}, expected ${pointer.sha256})`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw mismatch('is not JSON');
  }
  const doc = (value as Partial<DesignArtifact> | null)?.cogo_ui_json;
  if (typeof doc !== 'object' || doc === null) throw mismatch('holds no cogo_ui_json');
  return value as DesignArtifact;
}

/** What to apply: a cogo_ui_json page and the trace its apply events go on. */
export interface ApplyDesignPageInput {
  page: CogoUiJson;
  traceId?: string;
  /** Retries after a network failure or 429/503; safe: one Idempotency-Key per call, and the same page again changes nothing. Default 2. */
  retries?: number;
}

/** POST /figma-context/apply with a generated page; returns the counts (`unchanged` counts every row of a page applied before). */
export function applyDesignPage(conn: DesignConnection, input: ApplyDesignPageInput): Promise<ApplyResult> {
  return requestJson<ApplyResult>(conn, {
    method: 'POST',
    path: '/apply',
    body: { page: input.page, ...(input.traceId !== undefined ? { trace_id: input.traceId } : {}) },
    // a retry after a lost answer gets the first answer's counts, not "all unchanged"
    headers: { 'idempotency-key': `apply-design-${crypto.randomUUID()}` },
    retries: input.retries ?? 2,
  });
}
