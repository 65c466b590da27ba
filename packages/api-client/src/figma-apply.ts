// Applying an extracted page: split into batches the API accepts, each with a deterministic
// Idempotency-Key so a retried batch is never applied twice.
import { requestJson } from './figma-http';
import { FIGMA_MAX_COMPONENTS_PER_APPLY, type ApplyPage, type ApplyResult, type FigmaConnection } from './figma-types';

/** What to apply: the job the page came from and the page with all its components. */
export interface ApplyFigmaPageInput {
  jobId: string;
  page: ApplyPage;
  /** Components per call; at most (and by default) the API's limit of 300. */
  batchSize?: number;
  /** Retries per batch after a network failure or 429/503; safe thanks to the Idempotency-Key. Default 2. */
  retries?: number;
}

/** The page's result summed over its batches. */
export interface ApplyPageResult extends ApplyResult {
  /** How many apply calls were made. */
  batches: number;
}

/** The Idempotency-Key of one batch: the same job, page and batch always give the same key. */
export function applyIdempotencyKey(jobId: string, pageNodeId: string, index: number, count: number): string {
  return `apply-${jobId}-${pageNodeId}-${index}-${count}`;
}

/** POST /figma-context/apply for one page, in ceil(N/300) batches sent in order; returns the summed counts. */
export async function applyFigmaPage(conn: FigmaConnection, input: ApplyFigmaPageInput): Promise<ApplyPageResult> {
  const size = Math.min(input.batchSize ?? FIGMA_MAX_COMPONENTS_PER_APPLY, FIGMA_MAX_COMPONENTS_PER_APPLY);
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batchSize must be an integer ≥ 1, got ${input.batchSize}`);
  const { components } = input.page;
  // an empty page is still one call: it tells the server every component of the page is gone
  const count = Math.max(1, Math.ceil(components.length / size));
  const total: ApplyPageResult = { page_id: '', inserted: 0, updated: 0, deleted: 0, unchanged: 0, batches: 0 };
  // sequential on purpose: the server removes absent components after the last batch, so it must come last
  for (let index = 0; index < count; index++) {
    const page = { ...input.page, components: components.slice(index * size, (index + 1) * size) };
    const result = await requestJson<ApplyResult>(conn, {
      method: 'POST',
      path: '/apply',
      body: { job_id: input.jobId, page, ...(count > 1 ? { batch: { index, count } } : {}) },
      headers: { 'idempotency-key': applyIdempotencyKey(input.jobId, input.page.node_id, index, count) },
      retries: input.retries ?? 2,
    });
    total.page_id = result.page_id;
    total.inserted += result.inserted;
    total.updated += result.updated;
    total.deleted += result.deleted;
    total.unchanged += result.unchanged;
    total.batches++;
  }
  return total;
}
