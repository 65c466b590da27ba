// The generate-edits call: a prompt file's system message (prompts/), the request and the selection as a ```json
// block; structured output `design_edits`, validated by the gateway, then by checkEdits: edits on nodes outside the
// selection are dropped and reported.
import { EDIT_PROPERTIES, GenerateEditsResultSchema, type CompletionRequest, type GenerateEditsRequest, type GenerateEditsResult } from '@cogo/types';
import type { PromptFile } from '../prompts';

export const DESIGN_EDITS_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'design_edits',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        variants: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              title: { type: 'string' },
              rationale: { type: 'string' },
              edits: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { node_id: { type: 'string' }, property: { type: 'string', enum: [...EDIT_PROPERTIES] }, value: { type: ['string', 'number', 'boolean'] } },
                  required: ['node_id', 'property', 'value'],
                  additionalProperties: false,
                },
              },
            },
            required: ['title', 'rationale', 'edits'],
            additionalProperties: false,
          },
        },
      },
      required: ['variants'],
      additionalProperties: false,
    },
  },
} as const;

/** Output tokens an edit call may use. */
export const editOutputTokens = (req: Pick<GenerateEditsRequest, 'variants' | 'selection'>) => 256 + req.variants * (120 + req.selection.length * 40);

/** The completion request of a generate-edits call. */
export function editsRequest(req: GenerateEditsRequest, prompt: PromptFile, opts: { stream: boolean; traceId: string; jobId?: string }): CompletionRequest {
  const payload = { variants: req.variants, selection: req.selection };
  return {
    messages: [
      { role: 'system', content: prompt.system },
      { role: 'user', content: `${req.prompt}\n\nPropose ${req.variants} variant(s) for this selection.\n\`\`\`json\n${JSON.stringify(payload)}\n\`\`\`` },
    ],
    stream: opts.stream,
    response_format: DESIGN_EDITS_FORMAT as unknown as CompletionRequest['response_format'],
    max_tokens: editOutputTokens(req),
    temperature: 0.7,
    trace_id: opts.traceId,
    ...(opts.jobId ? { job_id: opts.jobId } : {}),
    ...(req.model ? { model: req.model } : {}),
  };
}

/** The validated result: variants as the schema says, edits only on selected nodes (the others in `dropped`). */
export function checkEdits(output: unknown, req: GenerateEditsRequest, meta: { promptName: string; model: string; costUsd: number }): GenerateEditsResult {
  const ids = new Set(req.selection.map((n) => n.id));
  const raw = (output as { variants?: unknown } | null)?.variants;
  const variants = (Array.isArray(raw) ? raw : []).slice(0, req.variants);
  const dropped: GenerateEditsResult['dropped'] = [];
  const kept = variants.map((v) => {
    const variant = v as { title?: unknown; rationale?: unknown; edits?: unknown };
    const edits = (Array.isArray(variant.edits) ? variant.edits : []).filter((edit) => {
      const e = edit as { node_id?: unknown; property?: unknown };
      if (typeof e.node_id === 'string' && ids.has(e.node_id)) return true;
      dropped.push({ node_id: String(e.node_id), property: String(e.property) });
      return false;
    });
    return { title: String(variant.title ?? '').slice(0, 200), rationale: String(variant.rationale ?? '').slice(0, 2_000), edits };
  });
  return GenerateEditsResultSchema.parse({ variants: kept, dropped, prompt_name: meta.promptName, model: meta.model, cost_usd: meta.costUsd });
}
