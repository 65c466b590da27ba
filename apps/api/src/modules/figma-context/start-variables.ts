// A job's local variables, read once at start (GET /v1/files/:key/variables/local, a Tier-2 call). A job goes
// on without them — bound variables then keep only their ids — but never silently: the status lands in the
// job and the stream's `ready` event says `variables: { status: 'unavailable', reason, message }`.
// 403 is what every plan below Enterprise gets (the Variables REST API is Enterprise-only): reported as
// such, not as an error. A 429 is retried like any Figma call, as long as start's wait budget allows.
import { OutboundError } from '../../lib/http-client';
import { FigmaError, waitDetails, type FigmaClient } from './figma.client';

export type VariablesUnavailableReason = 'not_enterprise' | 'not_found' | 'rate_limited' | 'quota_exhausted' | 'upstream';

/** What a job knows about its file's local variables. */
export type VariablesStatus =
  | { status: 'ok'; count: number }
  | { status: 'unavailable'; reason: VariablesUnavailableReason; message: string; retry_at?: string; limit_type?: string | null; upgrade_link?: string | null };

const countOf = (response: unknown): number => {
  const meta = (response as { meta?: { variables?: object } } | null)?.meta;
  return meta?.variables ? Object.keys(meta.variables).length : 0;
};

/** Reads the variables, retrying 429s while `budgetMs` allows; never throws for a Figma answer. */
export async function loadVariables(figma: FigmaClient, fileKey: string, budgetMs: number): Promise<{ variables: unknown; status: VariablesStatus }> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const variables = await figma.variables(fileKey);
      return { variables, status: { status: 'ok', count: countOf(variables) } };
    } catch (err) {
      if (!(err instanceof FigmaError || err instanceof OutboundError)) throw err;
      // the pacer holds the next attempt back until Figma's Retry-After: retrying is waiting it out
      const wait = err instanceof FigmaError && err.code === 'FIGMA_RATE_LIMITED' ? (err.info.retryAfterMs ?? Infinity) : Infinity;
      if (attempt < 4 && Date.now() + wait <= deadline) continue;
      return { variables: null, status: unavailable(err) };
    }
  }
}

function unavailable(err: FigmaError | OutboundError): VariablesStatus {
  if (!(err instanceof FigmaError)) return { status: 'unavailable', reason: 'upstream', message: 'Figma could not be reached for the local variables' };
  switch (err.code) {
    case 'FIGMA_FORBIDDEN':
      return {
        status: 'unavailable',
        reason: 'not_enterprise',
        message: "Figma's Variables REST API is Enterprise-only (403 for this token and file): bound variables keep their ids; the plugin reads variables on every plan",
      };
    case 'FIGMA_NOT_FOUND':
      return { status: 'unavailable', reason: 'not_found', message: 'Figma has no local variables for this file' };
    case 'FIGMA_RATE_LIMITED':
    case 'FIGMA_QUOTA_EXHAUSTED': {
      const d = waitDetails(err.info);
      const reason = err.code === 'FIGMA_QUOTA_EXHAUSTED' ? 'quota_exhausted' : 'rate_limited';
      return { status: 'unavailable', reason, message: `variables not read: ${err.message}; retry after ${String(d.retry_at)}`, retry_at: String(d.retry_at), limit_type: err.info.limitType ?? null, upgrade_link: err.info.upgradeLink ?? null };
    }
    default:
      return { status: 'unavailable', reason: 'upstream', message: `variables not read: ${err.message}` };
  }
}
