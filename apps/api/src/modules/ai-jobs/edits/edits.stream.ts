// POST /api/generate-edits with mode "stream": `ready`, `edits.delta` (the model's text as it comes — a preview),
// then exactly one `edits.done` (the validated result) or `error`. 402 / 503 / 422 are answered before any event.
import type { GenerateEditsRequest } from '@cogo/types';
import type { Context } from 'hono';
import { ApiError } from '../../../lib/errors';
import { sseResponse } from '../../../lib/sse';
import { closeAfter, type CallScope } from '../../llm/call-scope';
import { frameSender, streamErrorBody } from '../../llm/completion-stream';
import { prepareCompletion, runCompletion } from '../../llm/completion.service';
import type { PromptFile } from '../prompts';
import { checkEdits, editsRequest } from './edits-prompt';

/** Prepares the call (errors answered as JSON), then streams it. */
export async function editsStream(c: Context, scope: CallScope, req: GenerateEditsRequest, prompt: PromptFile): Promise<Response> {
  let prepared;
  try {
    prepared = await prepareCompletion(scope, editsRequest(req, prompt, { stream: true, traceId: scope.traceId }), 'ai-jobs:generate-edits');
  } catch (err) {
    closeAfter(c, scope);
    throw err;
  }
  prepared.streamStructured = true;
  const { response, done } = sseResponse(
    async (sink) => {
      const send = frameSender(sink);
      await send('ready', { trace_id: scope.traceId, prompt_name: prompt.name });
      try {
        const answer = await runCompletion(prepared, { delta: (text) => send('edits.delta', { text }), signal: sink.signal });
        let result;
        try {
          result = checkEdits(answer.output, req, { promptName: prompt.name, model: answer.model, costUsd: answer.usage.cost_usd });
        } catch {
          throw new ApiError('LLM_BAD_OUTPUT', 'the edits do not match the expected shape');
        }
        await send('edits.done', result);
      } catch (err) {
        await send('error', streamErrorBody(err, scope.requestId, scope.log));
      }
    },
    { requestSignal: c.req.raw.signal, headers: { 'x-trace-id': scope.traceId } },
  );
  closeAfter(c, scope, done);
  return response;
}
