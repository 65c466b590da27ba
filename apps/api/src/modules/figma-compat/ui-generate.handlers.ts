import type { UiGenerateResponse } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { createRouter } from '../../lib/openapi';
import { callScope, closeAfter, type CallScope } from '../llm/call-scope';
import { askForUi } from './ui-generate-llm';
import { uiGenerateLlmRoute, uiGenerateRoute } from './ui-generate.routes';
import { deliverUi, generatedEvent, keywordUi } from './ui-generate.service';
import { loadVocabulary } from './ui-vocabulary.repo';

/** Runs one generation on its trace: `ui_generate_started`, then `_succeeded` with what was made or `_failed` with the code. */
async function generating(scope: CallScope, generator: 'keyword' | 'llm', work: () => Promise<UiGenerateResponse>): Promise<UiGenerateResponse> {
  scope.events.emit('ui_generate_started', { generator });
  try {
    const answer = await work();
    scope.events.emit('ui_generate_succeeded', generatedEvent(generator, answer));
    return answer;
  } catch (err) {
    scope.events.emit('ui_generate_failed', { generator, code: err instanceof ApiError ? err.code : 'INTERNAL' });
    throw err;
  }
}

/** `POST /figma-compat/uui/generate`, `POST /figma-compat/uui/generate/llm`. */
export const uiGenerateRouter = createRouter()
  .openapi(uiGenerateRoute, async (c) => {
    const body = c.req.valid('json');
    const scope = callScope(c, 'figma-compat', body.trace_id);
    try {
      c.header('x-trace-id', scope.traceId);
      const answer = await generating(scope, 'keyword', async () => {
        const outcome = keywordUi(body, await loadVocabulary(scope.db(), scope.projectId));
        return { ...(await deliverUi(scope, outcome)), trace_id: scope.traceId };
      });
      return c.json(answer, 200);
    } finally {
      closeAfter(c, scope);
    }
  })
  .openapi(uiGenerateLlmRoute, async (c) => {
    const body = c.req.valid('json');
    const scope = callScope(c, 'figma-compat', body.trace_id);
    try {
      c.header('x-trace-id', scope.traceId);
      const answer = await generating(scope, 'llm', async () => {
        const vocab = await loadVocabulary(scope.db(), scope.projectId);
        const r = await askForUi(scope, { prompt: body.prompt, base: body.cogo_ui_json, context: body.context, model: body.model }, vocab, c.req.raw.signal);
        const delivered = await deliverUi(scope, r.outcome);
        return { ...delivered, llm: { usage: r.usage, provider: r.provider, model: r.model, repaired: r.repaired }, trace_id: scope.traceId };
      });
      return c.json(answer, 200);
    } finally {
      closeAfter(c, scope);
    }
  });
