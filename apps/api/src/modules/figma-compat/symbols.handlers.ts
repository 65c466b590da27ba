import { createRouter } from '../../lib/openapi';
import { callScope, closeAfter } from '../llm/call-scope';
import { resolveDesign } from './design-source';
import { mapSymbolsRoute } from './symbols.routes';
import { designInput, mapInput, storedInput } from './symbols.service';

/** `POST /figma-compat/uui/symbols/map`. */
export const symbolsRouter = createRouter().openapi(mapSymbolsRoute, async (c) => {
  const body = c.req.valid('json');
  const scope = callScope(c, 'figma-compat', body.trace_id);
  try {
    const input = body.components_from === 'stored' ? await storedInput(scope, body.source) : designInput(await resolveDesign(c, body.source));
    const answer = mapInput(scope, input, body);
    c.header('x-trace-id', scope.traceId);
    return c.json(answer, 200);
  } finally {
    closeAfter(c, scope);
  }
});
