// What a provider call produced so far (streamed or not), and the reading of a provider's one JSON answer.
import type { ToolCall } from '@cogo/types';

export interface UpstreamState {
  text: string;
  toolCalls: ToolCall[];
  finishReason: string | null;
  usage: { prompt_tokens: number; completion_tokens: number } | null;
  /** `[DONE]` was read (streams); a JSON answer that parsed counts as done. */
  sawDone: boolean;
  firstTokenMs: number | null;
  lastDataAt: number;
  clientGone: boolean;
  budgetStopped: boolean;
}

interface JsonCompletion {
  choices?: Array<{ message?: { content?: string | null; tool_calls?: Array<{ id?: string; function?: { name?: string; arguments?: string } }> }; finish_reason?: string | null }>;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}

/** Copies a non-streamed chat completion into `state`; an answer without a choice reads as no finish_reason. */
export function readUpstreamJson(answer: unknown, state: UpstreamState): void {
  const completion = answer as JsonCompletion;
  const choice = completion.choices?.[0];
  state.text = choice?.message?.content ?? '';
  state.toolCalls = (choice?.message?.tool_calls ?? []).map((t) => ({ id: t.id ?? '', type: 'function' as const, function: { name: t.function?.name ?? '', arguments: t.function?.arguments ?? '' } }));
  state.finishReason = choice?.finish_reason ?? null;
  state.usage = completion.usage ?? null;
}
