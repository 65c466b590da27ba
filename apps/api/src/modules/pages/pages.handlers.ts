import { createRoute, z } from '@hono/zod-openapi';
import { CogoUiJsonSchema, PageQuerySchema, PageSchema, pageOf, UuidSchema, UuiJsonSchema } from '@cogo/types';
import { ApiError } from '../../lib/errors';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../lib/keyset-cursor';
import { BEARER, createRouter, errorResponses } from '../../lib/openapi';
import { guard, principalOf } from '../../middleware';
import { pageUiJson } from './page-ui';
import { findPage, listPages, type PageRow } from './pages.repo';

/** Public view of a page. */
export function pageView(p: PageRow) {
  return {
    id: p.id,
    file_key: p.fileKey,
    node_id: p.nodeId,
    name: p.name,
    content_hash: p.contentHash,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

export const listPagesRoute = createRoute({
  method: 'get',
  path: '/pages',
  tags: ['pages'],
  summary: "Your project's pages, oldest first",
  security: BEARER,
  middleware: guard(),
  request: { query: PageQuerySchema },
  responses: { 200: { description: 'A page of pages', content: { 'application/json': { schema: pageOf(PageSchema) } } }, ...errorResponses(400, 401, 429) },
});

export const getPageRoute = createRoute({
  method: 'get',
  path: '/pages/{id}',
  tags: ['pages'],
  summary: 'A page of your project',
  security: BEARER,
  middleware: guard(),
  request: { params: z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: { description: 'The page', content: { 'application/json': { schema: PageSchema } } }, ...errorResponses(400, 401, 404, 429) },
});

export const getPageUiJsonRoute = createRoute({
  method: 'get',
  path: '/pages/{id}/ui-json',
  tags: ['pages'],
  summary: 'A page of your project as UI JSON (cogo_ui_json and uui_json)',
  description:
    'A generated page (applied with POST /figma-context/apply `{ page: <cogo_ui_json> }`) converts back to the document that was applied; a Figma page to one section per top-level frame, its components as blocks and component nodes referencing the stored components. A page with more than 2,000 components is a 422 (`UI_JSON_TOO_LARGE`).',
  security: BEARER,
  middleware: guard(),
  request: { params: z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { description: 'The page as UI JSON', content: { 'application/json': { schema: z.object({ page_id: UuidSchema, cogo_ui_json: CogoUiJsonSchema, uui_json: UuiJsonSchema }) } } },
    ...errorResponses(400, 401, 404, 422, 429),
  },
});

/** Page reads. */
export const pagesRouter = createRouter()
  .openapi(listPagesRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const rows = await listPages(c.get('db')(), principalOf(c).projectId, limit + 1, cursor ? decodeKeysetCursor(cursor) : undefined);
    const items = rows.slice(0, limit);
    return c.json({ items: items.map(pageView), nextCursor: rows.length > limit ? encodeKeysetCursor(items[items.length - 1]!) : null }, 200);
  })
  .openapi(getPageRoute, async (c) => {
    const page = await findPage(c.get('db')(), principalOf(c).projectId, c.req.valid('param').id);
    if (!page) throw new ApiError('NOT_FOUND', 'page not found');
    return c.json(pageView(page), 200);
  })
  .openapi(getPageUiJsonRoute, async (c) => {
    const db = c.get('db')();
    const page = await findPage(db, principalOf(c).projectId, c.req.valid('param').id);
    if (!page) throw new ApiError('NOT_FOUND', 'page not found');
    return c.json({ page_id: page.id, ...(await pageUiJson(db, page)) }, 200);
  });
