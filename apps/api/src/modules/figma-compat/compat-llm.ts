// The figma-compat routes' one way into the LLM gateway (bdd/refine, actionflow/refine, uui/generate/llm, the design
// chat): one completion per ask — streamed to a delta callback when one is given — on the route's usage name, with
// the caller's model (else the project's policy); it remembers who answered last and adds up what every ask cost, so an answer can report the usage of its repair too. Gateway
// errors (402 budget, 503 no provider, 502 upstream, 422 unknown model or LLM_BAD_OUTPUT) are thrown unchanged.
import type { ChatMessage, CompletionResult, LlmUsage, ResponseFormat } from '@cogo/types';
import type { CallScope } from '../llm/call-scope';
import { prepareCompletion, runCompletion } from '../llm/completion.service';

/** How a route asks: its usage-row name, the caller's model, and the request fields every ask shares. */
export interface CompatAskOptions {
  /** The `route` of the llm_usage rows, so a project's spend shows what it paid for. */
  route: string;
  model?: string;
  temperature?: number;
  /** A json_schema format makes the gateway validate the answer and repair it once itself. */
  responseFormat?: ResponseFormat;
}

/** What the asks so far cost, and the last answer (whose model and provider a route reports). */
export interface CompatSpent {
  usage: LlmUsage;
  last: CompletionResult | null;
  /** Gateway calls made (a gateway-side structured-output repair is inside one call). */
  calls: number;
  /** The calls' own latency (the gateway's `latency_ms`: providers answering), summed. */
  latencyMs: number;
}

/** An `ask` bound to one route and model, and the running total of what its calls spent. */
export function gatewayAsk(
  scope: CallScope,
  options: CompatAskOptions,
  signal: AbortSignal,
): { ask: (messages: ChatMessage[], delta?: (text: string) => Promise<boolean>) => Promise<CompletionResult>; spent: CompatSpent } {
  const spent: CompatSpent = { usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0, estimated: false }, last: null, calls: 0, latencyMs: 0 };
  // with `delta` the answer streams to it as it arrives (the design chat's llm.delta)
  const ask = async (messages: ChatMessage[], delta?: (text: string) => Promise<boolean>): Promise<CompletionResult> => {
    const request = {
      model: options.model,
      messages,
      stream: delta !== undefined,
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      ...(options.responseFormat ? { response_format: options.responseFormat } : {}),
    };
    const prepared = await prepareCompletion(scope, request, options.route);
    spent.calls += 1;
    const result = await runCompletion(prepared, { delta: delta ?? (async () => true), signal });
    spent.last = result;
    spent.latencyMs += result.latency_ms;
    spent.usage = {
      input_tokens: spent.usage.input_tokens + result.usage.input_tokens,
      output_tokens: spent.usage.output_tokens + result.usage.output_tokens,
      cost_usd: spent.usage.cost_usd + result.usage.cost_usd,
      estimated: spent.usage.estimated || result.usage.estimated,
    };
    return result;
  };
  return { ask, spent };
}
