import type { EmbedResult } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { createRouter } from '../../lib/openapi';
import { callScope, closeAfter } from '../llm/call-scope';
import { embedStream } from './embed-stream';
import { embedRoute } from './embed.routes';
import { prepareEmbed, runEmbed } from './embed.service';

const doneEvent = (r: EmbedResult) => ({ provider: r.provider, model: r.model, inputs: r.data.length, batches: r.batches, dimensions: r.dimensions, cost_usd: r.usage.cost_usd });

/** `POST /embed`. */
export const embedRouter = createRouter().openapi(embedRoute, async (c) => {
  const body = c.req.valid('json');
  const scope = callScope(c, 'embed', body.trace_id);
  let prepared;
  try {
    prepared = await prepareEmbed(scope, body);
  } catch (err) {
    closeAfter(c, scope);
    throw err;
  }
  if (body.stream) return embedStream(c, prepared, (r) => scope.events.emit('embed_done', doneEvent(r))) as never;
  try {
    const result = await runEmbed(prepared, { status: async () => true, signal: c.req.raw.signal });
    scope.events.emit('embed_done', doneEvent(result));
    return c.json(result, 200);
  } catch (err) {
    scope.events.emit('embed_failed', { code: err instanceof ApiError ? err.code : 'INTERNAL' });
    throw err;
  } finally {
    closeAfter(c, scope);
  }
});
