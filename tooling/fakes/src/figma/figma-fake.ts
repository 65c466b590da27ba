// A local stand-in for the Figma REST API (files, nodes, local variables, image renders and fills) with
// switchable faults. Image URLs point at a second loopback listener (Figma's are S3 links on another host).
// Order per request: record it, apply a fault if one matches, check the token, count it against the
// token's quota (when one is set), then serve.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordRequest, requestUrl } from '../http/request-log';
import type { RecordedRequest } from '../http/request-log';
import { delayAtLeast, sendChunks, sendJson, sendTruncated } from '../http/send';
import { listen } from '../http/server-lifecycle';
import { sampleFiles, sampleVariables } from '../samples/sample-files';
import { FIGMA_ERRORS, sendFigmaError } from './figma-errors';
import { errorReply, getFile, getFileMeta, getFileNodes, getLocalVariables } from './figma-endpoints';
import type { Reply } from './figma-endpoints';
import { handleControl } from './figma-control';
import { getImageFills, getImages, ImageHost } from './figma-images';
import { createFigmaFaultQueue, faultAnswer } from './figma-faults';
import { parseIds } from './figma-query';
import { QuotaMeter } from './figma-quota';
import type { FigmaFake, FigmaFakeOptions } from './figma-types';
import { FileStore } from './file-store';
import { handleWebhookControl, handleWebhooks, WebhookStore } from './figma-webhooks';

const ROUTE = /^\/v1\/files\/([^/]+)(\/nodes|\/meta|\/variables\/local|\/images)?\/?$/;
const RENDER_ROUTE = /^\/v1\/images\/([^/]+)\/?$/;

/** Starts the Figma REST API fake; with no `files` it serves the project's sample files. */
export async function startFigmaFake(options: FigmaFakeOptions = {}): Promise<FigmaFake> {
  const store = new FileStore();
  if (options.includeSamples ?? options.files === undefined) {
    for (const [key, file] of Object.entries(sampleFiles())) store.addFile(key, file);
    for (const [key, meta] of Object.entries(sampleVariables())) store.addVariables(key, meta);
  }
  for (const [key, file] of Object.entries(options.files ?? {})) store.addFile(key, file);
  for (const [key, meta] of Object.entries(options.variables ?? {})) store.addVariables(key, meta);

  const faults = createFigmaFaultQueue();
  const requests: RecordedRequest[] = [];
  const tokens = new Set(options.token === undefined ? [] : [options.token]);
  let quota: QuotaMeter | null = null;
  let imagesOrigin = '';
  const images = new ImageHost(() => imagesOrigin);
  const webhooks = new WebhookStore();

  const control = {
    addFile: (key: string, file: Parameters<FigmaFake['addFile']>[1]) => store.addFile(key, file),
    addVariables: (key: string, meta: Parameters<FigmaFake['addVariables']>[1]) => store.addVariables(key, meta),
    setFaults: (list: Parameters<FigmaFake['setFaults']>[0]) => faults.set(list),
    clearFaults: () => faults.clear(),
    setQuota: (q: Parameters<FigmaFake['setQuota']>[0]) => {
      quota = q === null ? null : new QuotaMeter(q);
    },
    addToken: (token: string) => void tokens.add(token),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = requestUrl(req);
    if (url.pathname === '/__fake/info') return sendJson(res, 200, { images_origin: imagesOrigin });
    if (await handleWebhookControl(webhooks, req, res, url)) return;
    if (await handleControl(control, requests, req, res, url)) return;
    requests.push(recordRequest(req, url));

    let truncate = false;
    const fault = faults.take(url.pathname, { idsCount: parseIds(url.searchParams.get('ids')).length });
    if (fault !== undefined) {
      const answer = faultAnswer(fault);
      if (answer !== undefined) return sendFigmaError(res, answer.status, answer.err, answer.headers);
      if (fault.kind === 'latency') await delayAtLeast(fault.ms);
      truncate = fault.kind === 'truncated';
    }

    const token = tokenOf(req);
    if (options.token !== undefined && (token === undefined || !tokens.has(token))) {
      return sendFigmaError(res, 403, FIGMA_ERRORS.invalidToken);
    }
    const limited = quota?.take(token ?? '', req.method ?? 'GET', url.pathname);
    if (limited !== undefined) return sendFigmaError(res, limited.status, limited.err, limited.headers);
    if (url.pathname.startsWith('/v2/webhooks')) return handleWebhooks(webhooks, req, res, url);
    const reply = route(store, images, req.method ?? 'GET', url);
    await (truncate ? sendTruncated : sendChunks)(res, reply.status, reply.chunks);
  };

  const server = await listen(handle, options.port ?? 0, options.host ?? '127.0.0.1');
  // the image host: pre-signed links, so no token; recorded in the same log so tests count downloads
  const imageServer = await listen(
    async (req, res) => {
      const url = requestUrl(req);
      requests.push(recordRequest(req, url));
      const blob = images.blobs.get(url.pathname);
      if (blob === undefined) return void res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
      res.writeHead(200, { 'content-type': blob.contentType, 'content-length': blob.bytes.byteLength }).end(blob.bytes);
    },
    0,
    options.host ?? '127.0.0.1',
  );
  imagesOrigin = imageServer.origin;
  return {
    url: server.origin,
    port: server.port,
    imagesUrl: imageServer.origin,
    addFile: control.addFile,
    addVariables: control.addVariables,
    setFaults: control.setFaults,
    clearFaults: control.clearFaults,
    setQuota: control.setQuota,
    addToken: control.addToken,
    pendingFaults: () => faults.pending(),
    webhooks: () => [...webhooks.hooks.values()],
    deliverWebhook: (id, event) => webhooks.deliver(id, event),
    requests,
    close: () => Promise.all([server.close(), imageServer.close()]).then(() => undefined),
  };
}

function route(store: FileStore, images: ImageHost, method: string, url: URL): Reply {
  // GET /v1/me (Tier 3): the token's user, as Figma answers it (the token was checked before the route)
  if (method === 'GET' && url.pathname === '/v1/me') return { status: 200, chunks: [Buffer.from(JSON.stringify({ id: '1234567890', email: 'designer@example.com', handle: 'Sample Designer', img_url: 'https://s3-alpha.figma.com/profile/sample' }))] };
  const render = RENDER_ROUTE.exec(url.pathname);
  if (method === 'GET' && render?.[1] !== undefined) return getImages(store, images, safeDecode(render[1]), url.searchParams);
  const match = ROUTE.exec(url.pathname);
  const rawKey = match?.[1];
  if (method !== 'GET' || match === null || rawKey === undefined) return errorReply(404, FIGMA_ERRORS.notFound);
  const key = safeDecode(rawKey);
  switch (match[2]) {
    case '/nodes':
      return getFileNodes(store, key, url.searchParams);
    case '/meta':
      return getFileMeta(store, key);
    case '/variables/local':
      return getLocalVariables(store, key);
    case '/images':
      return getImageFills(store, images, key);
    default:
      return getFile(store, key, url.searchParams);
  }
}

function tokenOf(req: IncomingMessage): string | undefined {
  // Figma accepts a personal access token in X-Figma-Token and an OAuth token as a Bearer.
  const pat = req.headers['x-figma-token'];
  if (typeof pat === 'string') return pat;
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
