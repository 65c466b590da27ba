/**
 * The real-response fixtures (../shared/fixtures/figma beside the checkout) as files the Figma fake serves: a `files` fixture
 * as-is, a `nodes` fixture (a GET /v1/files/:key/nodes response) wrapped as one CANVAS page of a file.
 */
import type { startFigmaFake } from '@cogo/fakes';

export type FakeFile = NonNullable<NonNullable<Parameters<typeof startFigmaFake>[0]>['files']>[string];
type AnyNode = { id: string; type: string; children?: AnyNode[] };

function allIds(node: AnyNode, out: Set<string>): void {
  out.add(node.id);
  for (const c of node.children ?? []) allIds(c, out);
}

function freshId(used: Set<string>, from: number): string {
  for (let i = from; ; i++) {
    const id = `0:${i}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

type NodesEntry = { document: AnyNode; components?: object; componentSets?: object; styles?: object; schemaVersion?: number } | null;

/** A `GET /v1/files/:key/nodes` response as a file: its node documents become the children of one CANVAS page. */
export function wrapNodes(res: { name?: string; lastModified?: string; thumbnailUrl?: string; version?: string; role?: string; editorType?: string; linkAccess?: string; nodes: Record<string, NodesEntry> }): FakeFile {
  const entries = Object.values(res.nodes).filter((e): e is NonNullable<NodesEntry> => e !== null && e !== undefined);
  const used = new Set<string>();
  for (const e of entries) allIds(e.document, used);
  const components = Object.assign({}, ...entries.map((e) => e.components ?? {})) as object;
  const componentSets = Object.assign({}, ...entries.map((e) => e.componentSets ?? {})) as object;
  const styles = Object.assign({}, ...entries.map((e) => e.styles ?? {})) as object;
  const page = {
    id: freshId(used, 1),
    name: 'Page 1',
    type: 'CANVAS',
    scrollBehavior: 'SCROLLS',
    backgroundColor: { r: 0.96, g: 0.96, b: 0.96, a: 1 },
    prototypeStartNodeID: null,
    flowStartingPoints: [],
    prototypeDevice: { type: 'NONE', rotation: 'NONE' },
    children: entries.map((e) => e.document),
  };
  const document = { id: freshId(used, 0), name: 'Document', type: 'DOCUMENT', scrollBehavior: 'SCROLLS', children: [page] };
  return {
    name: res.name ?? 'nodes fixture',
    lastModified: res.lastModified ?? '2025-01-01T00:00:00Z',
    thumbnailUrl: res.thumbnailUrl ?? '',
    version: res.version ?? '0',
    role: res.role ?? 'viewer',
    editorType: res.editorType ?? 'figma',
    ...(res.linkAccess === undefined ? {} : { linkAccess: res.linkAccess }),
    document,
    components,
    componentSets,
    schemaVersion: entries[0]?.schemaVersion ?? 0,
    styles,
  } as unknown as FakeFile;
}
