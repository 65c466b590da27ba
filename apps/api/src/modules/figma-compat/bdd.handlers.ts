import { createRouter } from '../../lib/openapi';
import { callScope, closeAfter } from '../llm/call-scope';
import { bddGenerateRoute, bddRefineRoute } from './bdd.routes';
import { checkGivenFeature, generateAnswer, refineAnswer } from './bdd.service';
import { resolveDesign } from './design-source';

/** `POST /figma-compat/uui/bdd/generate`, `POST /figma-compat/uui/bdd/refine`. */
export const bddRouter = createRouter()
  .openapi(bddGenerateRoute, async (c) => {
    const body = c.req.valid('json');
    const scope = callScope(c, 'figma-compat', body.trace_id);
    try {
      const answer = generateAnswer(scope, await resolveDesign(c, body.source), body.max_scenarios);
      c.header('x-trace-id', scope.traceId);
      return c.json(answer, 200);
    } finally {
      closeAfter(c, scope);
    }
  })
  .openapi(bddRefineRoute, async (c) => {
    const body = c.req.valid('json');
    // the caller's own text is judged before the design is read or any model is asked
    checkGivenFeature(body.feature);
    const scope = callScope(c, 'figma-compat', body.trace_id);
    try {
      const answer = await refineAnswer(scope, await resolveDesign(c, body.source), body, c.req.raw.signal);
      c.header('x-trace-id', scope.traceId);
      return c.json(answer, 200);
    } finally {
      closeAfter(c, scope);
    }
  });
