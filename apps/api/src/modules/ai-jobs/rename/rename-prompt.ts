// The rename-layers call: the prompt file's system message, the team's rules and casing, the project's vocabulary
// (RAG, when the project has indexed knowledge), and the batch's layers as a ```json block; structured output
// `layer_names` ({ names: [{ id, name }] }) validated by the gateway, then by checkBatchNames.
import type { AiSettings, ChatMessage, CompletionRequest, LayerInput } from '@cogo/types';
import { RENAME_LAYERS_PROMPT } from '../prompts/rename-layers';

export const LAYER_NAMES_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'layer_names',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        names: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'], additionalProperties: false },
        },
      },
      required: ['names'],
      additionalProperties: false,
    },
  },
} as const;

/** Output tokens a batch may use: about 16 per layer, with room. */
export const outputTokensFor = (layers: number) => 64 + layers * 24;

/** The completion request of one batch. */
export function renameRequest(layers: readonly LayerInput[], opts: { context?: string; settings: AiSettings; vocabulary: readonly string[]; model?: string; jobId: string; traceId: string }): CompletionRequest {
  const rules = [
    opts.settings.naming_convention !== 'as_is' ? `Casing: ${opts.settings.naming_convention}.` : '',
    opts.settings.naming_rules ? `Team rules: ${opts.settings.naming_rules}` : '',
    opts.vocabulary.length ? `Project vocabulary (components and tokens): ${opts.vocabulary.join(', ')}.` : '',
  ].filter(Boolean);
  const payload = layers.map((l) => ({ id: l.id, name: l.name, type: l.type, path: l.path, ...(l.text ? { text: l.text } : {}), ...(l.children_summary ? { children_summary: l.children_summary } : {}) }));
  const messages: ChatMessage[] = [
    { role: 'system', content: [RENAME_LAYERS_PROMPT.system, ...rules].join('\n') },
    { role: 'user', content: `${opts.context ? `The design: ${opts.context}\n` : ''}Name these ${layers.length} layers.\n\`\`\`json\n${JSON.stringify(payload)}\n\`\`\`` },
  ];
  return {
    messages,
    stream: false,
    response_format: LAYER_NAMES_FORMAT as unknown as CompletionRequest['response_format'],
    max_tokens: outputTokensFor(layers.length),
    temperature: 0.2,
    trace_id: opts.traceId,
    job_id: opts.jobId,
    ...(opts.model ? { model: opts.model } : {}),
  };
}
