// Words for design-sync's states: a sync operation's outcome, why an undo was refused (the 409 envelope's
// `details.reason`), a browser session's tally. Pure.
import { CogoApiError, isErrorEnvelope } from '@cogo/api-client';
import type { BrowserSession, StoryResult, SyncOperation } from './sync-types';

export type Outcome = 'applied' | 'partial' | 'noop' | 'replayed' | 'failed' | 'undone';

/** What an operation did: `replayed` (the stored result of the same sync) wins over its status. */
export function outcomeOf(op: Pick<SyncOperation, 'status' | 'replayed'>): Outcome {
  if (op.replayed) return 'replayed';
  return op.status === 'succeeded' ? 'applied' : op.status;
}

const OUTCOME_TEXT: Record<Outcome, string> = {
  applied: 'Applied: every component synced.',
  partial: 'Partly applied: some components failed (below); the others synced.',
  noop: 'Nothing to do: no drift, nothing changed.',
  replayed: 'Already done: the same sync ran before on the same drift; this is its stored result.',
  failed: 'Failed: no component synced.',
  undone: 'Undone.',
};

/** A sentence for an operation's outcome. */
export const outcomeText = (op: Pick<SyncOperation, 'status' | 'replayed'>) => OUTCOME_TEXT[outcomeOf(op)];

const REASONS: Record<string, string> = {
  expired: 'It is past its 24-hour undo window.',
  already_undone: 'It has already been undone.',
  later_operation: 'A later sync changed the same components: undo that one first.',
  changed_since: 'A component changed after the sync (a new ingest, apply or mapping change); undoing would lose that.',
  not_undoable: 'There is nothing to undo: it changed nothing, or it fell off the 50-deep undo stack.',
};

export interface Refusal {
  reason: string;
  explanation: string;
}

/** An undo refusal (409 with `details.reason`) explained; null for any other failure. */
export function undoRefusal(err: unknown): Refusal | null {
  const body = err instanceof CogoApiError ? err.body : err;
  if (!isErrorEnvelope(body) || body.error.code !== 'CONFLICT') return null;
  const reason = (body.error.details as { reason?: unknown } | undefined)?.reason;
  if (typeof reason !== 'string') return null;
  return { reason, explanation: REASONS[reason] ?? body.error.message };
}

/** "4 passed, 1 failed, 1 timed out of 6" (or "queued…" before any result). */
export function sessionTally(s: { status: BrowserSession['status']; stories: { total: number }; results: ReadonlyArray<Pick<StoryResult, 'status'>> }): string {
  if (s.status === 'queued') return `queued: ${s.stories.total} stories`;
  const timeouts = s.results.filter((r) => r.status === 'timeout').length;
  const failed = s.results.filter((r) => r.status === 'failed').length;
  const passed = s.results.filter((r) => r.status === 'passed').length;
  const parts = [`${passed} passed`, `${failed} failed`, ...(timeouts ? [`${timeouts} timed out`] : [])];
  return `${parts.join(', ')} of ${s.stories.total}${s.status === 'running' ? ' so far' : ''}`;
}

/** Whether a session will change no more (stop polling). */
export const sessionFinished = (s: Pick<BrowserSession, 'status'>) => s.status === 'done' || s.status === 'failed';
