// Figma REST client: X-Figma-Token, one pacer per token and endpoint tier, the shared outbound client
// (allowlist, timeouts, retries on 5xx), and Figma's faults mapped to errors the stream can act on. A wait
// (Retry-After, or the pacer's next slot) longer than QUOTA_WAIT_LIMIT_MS is FIGMA_QUOTA_EXHAUSTED: no job
// waits days, it ends at once naming when to retry, the limit type and Figma's upgrade link.
import type { GetFileMetaResponse, GetFileNodesResponse, GetFileResponse, GetImageFillsResponse, GetImagesResponse } from '@figma/rest-api-spec';
import { readTextBounded } from '../../lib/bounded-read';
import { parseJsonPaced } from '../../lib/json-paced';
import type { FigmaPacing, FigmaTier } from '../../durable-objects/figma-budget';
import type { FigmaPacer } from '../../durable-objects/figma-pacer';
import { figmaPacerName } from '../../durable-objects/names';
import { sha256Hex } from '../../lib/crypto';
import type { OutboundFetch } from '../../lib/http-client';
import { retryAfterMs } from '../../lib/http-client';

export type FigmaErrorCode = 'FIGMA_FORBIDDEN' | 'FIGMA_NOT_FOUND' | 'FIGMA_RATE_LIMITED' | 'FIGMA_QUOTA_EXHAUSTED' | 'FIGMA_TOO_LARGE' | 'FIGMA_BAD_RESPONSE' | 'FIGMA_UPSTREAM';

/** Longest wait for Figma's quota that a start or a job sits out; a longer one is FIGMA_QUOTA_EXHAUSTED. */
export const QUOTA_WAIT_LIMIT_MS = 10 * 60_000;

/** What a 429 or a refused slot tells the caller. */
export interface FigmaWaitInfo {
  retryAfterMs?: number;
  /** Epoch ms when the call may be retried. */
  retryAt?: number;
  tier?: FigmaTier;
  planTier?: string;
  limitType?: string;
  upgradeLink?: string;
}

/** A Figma answer the caller must act on. */
export class FigmaError extends Error {
  override name = 'FigmaError';
  constructor(
    readonly code: FigmaErrorCode,
    message: string,
    readonly status: number,
    readonly info: FigmaWaitInfo = {},
  ) {
    super(message);
  }
}

/** Figma's rate-limit tier of an endpoint (Tier 1: file, nodes, image renders; Tier 2: meta, variables, image fills, webhooks). */
export function figmaEndpointTier(path: string): FigmaTier {
  const p = path.split('?')[0]!;
  if (/^\/v1\/files\/[^/]+(\/nodes)?\/?$/.test(p) || /^\/v1\/images\/[^/]+\/?$/.test(p)) return 1;
  if (/^\/v1\/files\/[^/]+\/(meta|variables\/|images\/?$)/.test(p) || p.startsWith('/v2/webhooks')) return 2;
  return 3;
}

/** The retry time, limit type and upgrade link of a wait, for error `details` (snake_case, as the API answers). */
export function waitDetails(info: FigmaWaitInfo): Record<string, unknown> {
  return {
    ...(info.tier ? { tier: info.tier } : {}),
    ...(info.retryAfterMs !== undefined ? { retry_after_seconds: Math.ceil(info.retryAfterMs / 1000) } : {}),
    ...(info.retryAt !== undefined ? { retry_at: new Date(info.retryAt).toISOString() } : {}),
    plan_tier: info.planTier ?? null,
    limit_type: info.limitType ?? null,
    upgrade_link: info.upgradeLink ?? null,
  };
}

/** FIGMA_QUOTA_EXHAUSTED: the message alone says when to retry, which limit, and where to get more. */
export function quotaExhausted(info: FigmaWaitInfo): FigmaError {
  const d = waitDetails(info);
  const limit = info.limitType ? ` (limit type ${info.limitType}${info.planTier ? `, plan ${info.planTier}` : ''})` : '';
  const link = info.upgradeLink ? `; a higher Figma plan or seat raises it: ${info.upgradeLink}` : '';
  return new FigmaError('FIGMA_QUOTA_EXHAUSTED', `Figma's Tier ${info.tier ?? '?'} quota for this token is used up${limit}: retry after ${String(d.retry_at)} (${String(d.retry_after_seconds)} s)${link}`, 429, info);
}

