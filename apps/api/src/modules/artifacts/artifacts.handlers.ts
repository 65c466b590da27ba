import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import { getArtifactRoute, listArtifactsRoute } from './artifacts.routes';
import { artifactsPage, etagOf, openArtifact } from './artifacts.service';

/** A private cache may keep an artifact (its id never names other bytes) for a day at most, never past its expiry. */
const MAX_AGE_CAP_S = 86_400;

/** Artifact routes: download one (streamed, ETag, 304) and list them. */
export const artifactsRouter = createRouter()
  .openapi(getArtifactRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { row, body } = await openArtifact(c.get('db')(), c.get('config').ARTIFACTS, principalOf(c).projectId, id, c.req.header('if-none-match'));
    const maxAge = Math.max(0, Math.min(MAX_AGE_CAP_S, Math.floor((row.expiresAt.getTime() - Date.now()) / 1000)));
    const headers = new Headers({ etag: etagOf(row.sha256), 'cache-control': `private, max-age=${maxAge}` });
    if (!body) return new Response(null, { status: 304, headers }) as never;
    headers.set('content-type', row.contentType);
    headers.set('content-length', String(row.bytes));
    // whatever a generator put in it, it never runs as a page of the API's origin
    headers.set('content-security-policy', "default-src 'none'; sandbox");
    headers.set('x-content-type-options', 'nosniff');
    return new Response(body, { status: 200, headers }) as never;
  })
  .openapi(listArtifactsRoute, async (c) => c.json(await artifactsPage(c.get('db')(), principalOf(c).projectId, c.req.valid('query')), 200));
