import type { Context } from 'hono';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import type { ActionScope } from './action';
import { exportCodeConnect } from './code-connect.service';
import { coverage } from './coverage.service';
import { createMapping, mappingsPage, updateMapping } from './mappings.service';
import {
  createMappingRoute,
  exportCodeConnectRoute,
  ingestRegistryRoute,
  ingestStorybookRoute,
  listMappingsRoute,
  listRegistryRoute,
  suggestMappingsRoute,
  updateMappingRoute,
} from './registry.routes';
import { ingestRegistry, registryPage } from './registry.service';
import { ingestFromStorybook } from './registry-storybook.service';
import { suggestMappingsFor } from './suggest.service';
import { coverageRoute } from './sync.routes';

/** The request's action scope; a body's `trace_id` overrides the request's trace and is echoed in `x-trace-id`. */
function scopeOf(c: Context, traceId: string | undefined): ActionScope {
  const { projectId, actor } = principalOf(c);
  const trace = traceId ?? c.get('traceId');
  c.header('x-trace-id', trace);
  return { db: c.get('db'), projectId, actor, traceId: trace, log: c.get('log') };
}

/** Registry, mappings, Code Connect export and coverage routes of design-sync (coverage is declared in sync.routes). */
export const designSyncRegistryRouter = createRouter()
  .openapi(ingestRegistryRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await ingestRegistry(scopeOf(c, body.trace_id), body), 200);
  })
  .openapi(ingestStorybookRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await ingestFromStorybook(scopeOf(c, body.trace_id), c.get('config'), body), 200);
  })
  .openapi(listRegistryRoute, async (c) => c.json(await registryPage(c.get('db')(), principalOf(c).projectId, c.req.valid('query')), 200))
  .openapi(listMappingsRoute, async (c) => c.json(await mappingsPage(c.get('db')(), principalOf(c).projectId, c.req.valid('query')), 200))
  .openapi(createMappingRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await createMapping(scopeOf(c, body.trace_id), body), 201);
  })
  .openapi(suggestMappingsRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await suggestMappingsFor(scopeOf(c, body.trace_id), body), 200);
  })
  .openapi(exportCodeConnectRoute, async (c) => {
    const files = await exportCodeConnect(c.get('db')(), principalOf(c).projectId, c.req.valid('query').status);
    return c.json({ files, trace_id: c.get('traceId') }, 200);
  })
  .openapi(updateMappingRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await updateMapping(scopeOf(c, body.trace_id), c.req.valid('param').id, body), 200);
  })
  .openapi(coverageRoute, async (c) => c.json(await coverage(c.get('db')(), principalOf(c).projectId, c.get('traceId'), c.req.valid('query').file_key), 200));
