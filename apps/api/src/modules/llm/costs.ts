// Token counts and costs. Providers' own usage is the bill; when a provider sends none, tokens are counted from
// the text (about 4 characters per token, +4 per message and +3 per request, as OpenAI's cookbook counts chat
// overhead) and the row is marked estimated.
import type { ChatMessage } from '@cogo/types';

/** Estimated tokens of a text. */
export function estimateTokens(text: string): number {
  return text === '' ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

/** Estimated prompt tokens of a chat request. */
export function estimatePromptTokens(messages: readonly Pick<ChatMessage, 'content'>[]): number {
  return messages.reduce((sum, m) => sum + 4 + estimateTokens(m.content ?? ''), 3);
}

/** USD for the tokens at per-1M-token prices. */
export function costUsd(inputTokens: number, outputTokens: number, prices: { inputPricePerMtok: number; outputPricePerMtok: number }): number {
  return (inputTokens * prices.inputPricePerMtok + outputTokens * prices.outputPricePerMtok) / 1_000_000;
}

/** Output tokens a call is assumed to use when it sets no max_tokens (for the projected cost only). */
export const DEFAULT_PROJECTED_OUTPUT_TOKENS = 512;
