// Artifacts (issue 14, seed 002 "served via /artifacts"): a generated plan, UI JSON, diff or large job output is an
// R2 object `artifacts/<project>/<id>` (ARTIFACTS binding) plus a row of `public.artifacts`. The row is what tenancy,
// listing, the ETag and retention read, so it is written only once the object exists, and the sweep (artifacts.sweep.ts)
// deletes it before the object: a row never points at nothing; an object without a row is unreachable (every read
// starts at the row).
import type { Db } from '@cogo/db';
import type { Artifact, ArtifactKind, ArtifactListQuery, ArtifactPointer } from '@cogo/types';
import { sha256Hex } from '../../lib/crypto';
import { ApiError } from '../../lib/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../lib/keyset-cursor';
import * as repo from './artifacts.repo';

/** The R2 key of an artifact. */
export const artifactObjectKey = (projectId: string, id: string) => `artifacts/${projectId}/${id}`;

/** Where the API serves an artifact (same credentials as the rest of the API). */
export const artifactPath = (id: string) => `/artifacts/${id}`;

/** What storeArtifact stores. */
export interface StoreArtifactInput {
  projectId: string;
  kind: ArtifactKind;
  contentType: string;
  body: string | Uint8Array;
  traceId: string | null;
  ttlDays: number;
  /** A live artifact of the project with the same kind and bytes is answered instead of a new one (a repeated GET). */
  reuse?: boolean;
}

/** The bytes of a body, on a plain ArrayBuffer (what Web Crypto and R2 take). */
function bytesOf(body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  if (bytes.buffer instanceof ArrayBuffer) return bytes as Uint8Array<ArrayBuffer>;
  const copy = new Uint8Array(new ArrayBuffer(bytes.byteLength)); // a view of shared memory: copy it out
  copy.set(bytes);
  return copy;
}

/** The pointer an answer carries instead of a large result. */
export function pointerOf(row: repo.ArtifactRow): ArtifactPointer {
  return { artifact_id: row.id, url: artifactPath(row.id), kind: row.kind as ArtifactKind, content_type: row.contentType, bytes: row.bytes, sha256: row.sha256 };
}

/** Public view of a row. */
export function artifactView(row: repo.ArtifactRow): Artifact {
  return {
    id: row.id,
    kind: row.kind as ArtifactKind,
    content_type: row.contentType,
    bytes: row.bytes,
    sha256: row.sha256,
    trace_id: row.traceId,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
  };
}

/**
 * Stores bytes as an artifact of `projectId` on `db` (the tenant database of that project) and returns its pointer.
 * The object is written first and the row after it; if the row cannot be written the object is deleted again.
 */
export async function storeArtifact(db: Db, bucket: R2Bucket, input: StoreArtifactInput): Promise<ArtifactPointer> {
  const bytes = bytesOf(input.body);
  const sha256 = await sha256Hex(bytes);
  if (input.reuse) {
    const existing = await repo.findLiveArtifactByContent(db, input.projectId, input.kind, sha256);
    if (existing) return pointerOf(existing);
  }
  const id = crypto.randomUUID();
  const key = artifactObjectKey(input.projectId, id);
  await bucket.put(key, bytes, { httpMetadata: { contentType: input.contentType }, customMetadata: { sha256 } });
  try {
    const row = await repo.insertArtifact(db, {
      id,
      projectId: input.projectId,
      kind: input.kind,
      contentType: input.contentType,
      bytes: bytes.byteLength,
      sha256,
      traceId: input.traceId,
      ttlDays: input.ttlDays,
    });
    return pointerOf(row);
  } catch (err) {
    // no row will ever name this object: take it back (a failure here leaves an unreachable object, never a dangling row)
    await bucket.delete(key).catch(() => undefined);
    throw err;
  }
}

/**
 * `value` as JSON: null while it fits `inlineMaxBytes` (the caller answers it inline), else stored as an artifact
 * (content type application/json) and its pointer answered. Every "inline or artifact" answer decides here.
 */
export async function offloadJson(db: Db, bucket: R2Bucket, value: unknown, input: Omit<StoreArtifactInput, 'body' | 'contentType'> & { inlineMaxBytes: number }): Promise<ArtifactPointer | null> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  if (bytes.byteLength <= input.inlineMaxBytes) return null;
  const { inlineMaxBytes: _, ...store } = input;
  return storeArtifact(db, bucket, { ...store, contentType: 'application/json', body: bytes });
}

/** Takes back artifacts nothing points at any more: they expire now, and the sweep removes them like any other. */
export async function discardArtifacts(db: Db, projectId: string, ids: string[]): Promise<void> {
  await repo.expireArtifacts(db, projectId, ids);
}

/** An artifact to serve: its row, and its object's body unless the client's copy is current. */
export interface OpenedArtifact {
  row: repo.ArtifactRow;
  /** null: If-None-Match named the current ETag (answer 304). */
  body: ReadableStream | null;
}

/** The quoted ETag of an artifact. */
export const etagOf = (sha256: string) => `"${sha256}"`;

/** Whether an If-None-Match header names `etag` (or `*`); weak validators compare equal (RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** Opens a live artifact of the project for reading; 404 for an unknown, expired or other project's id. */
export async function openArtifact(db: Db, bucket: R2Bucket, projectId: string, id: string, ifNoneMatch?: string): Promise<OpenedArtifact> {
  const row = await repo.findLiveArtifact(db, projectId, id);
  if (!row) throw new ApiError('NOT_FOUND', 'artifact not found');
  if (matchesIfNoneMatch(ifNoneMatch, etagOf(row.sha256))) return { row, body: null };
  const object = await bucket.get(artifactObjectKey(row.projectId, row.id));
  // a live row always has its object (written before the row, removed only with an expired one): answer as unknown
  // rather than 500 should R2 ever disagree
  if (!object) throw new ApiError('NOT_FOUND', 'artifact not found');
  return { row, body: object.body };
}

/** One page of the project's live artifacts, newest first; a cursor this API did not issue is a 400. */
export async function artifactsPage(db: Db, projectId: string, query: ArtifactListQuery) {
  const position = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
  const rows = await repo.listLiveArtifacts(db, projectId, { kind: query.kind, traceId: query.trace_id }, query.limit + 1, position);
  const items = rows.slice(0, query.limit);
  return { items: items.map(artifactView), nextCursor: rows.length > query.limit ? encodeKeysetCursor(items[items.length - 1]!) : null };
}
