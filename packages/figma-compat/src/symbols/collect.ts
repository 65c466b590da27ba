// The components to map, from what a route holds: a GET /v1/files/:key or /nodes response (or any node tree),
// or component rows stored by figma-context. A component set stands for its variants: its COMPONENT children
// are not mapped on their own.
import { SymbolsInputError, type FigmaComponent, type FigmaPropertyDefinition } from './types';

/** A node as collection reads it (REST nodes are assignable to it). */
export interface ComponentTreeNode {
  id: string;
  type: string;
  name?: string;
  children?: readonly ComponentTreeNode[];
  componentPropertyDefinitions?: Readonly<Record<string, FigmaPropertyDefinition>>;
}

type Meta = Readonly<Record<string, { key?: string; description?: string; name?: string; componentSetId?: string }>>;

/** A file response, a nodes response, or a node tree. */
export type ComponentSource =
  | ComponentTreeNode
  | { document: ComponentTreeNode; components?: Meta; componentSets?: Meta }
  | { nodes: Readonly<Record<string, { document: ComponentTreeNode; components?: Meta; componentSets?: Meta } | null>> };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(root: ComponentTreeNode, meta: { components?: Meta; componentSets?: Meta }, out: Map<string, FigmaComponent>): void {
  const stack: { n: ComponentTreeNode; parent: string | null }[] = [{ n: root, parent: null }];
  while (stack.length) {
    const { n, parent } = stack.pop()!;
    if (!isObject(n) || typeof n.id !== 'string') throw new SymbolsInputError('a node of the tree has no string id', 'document');
    const variant = n.type === 'COMPONENT' && parent === 'COMPONENT_SET';
    if ((n.type === 'COMPONENT' || n.type === 'COMPONENT_SET') && !variant && !out.has(n.id)) {
      const m = (n.type === 'COMPONENT' ? meta.components : meta.componentSets)?.[n.id];
      const c: FigmaComponent = { id: n.id, name: n.name ?? n.id, type: n.type };
      if (m?.key) c.key = m.key;
      if (m?.description) c.description = m.description;
      if (n.componentPropertyDefinitions) c.componentPropertyDefinitions = n.componentPropertyDefinitions;
      out.set(n.id, c);
    }
    const children = n.children ?? [];
    if (!Array.isArray(children)) throw new SymbolsInputError(`node ${n.id}: children must be an array`, 'document');
    for (let i = children.length - 1; i >= 0; i--) stack.push({ n: children[i]!, parent: n.type });
  }
}

/** Component sets and standalone components of a Figma response or tree, in document order. */
export function collectComponents(source: ComponentSource): FigmaComponent[] {
  const raw: unknown = source;
  if (!isObject(raw)) throw new SymbolsInputError('source: expected a Figma file or nodes response, or a node', 'source');
  const out = new Map<string, FigmaComponent>();
  if (isObject(raw.nodes)) {
    for (const entry of Object.values(raw.nodes)) if (isObject(entry) && isObject(entry.document)) walk(entry.document as unknown as ComponentTreeNode, entry as { components?: Meta; componentSets?: Meta }, out);
  } else if (isObject(raw.document)) {
    walk(raw.document as unknown as ComponentTreeNode, raw as { components?: Meta; componentSets?: Meta }, out);
  } else if (typeof raw.id === 'string' && typeof raw.type === 'string') {
    walk(raw as unknown as ComponentTreeNode, {}, out);
  } else {
    throw new SymbolsInputError('source: no `document`, `nodes` or node found', 'source');
  }
  return [...out.values()];
}

/** A component row as figma-context stores it (`components` table: node_id, name, type, props). */
export interface StoredComponentRow {
  nodeId?: string;
  node_id?: string;
  name: string;
  type: string;
  props?: { definitions?: Readonly<Record<string, { type: string; default?: string | boolean; options?: readonly string[] }>>; set_id?: string; key?: string };
}

/** Components to map from stored rows: sets and standalone components (variants whose set is stored are left to it). */
export function componentsFromStored(rows: readonly StoredComponentRow[]): FigmaComponent[] {
  const ids = new Set(rows.map((r) => r.nodeId ?? r.node_id));
  const out: FigmaComponent[] = [];
  rows.forEach((r, i) => {
    const id = r.nodeId ?? r.node_id;
    if (typeof id !== 'string') throw new SymbolsInputError(`rows[${i}]: a row needs a node id`, `rows[${i}].node_id`);
    if (r.type !== 'COMPONENT' && r.type !== 'COMPONENT_SET') return;
    if (r.type === 'COMPONENT' && r.props?.set_id && ids.has(r.props.set_id)) return;
    const c: FigmaComponent = { id, name: r.name, type: r.type };
    if (r.props?.key) c.key = r.props.key;
    if (r.props?.definitions) c.componentPropertyDefinitions = r.props.definitions;
    out.push(c);
  });
  return out;
}
