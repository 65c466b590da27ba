// A typed stub of the part of the `figma` global the plugin uses (PluginHost), built from the project's sample
// file (COGOSAMPLE0001, as the Figma fake serves it): pages must be loadAsync()-ed before their children are read
// (documentAccess "dynamic-page"), a top-level node's exportAsync answers its REST `nodes[id]` entry, variables and
// styles come from the sample's local variables and styles map. It records what the plugin posts and commits.
import { SAMPLE_FILE_KEY, sampleVariables, storefrontFile } from '@cogo/fakes/samples';
import type { CollectionLike, ExportableNode, LayerNode, PageLike, PluginHost, StyleLike, VariableLike } from '../src/lib/figma-host';

type RestNode = { id: string; type: string; name: string; children?: RestNode[]; characters?: string; componentId?: string };
/** A stub scene node: the sample's REST node, renamable, exportable. */
export type StubNode = ExportableNode & LayerNode & { children?: StubNode[]; removed: boolean };

/** What the stub saw: messages to the UI, notifications, and names at each commitUndo. */
export interface StubLog {
  posted: unknown[];
  notified: string[];
  commits: Record<string, string>[];
}

/** The stub host plus handles for assertions. */
export interface FigmaStub {
  host: PluginHost & { showUI(html: string, options?: unknown): void; ui: { onmessage: ((message: unknown) => unknown) | undefined } };
  log: StubLog;
  storage: Map<string, unknown>;
  pages: (PageLike & { loaded: boolean })[];
  byId: Map<string, StubNode>;
  /** Sets the current page's selection by node id. */
  select(ids: string[]): void;
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Builds a fresh stub of the sample file; `current` is the index of the current page. */
export function createFigmaStub(current = 0): FigmaStub {
  const file = storefrontFile();
  const log: StubLog = { posted: [], notified: [], commits: [] };
  const storage = new Map<string, unknown>();
  const byId = new Map<string, StubNode>();

  const wrap = (raw: RestNode): StubNode => {
    const { children: rawChildren, ...rest } = raw;
    const children = rawChildren?.map(wrap);
    const node: StubNode = {
      ...rest,
      ...(children ? { children } : {}),
      removed: false,
      async exportAsync(settings) {
        if (settings.format !== 'JSON_REST_V1') throw new Error(`stub exports JSON_REST_V1 only, got ${settings.format}`);
        const document = copy(node) as unknown as RestNode;
        // like Figma: the components (and their sets) this subtree defines or uses
        const used = new Set<string>();
        const walk = (n: RestNode) => {
          if (n.type === 'COMPONENT') used.add(n.id);
          if (n.componentId) used.add(n.componentId);
          n.children?.forEach(walk);
        };
        walk(document);
        const components = Object.fromEntries(Object.entries(file.components).filter(([id]) => used.has(id)));
        const setIds = new Set(Object.values(components).map((c) => c.componentSetId).filter(Boolean));
        const componentSets = Object.fromEntries(Object.entries(file.componentSets).filter(([id]) => setIds.has(id)));
        return { document, components, componentSets, styles: copy(file.styles), schemaVersion: 0 };
      },
    };
    byId.set(node.id, node);
    return node;
  };

  const pages = (file.document.children as unknown as RestNode[]).map((raw) => {
    const children = (raw.children ?? []).map(wrap);
    const page = {
      id: raw.id,
      name: raw.name,
      loaded: false,
      selection: [] as StubNode[],
      get children(): StubNode[] {
        if (!page.loaded) throw new Error(`page ${raw.id} is not loaded: call loadAsync() first`);
        return children;
      },
      async loadAsync() {
        page.loaded = true;
      },
    };
    return page;
  });
  const currentPage = pages[current];
  if (!currentPage) throw new Error(`the sample has no page ${current}`);

  const meta = sampleVariables()[SAMPLE_FILE_KEY]!;
  const variables = Object.values(meta.variables).map((v) => copy(v) as unknown as VariableLike);
  const collections = Object.values(meta.variableCollections).map((c) => copy(c) as unknown as CollectionLike);
  const PLUGIN_TYPE: Record<string, StyleLike['type']> = { FILL: 'PAINT', TEXT: 'TEXT', EFFECT: 'EFFECT', GRID: 'GRID' };
  const styles = Object.entries(file.styles).map(([id, s]): StyleLike => ({ id, key: s.key, name: s.name, type: PLUGIN_TYPE[s.styleType]!, description: s.description, remote: s.remote }));
  const stylesOf = (type: StyleLike['type']) => async () => styles.filter((s) => s.type === type);

  const host: FigmaStub['host'] = {
    fileKey: SAMPLE_FILE_KEY,
    root: { name: file.name, children: pages },
    currentPage,
    clientStorage: {
      async getAsync(key) {
        return storage.get(key);
      },
      async setAsync(key, value) {
        storage.set(key, copy(value));
      },
    },
    variables: { getLocalVariablesAsync: async () => variables, getLocalVariableCollectionsAsync: async () => collections },
    getLocalPaintStylesAsync: stylesOf('PAINT'),
    getLocalTextStylesAsync: stylesOf('TEXT'),
    getLocalEffectStylesAsync: stylesOf('EFFECT'),
    getLocalGridStylesAsync: stylesOf('GRID'),
    async getNodeByIdAsync(id) {
      return byId.get(id) ?? null;
    },
    commitUndo() {
      log.commits.push(Object.fromEntries([...byId].map(([id, n]) => [id, n.name])));
    },
    notify(message) {
      log.notified.push(message);
    },
    showUI() {},
    ui: {
      postMessage(message) {
        log.posted.push(copy(message));
      },
      onmessage: undefined,
    },
  };
  return {
    host,
    log,
    storage,
    pages,
    byId,
    select(ids) {
      currentPage.selection = ids.map((id) => {
        const node = byId.get(id);
        if (!node) throw new Error(`no node ${id} in the sample`);
        return node;
      });
    },
  };
}
