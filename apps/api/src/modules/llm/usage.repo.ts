// llm_usage rows: one per provider call, fallback attempts included. They travel with the call's other events to
// the `cogo-events` queue, whose consumer inserts them in batches (queues/bus-events.consumer.ts): a call never
// waits for, or opens, a database connection to be billed.
import type { LlmUsageMessage } from '@cogo/types';
import type { CallScope } from './call-scope';

export type UsageRow = Omit<LlmUsageMessage, 'kind' | 'at' | 'projectId' | 'traceId' | 'requestId'>;

/** Records one provider call of this scope's project and trace. */
export function recordUsage(scope: CallScope, row: UsageRow): void {
  scope.events.push({ kind: 'llm_usage', projectId: scope.projectId, traceId: scope.traceId, requestId: scope.requestId, ...row, at: new Date().toISOString() });
}
