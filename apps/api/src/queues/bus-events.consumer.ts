// Consumer of the `cogo-events` queue: bus events → bus_events, request metrics → request_metrics, LLM
// provider calls → llm_usage, one insert per table per batch. A malformed message is acked and logged (a retry could never fix
// it); a database failure retries the whole batch, which the queue redelivers with backoff.
import { schema } from '@cogo/db';
import { dbFromConfig } from '../lib/db';
import { QueueMessageSchema, type BusEventMessage, type LlmUsageMessage, type RequestMetricMessage } from '@cogo/types';
import { readConfig, type Bindings } from '../env';
import { createLogger, describeError } from '../lib/logger';

/** Handles one batch of the events queue. */
export async function consumeBusEvents(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { queue: batch.queue });
  const events: BusEventMessage[] = [];
  const metrics: RequestMetricMessage[] = [];
  const usage: LlmUsageMessage[] = [];
  const valid: Array<Message<unknown>> = [];
  for (const msg of batch.messages) {
    const parsed = QueueMessageSchema.safeParse(msg.body);
    if (!parsed.success) {
      log.warn('dropping malformed queue message', { messageId: msg.id, issues: parsed.error.issues.map((i) => i.path.join('.')) });
      msg.ack();
      continue;
    }
    valid.push(msg);
    if (parsed.data.kind === 'request_metric') metrics.push(parsed.data);
    else if (parsed.data.kind === 'llm_usage') usage.push(parsed.data);
    else events.push(parsed.data);
  }
  if (valid.length === 0) return;
  const handle = dbFromConfig(config, 1);
  try {
    if (events.length) {
      await handle.db.insert(schema.busEvents).values(
        events.map((e) => ({
          projectId: e.projectId ?? null,
          traceId: e.traceId ?? null,
          type: e.type,
          source: e.source,
          payload: e.payload,
          ...(e.at ? { createdAt: new Date(e.at) } : {}),
        })),
      );
    }
    if (metrics.length) {
      await handle.db.insert(schema.requestMetrics).values(
        metrics.map((m) => ({
          projectId: m.projectId ?? null,
          route: m.route,
          method: m.method,
          status: m.status,
          durationMs: m.durationMs,
          traceId: m.traceId ?? null,
          createdAt: new Date(m.at),
        })),
      );
    }
    if (usage.length) {
      await handle.db.insert(schema.llmUsage).values(usage.map(({ kind: _kind, at, ...row }) => ({ ...row, createdAt: new Date(at) })));
    }
    for (const msg of valid) msg.ack();
  } catch (err) {
    log.error('queue batch insert failed; batch will be retried', { error: describeError(err), count: valid.length });
    for (const msg of valid) msg.retry({ delaySeconds: Math.min(60, 2 ** msg.attempts) });
  } finally {
    await handle.close();
  }
}
