// A cogo_ui_json as stored pages/components rows (issue 14, seed 000 §22) and back. A generated page is stored under
// file key `generated`: one row per section, block and component node, whose props hold the node's own fields, its
// ancestors and its order among its siblings — enough to rebuild the document exactly, whatever order the rows come
// back in. A Figma page (figma-context extraction) converts too: see stored-figma.ts.
import type { CogoUiJson, UiBlock, UiComponentNode, UiPageSource, UiSection } from '@cogo/types';
import { UI_JSON_VERSION } from '@cogo/types';
import { figmaPageToCogo } from './stored-figma';

/** The file key under which applied generated pages are stored. */
export const GENERATED_FILE_KEY = 'generated';

/** Row types of a generated page's nodes. */
export const UI_ROW_TYPES = { section: 'UI_SECTION', block: 'UI_BLOCK', component: 'UI_COMPONENT' } as const;

export interface StoredPageInput {
  id: string;
  file_key: string;
  node_id: string;
  name: string;
}

export interface StoredComponentInput {
  id: string;
  node_id: string;
  name: string;
  type: string;
  props: Record<string, unknown>;
}

export interface UiStoredRow {
  node_id: string;
  name: string;
  type: string;
  props: Record<string, unknown>;
}

/**
 * A row's node id: `<page id>/<node id>`. Stored component ids are derived from (project, file key, node id), so a
 * bare UI id (`hero-1`) would be one row shared by every generated page that uses it; `/` is never in a UI id.
 */
export function storedNodeId(pageId: string, nodeId: string): string {
  return `${pageId}/${nodeId}`;
}

/** What a section row keeps of the page itself (the pages table holds only its id and name). */
interface PageFields {
  source: UiPageSource;
  layout?: CogoUiJson['page']['layout'];
  style?: CogoUiJson['page']['style'];
}

/**
 * The rows of a generated page: one per section (`UI_SECTION`), block (`UI_BLOCK`) and component node
 * (`UI_COMPONENT`), in document order; props `{ node, ancestors, order, page? }` — the node's own fields (children
 * excluded), its ancestors' row node ids from the section down, its index among its siblings, and on sections the
 * page's source/layout/style.
 */
export function cogoToStoredComponents(doc: CogoUiJson): UiStoredRow[] {
  const { page } = doc;
  const rows: UiStoredRow[] = [];
  const sid = (id: string) => storedNodeId(page.id, id);
  const pageFields: PageFields = { source: structuredClone(page.source) };
  if (page.layout) pageFields.layout = structuredClone(page.layout);
  if (page.style) pageFields.style = structuredClone(page.style);
  const visit = (c: UiComponentNode, ancestors: string[], order: number) => {
    const { children, ...own } = structuredClone(c);
    const node: Record<string, unknown> = own;
    if (children) node.children = [];
    rows.push({ node_id: sid(c.id), name: c.name ?? c.component?.name ?? c.text?.slice(0, 120) ?? c.type, type: UI_ROW_TYPES.component, props: { node, ancestors, order } });
    c.children?.forEach((child, i) => visit(child, [...ancestors, sid(c.id)], i));
  };
  page.sections.forEach((s, si) => {
    const { blocks, ...own } = structuredClone(s);
    rows.push({ node_id: sid(s.id), name: s.name || s.type, type: UI_ROW_TYPES.section, props: { node: own, ancestors: [], order: si, page: pageFields } });
    blocks.forEach((b, bi) => {
      const { components, ...ownBlock } = b;
      const up = [sid(s.id)];
      rows.push({ node_id: sid(b.id), name: b.name ?? b.type, type: UI_ROW_TYPES.block, props: { node: ownBlock, ancestors: up, order: bi } });
      components.forEach((c, ci) => visit(c, [...up, sid(b.id)], ci));
    });
  });
  return rows;
}

/**
 * A stored page as cogo_ui_json. Under GENERATED_FILE_KEY: exactly the document cogoToStoredComponents stored (rows in
 * any order; rows whose parent is missing are left out; a page stored without sections comes back with a `keyword`
 * source, since only section rows carry the page's fields). Any other file key: a Figma page (figmaPageToCogo).
 */
export function storedPageToCogo(page: StoredPageInput, components: StoredComponentInput[]): CogoUiJson {
  if (page.file_key !== GENERATED_FILE_KEY) return figmaPageToCogo(page, components);
  const byId = new Map<string, { row: StoredComponentInput; value: UiSection | UiBlock | UiComponentNode }>();
  const ordered = components
    .filter((r) => (Object.values(UI_ROW_TYPES) as string[]).includes(r.type) && isObj(r.props.node))
    .map((r) => ({ row: r, order: typeof r.props.order === 'number' ? r.props.order : 0, ancestors: strings(r.props.ancestors) }))
    // parents first (fewer ancestors), then sibling order, then node id: the same result for any row order
    .sort((a, b) => a.ancestors.length - b.ancestors.length || a.order - b.order || (a.row.node_id < b.row.node_id ? -1 : a.row.node_id > b.row.node_id ? 1 : 0));
  const sections: UiSection[] = [];
  let pageFields: PageFields | undefined;
  for (const { row, ancestors } of ordered) {
    const node = structuredClone(row.props.node) as Record<string, unknown>;
    if (row.type === UI_ROW_TYPES.section) {
      const section = { ...node, blocks: [] } as unknown as UiSection;
      sections.push(section);
      byId.set(row.node_id, { row, value: section });
      if (!pageFields && isObj(row.props.page)) pageFields = row.props.page as unknown as PageFields;
      continue;
    }
    const parent = byId.get(ancestors.at(-1) ?? '');
    if (!parent) continue;
    if (row.type === UI_ROW_TYPES.block && parent.row.type === UI_ROW_TYPES.section) {
      const block = { ...node, components: [] } as unknown as UiBlock;
      (parent.value as UiSection).blocks.push(block);
      byId.set(row.node_id, { row, value: block });
    } else if (row.type === UI_ROW_TYPES.component) {
      const comp = node as unknown as UiComponentNode;
      if (parent.row.type === UI_ROW_TYPES.block) (parent.value as UiBlock).components.push(comp);
      else if (parent.row.type === UI_ROW_TYPES.component) ((parent.value as UiComponentNode).children ??= []).push(comp);
      else continue;
      byId.set(row.node_id, { row, value: comp });
    }
  }
  const doc: CogoUiJson = {
    schema: 'cogo_ui_json',
    version: UI_JSON_VERSION,
    page: { id: page.node_id, name: page.name, source: pageFields ? structuredClone(pageFields.source) : { kind: 'generated', generator: 'keyword' }, sections },
  };
  if (pageFields?.layout) doc.page.layout = structuredClone(pageFields.layout);
  if (pageFields?.style) doc.page.style = structuredClone(pageFields.style);
  return doc;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
