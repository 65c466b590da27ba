// A stored Figma page (figma-context extraction: COMPONENT, COMPONENT_SET and top-level FRAME rows, props
// { variant?, set_id?, ancestors? … }) as cogo_ui_json: one section per top-level frame, a `generic` section for the
// components outside every frame; in a section, one block per layer directly under the frame that holds components
// (the frame's own direct components form a block too); a component set is a node whose children are its variants;
// every component node names the stored component it is (`component`: name, component_id, node_id) and a variant's
// properties are its props. Rows are ordered by Figma id (numbers as numbers), so any row order gives one result.
import type { CogoUiJson, UiBlock, UiComponentNode, UiSection } from '@cogo/types';
import { UI_JSON_VERSION } from '@cogo/types';
import { compareIds, isUuid, uiIdOf } from './ids';
import { sectionTypeOfName } from './prompt-sections';
import type { StoredComponentInput, StoredPageInput } from './stored';

/** The section holding the components outside every top-level frame. */
export const UNGROUPED_SECTION_ID = 'ungrouped';

const NAME_MAX = 500;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A Figma page's stored rows as cogo_ui_json (see the file comment). */
export function figmaPageToCogo(page: StoredPageInput, components: StoredComponentInput[]): CogoUiJson {
  const rows = [...components].sort((a, b) => compareIds(a.node_id, b.node_id));
  const used = new Set<string>([uiIdOf(page.node_id)]);
  const unique = (id: string) => {
    let out = uiIdOf(id);
    for (let n = 2; used.has(out); n++) out = `${uiIdOf(id).slice(0, 190)}-${n}`;
    used.add(out);
    return out;
  };
  const frames = rows.filter((r) => r.type === 'FRAME');
  const frameIds = new Set(frames.map((f) => f.node_id));
  const sets = new Map(rows.filter((r) => r.type === 'COMPONENT_SET').map((r) => [r.node_id, r]));
  const sectionOf = new Map<string, { section: UiSection; blocks: Map<string, UiBlock> }>();
  const sections: UiSection[] = [];
  for (const f of frames) {
    const section: UiSection = { id: unique(f.node_id), type: sectionTypeOfName(f.name) ?? 'frame', name: f.name.slice(0, NAME_MAX), blocks: [] };
    sections.push(section);
    sectionOf.set(f.node_id, { section, blocks: new Map() });
  }
  const variantsOf = new Map<string, UiComponentNode[]>();
  const loose: Array<{ row: StoredComponentInput; node: UiComponentNode }> = [];
  for (const row of rows) {
    if (row.type !== 'COMPONENT' && row.type !== 'COMPONENT_SET') continue;
    const node = componentNode(row, unique(row.node_id));
    const setId = typeof row.props.set_id === 'string' ? row.props.set_id : undefined;
    if (row.type === 'COMPONENT' && setId !== undefined && sets.has(setId)) {
      const list = variantsOf.get(setId) ?? [];
      list.push(node);
      variantsOf.set(setId, list);
    } else loose.push({ row, node });
  }
  let ungrouped: { section: UiSection; blocks: Map<string, UiBlock> } | undefined;
  for (const { row, node } of loose) {
    if (row.type === 'COMPONENT_SET') node.children = variantsOf.get(row.node_id) ?? [];
    const ancestors = strings(row.props.ancestors);
    const at = ancestors.findIndex((a) => frameIds.has(a));
    let holder = at >= 0 ? sectionOf.get(ancestors[at]!) : undefined;
    let key: string;
    if (holder) key = ancestors[at + 1] ?? '';
    else {
      if (!ungrouped) {
        const section: UiSection = { id: unique(UNGROUPED_SECTION_ID), type: 'generic', name: 'Components outside frames', blocks: [] };
        ungrouped = { section, blocks: new Map() };
      }
      holder = ungrouped;
      key = ancestors[0] ?? '';
    }
    let block = holder.blocks.get(key);
    if (!block) {
      block = key ? { id: unique(key), type: 'stack', components: [] } : { id: unique(`${holder.section.id}.components`), type: 'stack', name: 'Components', components: [] };
      holder.blocks.set(key, block);
      holder.section.blocks.push(block);
    }
    block.components.push(node);
  }
  if (ungrouped) sections.push(ungrouped.section);
  const source: CogoUiJson['page']['source'] = { kind: 'figma', file_key: page.file_key, node_id: page.node_id };
  if (isUuid(page.id)) source.page_id = page.id;
  return { schema: 'cogo_ui_json', version: UI_JSON_VERSION, page: { id: uiIdOf(page.node_id), name: (page.name || page.node_id).slice(0, NAME_MAX), source, sections } };
}

function componentNode(row: StoredComponentInput, id: string): UiComponentNode {
  const name = (row.name || row.node_id).slice(0, NAME_MAX);
  const node: UiComponentNode = { id, type: row.type === 'COMPONENT_SET' ? 'component_set' : 'component', name, component: { name, node_id: row.node_id.slice(0, 200) } };
  if (isUuid(row.id)) node.component!.component_id = row.id;
  const variant = row.props.variant;
  if (isObj(variant)) {
    const props: Record<string, string> = {};
    for (const [k, v] of Object.entries(variant)) if (typeof v === 'string' && k.length <= 100) props[k] = v.slice(0, 10_000);
    if (Object.keys(props).length) node.props = props;
  }
  return node;
}