export interface FigmaClientOptions {
  baseUrl: string;
  token: string;
  http: OutboundFetch;
  pacer: DurableObjectNamespace<FigmaPacer>;
  /** The deployment's plan, seat and optional per-minute override, for the pacer's budgets. */
  pacing: FigmaPacing;
  /** Longest Retry-After worth waiting for at all (default QUOTA_WAIT_LIMIT_MS). */
  quotaWaitLimitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  /** Longest the caller will wait for a pacing slot; a longer wait is reported as a rate limit, unsent. */
  maxWaitMs?: () => number;
  /** Largest response body read; past it the download is cancelled and the answer is "too large". */
  maxResponseBytes?: number;
  /** Keeps each answer's body text until bodyOf() takes it (the version cache stores it as it came, unserialised). */
  keepBodies?: boolean;
  /** Between two pieces of a large answer's parse (json-paced.ts); default: yieldToForeground's. */
  pause?: () => Promise<void>;
}

/** `{ [key]: value }` when value is set, else `{}` (exactOptionalPropertyTypes). */
function opt<K extends string>(key: K, value: string | null | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

/** Creates a client for one token. */
export function createFigmaClient(options: FigmaClientOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const base = options.baseUrl.replace(/\/$/, '');
  let pacerStub: DurableObjectStub<FigmaPacer> | undefined;
  const pacer = async () => (pacerStub ??= options.pacer.get(options.pacer.idFromName(figmaPacerName(await sha256Hex(options.token)))));

  const quotaLimit = options.quotaWaitLimitMs ?? QUOTA_WAIT_LIMIT_MS;
  // the size of each answer's body, so a caller can size its next request to the budget (planning in groups); by
  // answer, not "the last one": calls of one client may overlap
  const sizes = new WeakMap<object, number>();
  const bodies = new WeakMap<object, string>();

  async function get<T>(path: string): Promise<T> {
    const stub = await pacer();
    const tier = figmaEndpointTier(path);
    const maxWait = options.maxWaitMs?.() ?? Number.POSITIVE_INFINITY;
    const slot = await stub.acquire({ tier, ...options.pacing, maxWaitMs: Math.min(maxWait, quotaLimit) });
    if (!slot.ok) {
      // refused before sending: Figma's earlier 429 (penalty) or the budget says the wait is too long
      const info: FigmaWaitInfo = {
        tier,
        retryAfterMs: slot.waitMs,
        retryAt: slot.retryAt,
        ...opt('planTier', slot.penalty?.planTier ?? slot.budget.planTier),
        ...opt('limitType', slot.penalty?.limitType ?? slot.budget.limitType),
        ...opt('upgradeLink', slot.penalty?.upgradeLink),
      };
      if (slot.waitMs > quotaLimit) throw quotaExhausted(info);
      throw new FigmaError('FIGMA_RATE_LIMITED', `paced: next Figma Tier ${tier} slot for this token in ${Math.ceil(slot.waitMs / 1000)} s`, 429, info);
    }
    if (slot.waitMs > 0) await sleep(slot.waitMs);
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
        text = await readTextBounded(res.body, limit);
      } catch {
        throw new FigmaError('FIGMA_BAD_RESPONSE', 'Figma sent an incomplete body', res.status);
      }
      // bounded memory: a body past the budget is never held; the caller splits the request instead
      if (text === null) throw new FigmaError('FIGMA_TOO_LARGE', `response over the ${limit}-byte budget`, 413);
      try {
        // a piece at a time: an answer of megabytes does not hold the isolate's thread in one go
        const answer = (await parseJsonPaced(text, options.pause)) as T;
        if (answer !== null && typeof answer === 'object') {
          sizes.set(answer, text.length);
          if (options.keepBodies) bodies.set(answer, text);
        }
        return answer;
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
      const said = { planTier: res.headers.get('x-figma-plan-tier'), limitType: res.headers.get('x-figma-rate-limit-type'), upgradeLink: res.headers.get('x-figma-upgrade-link') };
      const info: FigmaWaitInfo = { tier, retryAfterMs: after, retryAt: Date.now() + after, ...opt('planTier', said.planTier), ...opt('limitType', said.limitType), ...opt('upgradeLink', said.upgradeLink) };
      await stub.penalize(tier, info.retryAt!, said);
      if (after > quotaLimit) throw quotaExhausted(info);
      throw new FigmaError('FIGMA_RATE_LIMITED', `Figma rate limit: retry after ${Math.ceil(after / 1000)} s`, 429, info);
    }
    if (res.status === 400 && /too large/i.test(detail)) throw new FigmaError('FIGMA_TOO_LARGE', detail, 400);
    if (res.status === 403) throw new FigmaError('FIGMA_FORBIDDEN', `Figma refused the token for this file: ${detail || 'forbidden'}`, 403);
    if (res.status === 404) throw new FigmaError('FIGMA_NOT_FOUND', `Figma has no such file or node: ${detail || 'not found'}`, 404);
    throw new FigmaError('FIGMA_UPSTREAM', `Figma answered ${res.status}: ${detail}`, res.status);
  }

  const ids = (list: string[]) => list.map(encodeURIComponent).join(',');
  return {
    /** GET /v1/files/:key?depth=[&ids=] — the skeleton of a whole file, or (with ids) the paths to those nodes. */
    file: (fileKey: string, depth: number, nodeIds?: string[]) =>
      get<GetFileResponse>(`/v1/files/${encodeURIComponent(fileKey)}?depth=${depth}${nodeIds?.length ? `&ids=${ids(nodeIds)}` : ''}`),
    /** GET /v1/files/:key/nodes?ids= — subtrees of the given nodes (optionally depth-limited). */
    nodes: (fileKey: string, nodeIds: string[], depth?: number) =>
      get<GetFileNodesResponse>(`/v1/files/${encodeURIComponent(fileKey)}/nodes?ids=${ids(nodeIds)}${depth ? `&depth=${depth}` : ''}`),
    /** GET /v1/images/:key?ids=&format=&scale= (Tier 1): URLs of renders on Figma's image host, null for a node it cannot render. */
    images: (fileKey: string, nodeIds: string[], format: string, scale: number) =>
      get<GetImagesResponse>(`/v1/images/${encodeURIComponent(fileKey)}?ids=${ids(nodeIds)}&format=${encodeURIComponent(format)}&scale=${scale}`),
    /** GET /v1/files/:key/images (Tier 2): every image fill of the file, imageRef → URL on Figma's image host. */
    imageFills: (fileKey: string) => get<GetImageFillsResponse>(`/v1/files/${encodeURIComponent(fileKey)}/images`),
    /** GET /v1/files/:key/meta (Tier 2): name, `version` and more, without the document — what the version cache keys on. */
    meta: (fileKey: string) => get<GetFileMetaResponse>(`/v1/files/${encodeURIComponent(fileKey)}/meta`),
    /** GET /v1/files/:key/variables/local (Tier 2; 403 on plans below Enterprise — see start-variables.ts). */
    variables: (fileKey: string) => get<unknown>(`/v1/files/${encodeURIComponent(fileKey)}/variables/local`),
    /** The body text `answer` was parsed from, once (keepBodies): taken, so it is not held longer than its caller needs. */
    bodyOf: (answer: unknown): string | undefined => {
      if (answer === null || typeof answer !== 'object') return undefined;
      const body = bodies.get(answer);
      bodies.delete(answer);
      return body;
    },
    /** Characters of the body `answer` was read from (≈ bytes: Figma's JSON is mostly ASCII); 0 for a value it did not answer. */
    charsOf: (answer: unknown): number => (answer !== null && typeof answer === 'object' ? (sizes.get(answer) ?? 0) : 0),
  };
}

export type FigmaClient = ReturnType<typeof createFigmaClient>;
