// Node-by-node export: each top-level node is exported alone with exportAsync({ format: 'JSON_REST_V1' }) (one
// REST `nodes[id]` entry each), so no step ever holds the whole file as one string. With documentAccess
// "dynamic-page" a page must be loadAsync()-ed before its children can be read.
import type { ExportableNode, PageLike, PluginHost } from './figma-host';
import type { ExportScope, ExportedNode, RestNodeEntry } from './protocol';

/** One page and the nodes of it to export. */
export interface ExportTarget {
  page: PageLike;
  nodes: readonly ExportableNode[];
}

/** The pages (loaded) and nodes a scope covers; the selection is on the current page. */
export async function exportTargets(host: Pick<PluginHost, 'currentPage' | 'root'>, scope: ExportScope): Promise<ExportTarget[]> {
  const pages = scope === 'file' ? host.root.children : [host.currentPage];
  const targets: ExportTarget[] = [];
  for (const page of pages) {
    await page.loadAsync();
    targets.push({ page, nodes: scope === 'selection' ? page.selection : page.children });
  }
  return targets;
}

/** How many nodes the targets hold. */
export const countNodes = (targets: readonly ExportTarget[]): number => targets.reduce((n, t) => n + t.nodes.length, 0);

const isEntry = (v: unknown): v is RestNodeEntry => {
  const doc = (v as { document?: { id?: unknown; type?: unknown } } | null)?.document;
  return typeof doc === 'object' && doc !== null && typeof doc.id === 'string' && typeof doc.type === 'string';
};

/** Exports the targets' nodes one at a time, in order; a node whose export is not a REST entry throws, naming it. */
export async function* exportNodes(targets: readonly ExportTarget[]): AsyncGenerator<ExportedNode, void, undefined> {
  for (const { page, nodes } of targets) {
    for (const node of nodes) {
      const entry: unknown = await node.exportAsync({ format: 'JSON_REST_V1' });
      if (!isEntry(entry)) throw new Error(`node ${node.id} (${node.name}): its JSON_REST_V1 export has no document`);
      yield { pageId: page.id, pageName: page.name, id: node.id, name: node.name, entry };
    }
  }
}
