// The API's error envelope as a person reads it: what happened, its code, and the request id to quote.
'use client';
import { CogoApiError, isErrorEnvelope } from '@cogo/api-client';

/** What went wrong, from an envelope, a CogoApiError or anything thrown. */
export function describeFailure(err: unknown): { code: string; message: string; requestId: string | null } {
  if (err instanceof CogoApiError && err.body) return { code: err.body.error.code, message: err.body.error.message, requestId: err.body.error.requestId ?? null };
  if (isErrorEnvelope(err)) return { code: err.error.code, message: err.error.message, requestId: err.error.requestId ?? null };
  return { code: 'NETWORK', message: err instanceof Error ? err.message : String(err), requestId: null };
}

export function ErrorBox({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  const f = describeFailure(error);
  return (
    <div role="alert" className="error">
      <strong>{f.code}</strong> {f.message}
      {f.requestId ? <div className="muted">request id {f.requestId}</div> : null}
    </div>
  );
}
