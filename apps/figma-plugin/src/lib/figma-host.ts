// The part of the `figma` global the plugin uses, as narrow structural types: the real `figma` (PluginAPI from
// @figma/plugin-typings) satisfies them, and so does the typed stub the tests run code.ts against.

/** A node that can be exported as its REST JSON (JSON_REST_V1). */
export interface ExportableNode {
  readonly id: string;
  readonly type: string;
  name: string;
  exportAsync(settings: ExportSettingsREST): Promise<Object>;
}

/** A node as the rename panel walks it: its children (containers) and characters (TEXT). */
export interface LayerNode {
  readonly id: string;
  readonly type: string;
  name: string;
  readonly children?: readonly LayerNode[];
  readonly characters?: string;
}

/** A page: loaded on demand (documentAccess "dynamic-page"), then its top-level nodes. */
export interface PageLike {
  readonly id: string;
  readonly name: string;
  readonly children: readonly (ExportableNode & LayerNode)[];
  readonly selection: readonly (ExportableNode & LayerNode)[];
  loadAsync(): Promise<void>;
}

/** The fields of a Variable the upload carries. */
export type VariableLike = Pick<Variable, 'id' | 'name' | 'key' | 'description' | 'resolvedType' | 'variableCollectionId' | 'valuesByMode' | 'scopes' | 'codeSyntax' | 'hiddenFromPublishing' | 'remote'>;
/** The fields of a VariableCollection the upload carries. */
export type CollectionLike = Pick<VariableCollection, 'id' | 'name' | 'key' | 'modes' | 'defaultModeId' | 'variableIds' | 'hiddenFromPublishing' | 'remote'>;
/** The fields of a local style the upload carries. */
export type StyleLike = Pick<BaseStyle, 'id' | 'key' | 'name' | 'type' | 'description' | 'remote'>;

/** The plugin API surface code.ts needs. */
export interface PluginHost {
  readonly fileKey: string | undefined;
  readonly root: { readonly name: string; readonly children: readonly PageLike[] };
  readonly currentPage: PageLike;
  readonly clientStorage: { getAsync(key: string): Promise<unknown>; setAsync(key: string, value: unknown): Promise<void> };
  readonly variables: {
    getLocalVariablesAsync(): Promise<VariableLike[]>;
    getLocalVariableCollectionsAsync(): Promise<CollectionLike[]>;
  };
  getLocalPaintStylesAsync(): Promise<StyleLike[]>;
  getLocalTextStylesAsync(): Promise<StyleLike[]>;
  getLocalEffectStylesAsync(): Promise<StyleLike[]>;
  getLocalGridStylesAsync(): Promise<StyleLike[]>;
  getNodeByIdAsync(id: string): Promise<{ readonly type: string; name: string; readonly removed: boolean } | null>;
  commitUndo(): void;
  notify(message: string): unknown;
  readonly ui: { postMessage(message: unknown): void };
}
