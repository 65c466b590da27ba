// The read endpoints: GET /v1/files/:key, /v1/files/:key/nodes, /v1/files/:key/meta and /v1/files/:key/variables/local.
// Each returns a Reply (status + serialised body) so the caller can still decide to truncate it.
import type { GetFileMetaResponse, GetFileNodesResponse, GetFileResponse, Node } from '@figma/rest-api-spec';
import { serializeJsonChunks } from '../http/json-chunks';
import { FIGMA_ERRORS } from './figma-errors';
import { parseDepth, parseIds } from './figma-query';
import type { FileStore } from './file-store';
import { collectRefs, styleNode } from './node-index';
import { filterToIds, pruneDepth } from './tree-prune';

export interface Reply {
  status: number;
  chunks: Buffer[];
}

/** A Figma error as a Reply. */
export function errorReply(status: number, err: string): Reply {
  return { status, chunks: serializeJsonChunks({ status, err }) };
}

/** GET /v1/files/:key — the file, optionally reduced by `ids` and `depth`. */
export function getFile(store: FileStore, key: string, query: URLSearchParams): Reply {
  const file = store.file(key);
  if (file === undefined) return errorReply(404, FIGMA_ERRORS.notFound);
  const depth = parseDepth(query.get('depth'));
  if (depth === null) return errorReply(400, 'Invalid value for depth: must be a positive integer');
  const ids = query.has('ids') ? parseIds(query.get('ids')) : undefined;
  const variant = `file|${depth ?? ''}|${ids?.join(',') ?? '*'}`;
  const chunks = store.body(key, variant, () => {
    let document = file.document;
    if (ids !== undefined) document = filterToIds(document, store.index(key) ?? new Map(), ids);
    return fileEnvelope(file, pruneDepth(document, depth));
  });
  return { status: 200, chunks };
}

/** GET /v1/files/:key/nodes?ids= — one entry per requested id (a local style's id: the style's node); unknown ids map to null, as Figma does. */
export function getFileNodes(store: FileStore, key: string, query: URLSearchParams): Reply {
  const file = store.file(key);
  if (file === undefined) return errorReply(404, FIGMA_ERRORS.notFound);
  const ids = parseIds(query.get('ids'));
  if (ids.length === 0) return errorReply(400, 'Missing required parameter: ids');
  const depth = parseDepth(query.get('depth'));
  if (depth === null) return errorReply(400, 'Invalid value for depth: must be a positive integer');
  const index = store.index(key) ?? new Map();
  const chunks = store.body(key, `nodes|${depth ?? ''}|${ids.join(',')}`, () => {
    const nodes: Record<string, GetFileNodesResponse['nodes'][string] | null> = {};
    for (const id of ids) {
      // a local style's id answers its node (not in the tree), as Figma does; any other unknown id is null
      const found = index.get(id)?.node ?? styleNode(file, id);
      if (found === undefined) {
        nodes[id] = null;
        continue;
      }
      const document: Node = pruneDepth(found, depth);
      nodes[id] = { document, ...collectRefs(document, file), schemaVersion: file.schemaVersion };
    }
    return {
      name: file.name,
      lastModified: file.lastModified,
      thumbnailUrl: file.thumbnailUrl ?? '',
      version: file.version,
      role: file.role,
      editorType: file.editorType,
      nodes,
    };
  });
  return { status: 200, chunks };
}

/** The fake's one user, creator and last editor of every file. */
const FAKE_USER = { id: '1000000000000000001', handle: 'COGO Fake', img_url: 'https://www.gravatar.com/avatar/0' };

/** GET /v1/files/:key/meta (Tier 2): the file's metadata without its document, `version` included. */
export function getFileMeta(store: FileStore, key: string): Reply {
  const file = store.file(key);
  if (file === undefined) return errorReply(404, FIGMA_ERRORS.notFound);
  const body: GetFileMetaResponse = {
    file: {
      name: file.name,
      folder_name: 'Drafts',
      last_touched_at: file.lastModified,
      creator: FAKE_USER,
      last_touched_by: FAKE_USER,
      thumbnail_url: file.thumbnailUrl ?? '',
      editorType: file.editorType,
      role: file.role,
      link_access: (file.linkAccess ?? 'inherit') as NonNullable<GetFileMetaResponse['file']['link_access']>,
      url: `https://www.figma.com/design/${key}`,
      version: file.version,
    },
  };
  return { status: 200, chunks: serializeJsonChunks(body) };
}

/** GET /v1/files/:key/variables/local. */
export function getLocalVariables(store: FileStore, key: string): Reply {
  if (store.file(key) === undefined) return errorReply(404, FIGMA_ERRORS.notFound);
  const body = { status: 200, error: false, meta: store.localVariables(key) };
  return { status: 200, chunks: serializeJsonChunks(body) };
}

function fileEnvelope(file: GetFileResponse, document: GetFileResponse['document']): GetFileResponse {
  // Field order as the API sends it: the document first, metadata after.
  return {
    document,
    components: file.components,
    componentSets: file.componentSets,
    schemaVersion: file.schemaVersion,
    styles: file.styles,
    name: file.name,
    lastModified: file.lastModified,
    thumbnailUrl: file.thumbnailUrl,
    version: file.version,
    role: file.role,
    editorType: file.editorType,
    ...(file.linkAccess === undefined ? {} : { linkAccess: file.linkAccess }),
  };
}
