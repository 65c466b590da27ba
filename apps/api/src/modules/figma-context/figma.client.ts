// Figma REST client: X-Figma-Token, one pacer per token, the shared outbound client (allowlist,
// timeouts, retries on 5xx), and Figma's faults mapped to errors the stream can act on.
import type { GetFileNodesResponse, GetFileResponse } from '@figma/rest-api-spec';
import type { FigmaPacer } from '../../durable-objects/figma-pacer';
import { figmaPacerName } from '../../durable-objects/names';
import { sha256Hex } from '../../lib/crypto';
import type { OutboundFetch } from '../../lib/http-client';
import { retryAfterMs } from '../../lib/http-client';

export type FigmaErrorCode = 'FIGMA_FORBIDDEN' | 'FIGMA_NOT_FOUND' | 'FIGMA_RATE_LIMITED' | 'FIGMA_TOO_LARGE' | 'FIGMA_BAD_RESPONSE' | 'FIGMA_UPSTREAM';

/** A Figma answer the caller must act on. */
export class FigmaError extends Error {
  override name = 'FigmaError';
  constructor(
    readonly code: FigmaErrorCode,
    message: string,
    readonly status: number,
    readonly info: { retryAfterMs?: number; planTier?: string; limitType?: string } = {},
  ) {
    super(message);
  }
}

export interface FigmaClientOptions {
  baseUrl: string;
  token: string;
  http: OutboundFetch;
  pacer: DurableObjectNamespace<FigmaPacer>;
  /** Spacing between calls on one token. */
  intervalMs: number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  /** Longest the caller will wait for a pacing slot; a longer wait is reported as a rate limit, unsent. */
  maxWaitMs?: () => number;
  /** Largest response body read; past it the download is cancelled and the answer is "too large". */
  maxResponseBytes?: number;
}

/** Reads a body as text, cancelling the download once it passes `limit` bytes (null then). */
export async function readBounded(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string | null> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** Creates a client for one token. */
export function createFigmaClient(options: FigmaClientOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const base = options.baseUrl.replace(/\/$/, '');
  let pacerStub: DurableObjectStub<FigmaPacer> | undefined;
  const pacer = async () => (pacerStub ??= options.pacer.get(options.pacer.idFromName(figmaPacerName(await sha256Hex(options.token)))));

  async function get<T>(path: string): Promise<T> {
    const stub = await pacer();
    const wait = await stub.acquire(options.intervalMs);
    const maxWait = options.maxWaitMs?.() ?? Number.POSITIVE_INFINITY;
    if (wait > maxWait) throw new FigmaError('FIGMA_RATE_LIMITED', `paced: next Figma slot for this token in ${Math.ceil(wait / 1000)} s`, 429, { retryAfterMs: wait });
    if (wait > 0) await sleep(wait);
    const res = await options.http(`${base}${path}`, {
      headers: { 'X-Figma-Token': options.token, accept: 'application/json' },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (res.ok) {
      const limit = options.maxResponseBytes ?? Number.POSITIVE_INFINITY;
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > limit) {
        await res.body?.cancel().catch(() => {});
        throw new FigmaError('FIGMA_TOO_LARGE', `response of ${declared} bytes is over the ${limit}-byte budget`, 413);
      }
      let text: string | null;
      try {
        text = await readBounded(res.body, limit);
      } catch {
        throw new FigmaError('FIGMA_BAD_RESPONSE', 'Figma sent an incomplete body', res.status);
      }
      // bounded memory: a body past the budget is never held; the caller splits the request instead
      if (text === null) throw new FigmaError('FIGMA_TOO_LARGE', `response over the ${limit}-byte budget`, 413);
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new FigmaError('FIGMA_BAD_RESPONSE', 'Figma sent an incomplete or invalid JSON body', res.status);
      }
    }
    const text = await res.text().catch(() => '');
    const detail = (() => {
      try {
        const j = JSON.parse(text) as { err?: string; message?: string };
        return j.err ?? j.message ?? text.slice(0, 200);
      } catch {
        return text.slice(0, 200);
      }
    })();
    if (res.status === 429) {
      const after = retryAfterMs(res.headers.get('retry-after')) ?? 60_000;
      await stub.penalize(Date.now() + after);
      throw new FigmaError('FIGMA_RATE_LIMITED', `Figma rate limit: retry after ${Math.ceil(after / 1000)} s`, 429, {
        retryAfterMs: after,
        ...(res.headers.get('x-figma-plan-tier') ? { planTier: res.headers.get('x-figma-plan-tier')! } : {}),
        ...(res.headers.get('x-figma-rate-limit-type') ? { limitType: res.headers.get('x-figma-rate-limit-type')! } : {}),
      });
    }
    if (res.status === 400 && /too large/i.test(detail)) throw new FigmaError('FIGMA_TOO_LARGE', detail, 400);
    if (res.status === 403) throw new FigmaError('FIGMA_FORBIDDEN', `Figma refused the token for this file: ${detail || 'forbidden'}`, 403);
    if (res.status === 404) throw new FigmaError('FIGMA_NOT_FOUND', `Figma has no such file or node: ${detail || 'not found'}`, 404);
    throw new FigmaError('FIGMA_UPSTREAM', `Figma answered ${res.status}: ${detail}`, res.status);
  }

  const ids = (list: string[]) => list.map(encodeURIComponent).join(',');
  return {
    /** GET /v1/files/:key?depth= — the skeleton of a whole file. */
    file: (fileKey: string, depth: number) => get<GetFileResponse>(`/v1/files/${encodeURIComponent(fileKey)}?depth=${depth}`),
    /** GET /v1/files/:key/nodes?ids= — subtrees of the given nodes (optionally depth-limited). */
    nodes: (fileKey: string, nodeIds: string[], depth?: number) =>
      get<GetFileNodesResponse>(`/v1/files/${encodeURIComponent(fileKey)}/nodes?ids=${ids(nodeIds)}${depth ? `&depth=${depth}` : ''}`),
    /** GET /v1/files/:key/variables/local — null when the plan or token does not allow it. */
    variables: async (fileKey: string): Promise<unknown> => {
      try {
        return await get<unknown>(`/v1/files/${encodeURIComponent(fileKey)}/variables/local`);
      } catch (err) {
        if (err instanceof FigmaError && (err.code === 'FIGMA_FORBIDDEN' || err.code === 'FIGMA_NOT_FOUND')) return null;
        throw err;
      }
    },
  };
}

export type FigmaClient = ReturnType<typeof createFigmaClient>;
