import { ApiError } from '../../lib/errors';
import { createRouter } from '../../lib/openapi';
import { principalOf } from '../../middleware';
import { artifactKey } from './artifacts';
import { storeFigmaImages } from './images';
import { artifactRoute, imagesRoute } from './images.routes';

/** figma-context image routes: store renders and fills, download an artifact. */
export const figmaImagesRouter = createRouter()
  .openapi(imagesRoute, async (c) => c.json(await storeFigmaImages(c, c.req.valid('json')), 200))
  .openapi(artifactRoute, async (c) => {
    const { name } = c.req.valid('query');
    const object = await c.get('config').ARTIFACTS.get(artifactKey(principalOf(c).projectId, name));
    if (!object) throw new ApiError('NOT_FOUND', 'artifact not found');
    const headers = new Headers({
      'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
      'content-length': String(object.size),
      etag: object.httpEtag,
      'cache-control': 'private, max-age=0, must-revalidate',
      // an SVG or PDF from a design must never run as a page of the API's origin
      'content-disposition': `attachment; filename="${name.split('/').pop()!.replaceAll('"', '')}"`,
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    });
    return new Response(object.body, { status: 200, headers }) as never;
  });
