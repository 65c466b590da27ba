// How each Figma fault answers. Rate limits carry the headers Figma documents for 429s (Retry-After in
// seconds, the plan tier, the limit type and an upgrade link); "too large" is Figma's 400 for oversize requests.
import type { OutgoingHttpHeaders } from 'node:http';
import { FaultQueue } from '../http/fault-queue';
import { FIGMA_ERRORS } from './figma-errors';
import type { FigmaFault } from './figma-types';

/** Default X-Figma-Upgrade-Link of a 429. */
export const FIGMA_UPGRADE_LINK = 'https://www.figma.com/files?api_paywall=true';

export interface FigmaFaultContext {
  /** Length of the request's `ids` list, 0 without one. */
  idsCount: number;
}

/** A fault queue whose "too-large" rules fire (and are consumed) only above their id threshold. */
export function createFigmaFaultQueue(): FaultQueue<FigmaFault, FigmaFaultContext> {
  return new FaultQueue<FigmaFault, FigmaFaultContext>((fault, context) =>
    fault.kind === 'too-large' && fault.maxIds !== undefined ? context.idsCount > fault.maxIds : true,
  );
}

export interface FaultAnswer {
  status: number;
  err: string;
  headers: OutgoingHttpHeaders;
}

/** The error response for a fault that replaces the normal answer, or undefined for latency/truncation. */
export function faultAnswer(fault: FigmaFault): FaultAnswer | undefined {
  switch (fault.kind) {
    case 'rate-limit':
      return {
        status: 429,
        err: FIGMA_ERRORS.rateLimited,
        headers: {
          'retry-after': String(fault.retryAfterSeconds),
          'x-figma-plan-tier': fault.planTier ?? 'starter',
          'x-figma-rate-limit-type': fault.limitType ?? 'low',
          'x-figma-upgrade-link': fault.upgradeLink ?? FIGMA_UPGRADE_LINK,
        },
      };
    case 'server-error': {
      const status = fault.status ?? 500;
      const err =
        status === 502 ? FIGMA_ERRORS.badGateway : status === 503 ? FIGMA_ERRORS.unavailable : FIGMA_ERRORS.internal;
      return { status, err, headers: {} };
    }
    case 'too-large':
      return { status: 400, err: FIGMA_ERRORS.tooLarge, headers: {} };
    case 'forbidden':
      return { status: 403, err: FIGMA_ERRORS.forbidden, headers: {} };
    case 'not-found':
      return { status: 404, err: FIGMA_ERRORS.notFound, headers: {} };
    case 'latency':
    case 'truncated':
      return undefined;
  }
}
