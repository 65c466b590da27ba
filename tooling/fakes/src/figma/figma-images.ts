// Image endpoints of the Figma fake: GET /v1/images/:key (node renders, Tier 1) and GET /v1/files/:key/images
// (image fills, Tier 2). Like Figma, both answer with URLs on ANOTHER host (Figma's are S3 links:
// figma-alpha-api.s3.us-west-2.amazonaws.com for renders, s3-alpha-sig.figma.com for fills), served here by a
// second loopback listener with no token check (the links are pre-signed), so a client must allowlist it.
// Shapes as in @figma/rest-api-spec: renders `{ err: null, images: { id: url | null } }` — null for a node
// Figma cannot render (an invisible node, or one it does not know); fills `{ error: false, status: 200,
// meta: { images: { imageRef: url } } }`, every image fill of the file.
import { createHash } from 'node:crypto';
import type { Node } from '@figma/rest-api-spec';
import { serializeJsonChunks } from '../http/json-chunks';
import type { Reply } from './figma-endpoints';
import { errorReply } from './figma-endpoints';
import { FIGMA_ERRORS } from './figma-errors';
import { parseIds } from './figma-query';
import type { FileStore } from './file-store';
import { childrenOf } from './node-index';

/** A stored image the S3 stand-in serves. */
export interface ImageBlob {
  contentType: string;
  bytes: Buffer;
}

const FORMATS = { png: 'image/png', jpg: 'image/jpeg', svg: 'image/svg+xml', pdf: 'application/pdf' } as const;
type RenderFormat = keyof typeof FORMATS;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** Bytes that start like the format they claim (magic numbers), unique per input. */
function fakeBytes(format: RenderFormat, label: string): Buffer {
  const body = `cogo-fake ${label}`;
  switch (format) {
    case 'png':
      return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(body)]);
    case 'jpg':
      return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(body)]);
    case 'svg':
      return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><!-- ${body} --></svg>`);
    case 'pdf':
      return Buffer.from(`%PDF-1.4\n% ${body}\n%%EOF\n`);
  }
}

/** The blobs behind the image URLs the fake hands out, by path on the image host. */
export class ImageHost {
  readonly blobs = new Map<string, ImageBlob>();
  constructor(readonly origin: () => string) {}

  /** Stores a blob and returns its URL on the image host. */
  put(path: string, blob: ImageBlob): string {
    this.blobs.set(path, blob);
    return `${this.origin()}${path}`;
  }
}

/** GET /v1/images/:key?ids=&format=&scale= */
export function getImages(store: FileStore, host: ImageHost, key: string, query: URLSearchParams): Reply {
  const file = store.file(key);
  if (file === undefined) return errorReply(404, FIGMA_ERRORS.notFound);
  const ids = parseIds(query.get('ids'));
  if (ids.length === 0) return errorReply(400, 'Missing required parameter: ids');
  const format = (query.get('format') ?? 'png') as RenderFormat;
  if (!(format in FORMATS)) return errorReply(400, 'Invalid value for format: must be one of jpg, png, svg, pdf');
  const scale = Number(query.get('scale') ?? '1');
  if (!Number.isFinite(scale) || scale < 0.01 || scale > 4) return errorReply(400, 'Invalid value for scale: must be between 0.01 and 4');
  const index = store.index(key) ?? new Map();
  const images: Record<string, string | null> = {};
  for (const id of ids) {
    const node = index.get(id)?.node as (Node & { visible?: boolean }) | undefined;
    if (node === undefined || node.visible === false) {
      images[id] = null;
      continue;
    }
    const label = `${key}|${file.version}|${id}|${format}|${scale}`;
    images[id] = host.put(`/images/${hash(label).slice(0, 32)}`, { contentType: FORMATS[format], bytes: fakeBytes(format, label) });
  }
  return { status: 200, chunks: serializeJsonChunks({ err: null, images }) };
}

/** GET /v1/files/:key/images — every image fill of the file (fills and backgrounds with an imageRef). */
export function getImageFills(store: FileStore, host: ImageHost, key: string): Reply {
  const file = store.file(key);
  if (file === undefined) return errorReply(404, FIGMA_ERRORS.notFound);
  const images: Record<string, string> = {};
  for (const ref of imageRefs(file.document)) {
    // the ref is a hash of the image; the fake's JPEG for refs ending in an odd hex digit shows content types vary
    const format: RenderFormat = /[13579bdf]$/i.test(ref) ? 'jpg' : 'png';
    images[ref] = host.put(`/img/${hash(ref).slice(0, 4)}/${hash(`fill|${ref}`).slice(0, 40)}`, { contentType: FORMATS[format], bytes: fakeBytes(format, `fill ${ref}`) });
  }
  return { status: 200, chunks: serializeJsonChunks({ error: false, status: 200, meta: { images } }) };
}

/** Every imageRef of a tree's fills and backgrounds, in document order, once each. */
export function imageRefs(root: Node): string[] {
  const refs = new Set<string>();
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const n = node as { fills?: unknown; background?: unknown };
    for (const paints of [n.fills, n.background]) {
      if (!Array.isArray(paints)) continue;
      for (const paint of paints as Array<{ type?: string; imageRef?: string }>) if (paint.type === 'IMAGE' && paint.imageRef) refs.add(paint.imageRef);
    }
    stack.push(...[...childrenOf(node)].reverse());
  }
  return [...refs];
}
