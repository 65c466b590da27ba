// Rename layers: the selection's layers as POST /api/rename-layers takes them (id, name, type, the parents' path,
// a TEXT's characters, a summary of children), the job's names as an old → new preview, and applying the
// confirmed names as one undoable step (every name set, then one figma.commitUndo()).
import type { LayerNode, PluginHost } from './figma-host';
import type { Rename } from './protocol';

/** One layer as the rename job takes it (packages/types LayerInput). */
export interface LayerInput {
  id: string;
  name: string;
  type: string;
  path: string;
  text?: string;
  children_summary?: string;
}

/** One row of the preview. */
export interface RenameRow {
  id: string;
  oldName: string;
  newName: string;
}

/** The API's limit on layers per job. */
export const RENAME_MAX_LAYERS = 2_000;

/** "icon, 2 texts": what a container holds, by child type. */
export function childrenSummary(children: readonly LayerNode[]): string | undefined {
  if (children.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const c of children) counts.set(c.type.toLowerCase(), (counts.get(c.type.toLowerCase()) ?? 0) + 1);
  return [...counts].map(([type, n]) => (n === 1 ? type : `${n} ${type}s`)).join(', ').slice(0, 500);
}

/** Walks the roots depth-first (parents before children), at most `max` layers. */
export function collectLayers(roots: readonly LayerNode[], max = RENAME_MAX_LAYERS): LayerInput[] {
  const out: LayerInput[] = [];
  const stack: { node: LayerNode; path: string }[] = [...roots].reverse().map((node) => ({ node, path: '' }));
  while (stack.length && out.length < max) {
    const { node, path } = stack.pop()!;
    const layer: LayerInput = { id: node.id, name: node.name.slice(0, 255), type: node.type, path: path.slice(0, 1_000) };
    if (node.type === 'TEXT' && node.characters) layer.text = node.characters.slice(0, 1_000);
    const summary = node.children ? childrenSummary(node.children) : undefined;
    if (summary) layer.children_summary = summary;
    out.push(layer);
    const childPath = path ? `${path}/${node.name}` : node.name;
    for (const child of [...(node.children ?? [])].reverse()) stack.push({ node: child, path: childPath });
  }
  return out;
}

/** The job's names that change something, as old → new rows. */
export function renamePreview(result: { layers: { id: string; old_name: string; name: string }[] }): RenameRow[] {
  return result.layers.filter((l) => l.name !== l.old_name).map((l) => ({ id: l.id, oldName: l.old_name, newName: l.name }));
}

/** Sets every name, then commits them as one undo step; ids no longer in the file are reported, not thrown. */
export async function applyRenames(host: Pick<PluginHost, 'getNodeByIdAsync' | 'commitUndo'>, renames: readonly Rename[]): Promise<{ renamed: number; missing: string[] }> {
  const missing: string[] = [];
  let renamed = 0;
  for (const { id, name } of renames) {
    const node = await host.getNodeByIdAsync(id);
    if (!node || node.type === 'DOCUMENT' || node.type === 'PAGE' || node.removed) {
      missing.push(id);
      continue;
    }
    node.name = name;
    renamed++;
  }
  if (renamed > 0) host.commitUndo();
  return { renamed, missing };
}
