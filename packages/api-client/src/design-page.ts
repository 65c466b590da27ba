// What follows a design turn's `ui.preview`: the page itself when it came as an artifact pointer (GET its url, checked
// against its sha256), and applying it on approval — POST /figma-context/apply `{ page, trace_id }`, which stores a
// generated page whole and puts `figma_apply_*` on the turn's trace.
import { ArtifactMismatchError, fetchArtifactJson, type ArtifactPointer } from './artifacts';
import { DesignStreamError, type CogoUiJson, type DesignConnection } from './design';
import { requestJson } from './figma-http';
import type { ApplyResult } from './figma-types';
import type { components } from './schema';

/** What an offloaded `ui.preview` points at: the page in both forms. */
export interface DesignArtifact {
  cogo_ui_json: CogoUiJson;
  uui_json: components['schemas']['UuiJson'];
}

/** GET an artifact pointer's url (retried: a read), its bytes checked against the pointer's sha256: the page in both forms. */
export async function fetchDesignArtifact(conn: DesignConnection, pointer: ArtifactPointer, retries = 2): Promise<DesignArtifact> {
  let value: unknown;
  try {
    value = await fetchArtifactJson(conn, pointer, retries);
  } catch (err) {
    if (err instanceof ArtifactMismatchError) throw new DesignStreamError('ARTIFACT_MISMATCH', err.message, null, { cause: err });
    throw err;
  }
  const doc = (value as Partial<DesignArtifact> | null)?.cogo_ui_json;
  if (typeof doc !== 'object' || doc === null) throw new DesignStreamError('ARTIFACT_MISMATCH', `artifact ${pointer.artifact_id} holds no cogo_ui_json`, null);
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
