// Cost and time before running (issue 16, `dry_run: true`): the model routing would pick (the project's catalogue and
// policy), its prices × the tokens the calls will carry, and the expected duration: waves of concurrent calls × the
// model's recent median latency in this project (3 s when it has none), plus a second of queueing.
import { schema, type Db } from '@cogo/db';
import type { AiJobEstimate, AiJobKind, ChatMessage } from '@cogo/types';
import { and, desc, eq } from 'drizzle-orm';
import type { AppConfig } from '../../env';
import { loadCatalogue } from '../llm/catalogue';
import { costUsd, estimatePromptTokens } from '../llm/costs';
import { rankCandidates } from '../llm/router-select';

const DEFAULT_CALL_MS = 3_000;
const DEFAULT_IMAGE_MS = 10_000;
const QUEUE_SECONDS = 1;

/** One planned model call: its messages and its output allowance. */
export interface PlannedCall {
  messages: ChatMessage[];
  maxOutputTokens: number;
}

async function medianLatencyMs(db: Db, projectId: string, model: string): Promise<number | null> {
  const rows = await db
    .select({ ms: schema.llmUsage.latencyMs })
    .from(schema.llmUsage)
    .where(and(eq(schema.llmUsage.projectId, projectId), eq(schema.llmUsage.model, model), eq(schema.llmUsage.outcome, 'ok')))
    .orderBy(desc(schema.llmUsage.id))
    .limit(50);
  if (!rows.length) return null;
  const sorted = rows.map((r) => r.ms).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The estimate of chat calls run `concurrency` at a time. */
export async function estimateCalls(db: Db, config: AppConfig, projectId: string, kind: AiJobKind, items: number, calls: PlannedCall[], concurrency: number, requested?: string): Promise<AiJobEstimate> {
  const catalogue = await loadCatalogue(db, projectId, config);
  const inputTokens = calls.reduce((sum, c) => sum + estimatePromptTokens(c.messages), 0);
  const outputTokens = calls.reduce((sum, c) => sum + c.maxOutputTokens, 0);
  const first = rankCandidates(catalogue, { kind: 'chat', requested, defaultModel: config.CHAT_MODEL_DEFAULT, estimatedInputTokens: inputTokens / Math.max(1, calls.length), maxOutputTokens: undefined }).find((c) => c.status === 'available');
  const model = first?.model.name ?? requested ?? config.CHAT_MODEL_DEFAULT;
  const latency = (await medianLatencyMs(db, projectId, model)) ?? DEFAULT_CALL_MS;
  const waves = Math.ceil(calls.length / Math.max(1, concurrency));
  return {
    kind,
    items,
    model_calls: calls.length,
    model,
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cost_usd: first ? costUsd(inputTokens, outputTokens, first.model) : 0,
    concurrency,
    expected_seconds: Math.round((waves * latency) / 100) / 10 + QUEUE_SECONDS,
  };
}

/** The estimate of `n` images, made one after another. */
export function estimateImages(config: AppConfig, n: number, model: string): AiJobEstimate {
  return { kind: 'generate-images', items: n, model_calls: n, model, input_tokens: 0, output_tokens: 0, cost_usd: n * config.IMAGE_PRICE_USD, concurrency: 1, expected_seconds: (n * DEFAULT_IMAGE_MS) / 1000 + QUEUE_SECONDS };
}
