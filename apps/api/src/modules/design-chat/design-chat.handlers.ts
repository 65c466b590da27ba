import type { DesignVocabulary } from '@cogo/figma-compat';
import type { ChatDesignRequest } from '@cogo/types';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { createRouter } from '../../lib/openapi';
import { sseResponse } from '../../lib/sse';
import { loadVocabulary } from '../figma-compat/ui-vocabulary.repo';
import { callScope, closeAfter } from '../llm/call-scope';
import { frameSender, streamErrorBody } from '../llm/completion-stream';
import { intentsOf } from './design-chat.intents';
import { chatDesignRoute } from './design-chat.routes';
import { runDesignTurn, workingPage } from './design-chat.service';

/** A turn that asks for no page (scenarios only) never reads the project's components and tokens. */
const EMPTY_VOCABULARY: DesignVocabulary = { components: [], tokens: [] };

/** The message of a design turn: `prompt`, else the last user message of `messages`; 400 when there is none. */
function promptOf(body: ChatDesignRequest): string {
  const text = body.prompt ?? body.messages?.findLast((m) => m.role === 'user')?.content?.trim();
  if (text) return text.slice(0, 4_000);
  throw new ApiError('VALIDATION_FAILED', 'invalid request: body.prompt', { issues: [{ path: 'body.prompt', message: 'needs `prompt` or a user message in `messages`', code: 'invalid_value' }] });
}

/** One design turn as SSE: `meta`, the steps' events, then exactly one `done` or `error`. */
export async function designTurn(c: Context, body: ChatDesignRequest): Promise<Response> {
  const prompt = promptOf(body);
  const scope = callScope(c, 'chat', body.trace_id);
  let ready;
  try {
    // what runs is decided before anything streams: a page to refine or describe is looked up only when asked for
    const wanted = intentsOf(prompt, true);
    const page = wanted.includes('refine') || wanted.includes('bdd') ? await workingPage(scope, body.cogo_ui_json) : null;
    ready = { intents: intentsOf(prompt, page !== null), page };
  } catch (err) {
    closeAfter(c, scope);
    throw err;
  }
  const { intents, page } = ready;
  const { response, done } = sseResponse(
    async (sink) => {
      const send = frameSender(sink);
      // the vocabulary is needed only once the model is asked: retrieval starts its load while the embedding is asked
      let loading: Promise<DesignVocabulary> | undefined;
      const vocab = () => {
        if (loading) return loading;
        loading = intents.includes('generate') || intents.includes('refine') ? loadVocabulary(scope.db(), scope.projectId) : Promise.resolve(EMPTY_VOCABULARY);
        loading.catch(() => {}); // awaited by the plan step; a failure must not go unhandled while retrieval runs
        return loading;
      };
      void send('meta', { trace_id: scope.traceId, intents }); // queued: retrieval starts at once (see Send)
      if (intents.includes('generate') || intents.includes('refine')) scope.events.emit('gen_plan_scheduled', { intents });
      try {
        const r = await runDesignTurn(
          { scope, prompt, intents, page, vocab, model: body.model, generator: body.generator, rag: { limit: body.rag?.limit ?? 6, ...(body.rag?.filter ? { filter: body.rag.filter } : {}) }, signal: sink.signal },
          send,
        );
        await send('done', { trace_id: scope.traceId, intents, usage: r.usage, timings: r.timings });
      } catch (err) {
        await send('error', streamErrorBody(err, scope.requestId, scope.log));
      }
    },
    { requestSignal: c.req.raw.signal, headers: { 'x-trace-id': scope.traceId } },
  );
  closeAfter(c, scope, done);
  return response;
}

/** `POST /chat/design`. */
export const designChatRouter = createRouter().openapi(chatDesignRoute, async (c) => (await designTurn(c, c.req.valid('json'))) as never);
