import { createRouter } from '../../lib/openapi';
import { callScope, closeAfter } from '../llm/call-scope';
import { listActionFlowsRoute, refineActionFlowRoute } from './actionflow.routes';
import { listStoredActionFlows, refineActionFlow } from './actionflow.service';
import { resolveDesign } from './design-source';

/** `POST /figma-compat/uui/actionflow/refine`, `GET /figma-compat/uui/actionflows`. */
export const actionFlowRouter = createRouter()
  .openapi(refineActionFlowRoute, async (c) => {
    const body = c.req.valid('json');
    const scope = callScope(c, 'figma-compat', body.trace_id);
    try {
      const design = await resolveDesign(c, body.source);
      const answer = await refineActionFlow(scope, design, body, c.req.raw.signal);
      c.header('x-trace-id', scope.traceId);
      return c.json(answer, 200);
    } finally {
      closeAfter(c, scope);
    }
  })
  .openapi(listActionFlowsRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listStoredActionFlows(c.get('db')(), q.file_key, q.page_id), 200);
  });
