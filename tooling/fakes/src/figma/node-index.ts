// Lookups over a document tree: node by id with its parent (for the `ids` filters), and the components,
// component sets and styles a subtree refers to (GET /nodes returns only those, per node).
import type { Component, ComponentSet, GetFileResponse, Node, Style } from '@figma/rest-api-spec';

export interface IndexedNode {
  node: Node;
  parentId: string | undefined;
}

export type NodeIndex = Map<string, IndexedNode>;

/** Indexes every node of `root` by id (iteratively: real files nest deeper than is safe to recurse blindly). */
export function buildNodeIndex(root: Node): NodeIndex {
  const index: NodeIndex = new Map();
  const stack: IndexedNode[] = [{ node: root, parentId: undefined }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    index.set(entry.node.id, entry);
    for (const child of childrenOf(entry.node)) stack.push({ node: child, parentId: entry.node.id });
  }
  return index;
}

/** The children of a node, or none (depth-pruned and leaf nodes have no `children`). */
export function childrenOf(node: Node): readonly Node[] {
  const children = (node as { children?: unknown }).children;
  return Array.isArray(children) ? (children as Node[]) : [];
}

export interface SubtreeRefs {
  components: Record<string, Component>;
  componentSets: Record<string, ComponentSet>;
  styles: Record<string, Style>;
}

/** The entries of the file's maps that `root`'s subtree uses: its components, instances' mains and styles. */
export function collectRefs(root: Node, file: GetFileResponse): SubtreeRefs {
  const refs: SubtreeRefs = { components: {}, componentSets: {}, styles: {} };
  const addComponent = (id: string): void => {
    const component = file.components[id];
    if (component === undefined) return;
    refs.components[id] = component;
    const setId = component.componentSetId;
    const set = setId === undefined ? undefined : file.componentSets[setId];
    if (setId !== undefined && set !== undefined) refs.componentSets[setId] = set;
  };
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'COMPONENT') addComponent(node.id);
    if (node.type === 'INSTANCE') addComponent(node.componentId);
    if (node.type === 'COMPONENT_SET') {
      const set = file.componentSets[node.id];
      if (set !== undefined) refs.componentSets[node.id] = set;
    }
    const styleIds = (node as { styles?: Record<string, string> }).styles;
    if (styleIds !== undefined) {
      for (const styleId of Object.values(styleIds)) {
        const style = file.styles[styleId];
        if (style !== undefined) refs.styles[styleId] = style;
      }
    }
    stack.push(...childrenOf(node));
  }
  return refs;
}

/**
 * The node of a local style, as Figma answers `/nodes?ids=<style node id>`: a style is not in the document tree, but
 * its node holds its values. The fake makes it from the first node (document order) that uses the style and holds a
 * value of its kind: fills (FILL), a text style (TEXT), effects (EFFECT) or layout grids (GRID), on a node named as
 * the style. Undefined when `id` is no local style of the file or no node gives it a value.
 */
export function styleNode(file: GetFileResponse, id: string): Node | undefined {
  const style = file.styles[id];
  if (style === undefined || style.remote) return undefined;
  const field = ({ FILL: 'fills', TEXT: 'style', EFFECT: 'effects', GRID: 'layoutGrids' } as Record<string, string>)[style.styleType] ?? 'fills';
  const stack: Node[] = [file.document];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const n = node as unknown as Record<string, unknown>;
    const uses = n.styles as Record<string, string> | undefined;
    const value = n[field];
    if (uses !== undefined && Object.values(uses).includes(id) && value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      const base = { id, name: style.name, visible: true };
      if (style.styleType === 'TEXT') return { ...base, type: 'TEXT', characters: style.name, style: value, fills: n.fills ?? [] } as unknown as Node;
      if (style.styleType === 'GRID') return { ...base, type: 'FRAME', fills: [], layoutGrids: value, children: [] } as unknown as Node;
      return { ...base, type: 'RECTANGLE', fills: style.styleType === 'EFFECT' ? [] : value, ...(style.styleType === 'EFFECT' ? { effects: value } : {}) } as unknown as Node;
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}
