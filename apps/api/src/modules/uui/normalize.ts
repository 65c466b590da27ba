// What a plugin may upload, normalised to one document with pages:
//  - a GET /v1/files/:key response (`document` is a DOCUMENT),
//  - a GET /v1/files/:key/nodes response (`nodes`),
//  - one `exportAsync({ format: 'JSON_REST_V1' })` result (`document` is any node), or an array of them.
// Nodes that are not pages are gathered on one page named "Selection".

interface RawNode {
  id: string;
  type: string;
  name?: string;
  children?: RawNode[];
}

export interface NormalizedExport {
  name: string;
  document: RawNode;
  components: Record<string, unknown>;
  componentSets: Record<string, unknown>;
  styles: Record<string, unknown>;
}

const isNode = (v: unknown): v is RawNode =>
  typeof v === 'object' && v !== null && typeof (v as RawNode).id === 'string' && typeof (v as RawNode).type === 'string';

/** Why a tree cannot be walked (a `children` that is not an array of nodes), or null. Iterative. */
function shapeProblem(root: RawNode): string | null {
  const stack: RawNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children === undefined) continue;
    if (!Array.isArray(n.children)) return `node ${n.id}: \`children\` must be an array of nodes`;
    for (const c of n.children) {
      if (!isNode(c)) return `node ${n.id}: every entry of \`children\` must be a node with an id and a type`;
      stack.push(c);
    }
  }
  return null;
}

/** Normalises an upload, or returns why it cannot be used. */
export function normalizeExport(input: unknown, fallbackName: string): { ok: true; value: NormalizedExport } | { ok: false; message: string } {
  const maps = { components: {}, componentSets: {}, styles: {} } as Pick<NormalizedExport, 'components' | 'componentSets' | 'styles'>;
  const merge = (src: Record<string, unknown>) => {
    for (const k of ['components', 'componentSets', 'styles'] as const) {
      const m = src[k];
      if (m && typeof m === 'object') Object.assign(maps[k], m);
    }
  };
  const loose: RawNode[] = [];
  const pages: RawNode[] = [];
  let problem: string | null = null;
  const take = (node: RawNode) => {
    problem ??= shapeProblem(node);
    if (problem) return;
    if (node.type === 'DOCUMENT') pages.push(...(node.children ?? []));
    else if (node.type === 'CANVAS') pages.push(node);
    else loose.push(node);
  };
  let name = fallbackName;
  const entries = Array.isArray(input) ? input : [input];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) return { ok: false, message: 'expected a JSON object (a Figma REST response or a JSON_REST_V1 export)' };
    const obj = entry as Record<string, unknown>;
    if (typeof obj.name === 'string' && !Array.isArray(input)) name = obj.name;
    if (isNode(obj.document)) {
      merge(obj);
      take(obj.document);
    } else if (obj.nodes && typeof obj.nodes === 'object') {
      for (const value of Object.values(obj.nodes as Record<string, unknown>)) {
        if (value && typeof value === 'object' && isNode((value as Record<string, unknown>).document)) {
          merge(value as Record<string, unknown>);
          take((value as { document: RawNode }).document);
        }
      }
    } else {
      return { ok: false, message: 'no `document` or `nodes` found: upload a Figma REST response or a JSON_REST_V1 export' };
    }
  }
  if (problem) return { ok: false, message: problem };
  if (loose.length) pages.push({ id: '0:0', type: 'CANVAS', name: 'Selection', children: loose });
  if (pages.length === 0) return { ok: false, message: 'the export holds no nodes' };
  return { ok: true, value: { name, document: { id: '0:-1', type: 'DOCUMENT', name: 'Document', children: pages }, ...maps } };
}

/** Every node by id (the plan may name nodes below the pages). */
export function indexNodes(root: RawNode): Map<string, RawNode> {
  const out = new Map<string, RawNode>();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.set(n.id, n);
    for (const c of n.children ?? []) stack.push(c);
  }
  return out;
}
