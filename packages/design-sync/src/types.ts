// design-sync shapes (issue 15): the code side (a registry of coded components, framework-neutral: props and
// stories, never React specifics), the design side (Figma components as figma-context stores them), and what the
// two give together — suggestions, drift, coverage, scaffolds. Pure data: the API stores and serves it.

/** A prop of a coded component, whatever the framework wrote it in. */
export interface CodeProp {
  name: string;
  /** `enum`: a closed set of string values (`values`); `node`: rendered content (ReactNode, slot); `function`: a callback. */
  kind: 'boolean' | 'string' | 'number' | 'enum' | 'node' | 'function' | 'other';
  /** The type as its source wrote it ("'sm' | 'md'", "boolean", "ReactNode"). */
  type: string;
  values?: string[];
  default?: string | number | boolean | null;
  required?: boolean;
  description?: string;
}

/** A story (or docs entry) of a Storybook index, kept on its component. */
export interface CodeStory {
  /** Storybook's id ("components-button--primary"). */
  id: string;
  name: string;
  type: 'story' | 'docs';
  tags: string[];
  /** Args the story sets, when a manifest gives them. */
  args?: Record<string, string | number | boolean>;
}

/** A coded component of the registry. `key` is stable across re-ingests (the Storybook title, "Components/Button"). */
export interface CodeComponent {
  key: string;
  name: string;
  importPath?: string;
  componentPath?: string;
  description?: string;
  props: CodeProp[];
  stories: CodeStory[];
}

/** A Code Connect mapping given explicitly (Code Connect JSON: component ↔ Figma node). */
export interface ExplicitMapping {
  /** The coded component's registry key or name. */
  component: string;
  fileKey: string;
  /** Figma node id in API form ("12:34"). */
  nodeId: string;
  /** Figma property name → code prop name, when the file gives them. */
  props?: Record<string, string>;
}

export interface RegistryWarning {
  path: string;
  message: string;
}

export interface RegistryInput {
  /** Storybook `index.json` (v5: `{ v: 5, entries: { id: { id, title, name, importPath, componentPath?, tags, type } } }`). */
  index?: unknown;
  /** Storybook 10 components manifest (`manifests/components.json`). */
  manifest?: unknown;
  /** react-docgen-typescript output: an array of `{ displayName, filePath?, description?, props: { name: { type: { name, value? }, required, defaultValue } } }`. */
  docgen?: unknown;
  /** Code Connect JSON (an array of `{ component | name, figmaNode (URL), props? }`, or `{ documents: [...] }`). */
  codeConnect?: unknown;
}

export interface RegistryParseResult {
  /** Sorted by key; stories sorted by id; props sorted by name. */
  components: CodeComponent[];
  explicit: ExplicitMapping[];
  warnings: RegistryWarning[];
}

export type DesignPropType = 'VARIANT' | 'BOOLEAN' | 'TEXT' | 'INSTANCE_SWAP';

/** A Figma component property (`componentPropertyDefinitions`), its `#id` suffix kept in `key` only. */
export interface DesignProp {
  /** As Figma has it ("Label#12:3"). */
  key: string;
  /** As a designer sees it ("Label"). */
  name: string;
  type: DesignPropType;
  default?: string | boolean;
  options?: string[];
}

/** A Figma component set or standalone component, as figma-context stored it (a `components` row). */
export interface DesignComponent {
  fileKey: string;
  nodeId: string;
  name: string;
  type: 'COMPONENT' | 'COMPONENT_SET';
  description?: string;
  props: DesignProp[];
  /** Names of the variables bound anywhere in the component (sorted). */
  boundVariables: string[];
}

/** A components-table row as the API reads it (`props` is figma-context's jsonb: definitions, set_id, key, bound_variables, description). */
export interface StoredComponentRow {
  fileKey: string;
  nodeId: string;
  name: string;
  type: string;
  props: Record<string, unknown>;
}

export interface MappingSuggestion {
  component: string;
  fileKey: string;
  nodeId: string;
  /** 0..1: 0.6 × name + 0.4 × props (as figma-compat's symbols/map). */
  confidence: number;
  parts: { name: number; props: number };
  /** Figma property name → code prop name. */
  props: Record<string, string>;
}

/** What a mapping recorded at its last sync: the drift is measured against it. */
export interface MappingBaseline {
  /** The Figma component's name when mapped or last synced (a different name now is `design_renamed`). */
  figmaName: string;
  /** Bound variable name → canonical value at the last sync (a different value now is `token_changed`). */
  tokenValues: Record<string, string>;
}

export type DriftKind =
  | 'figma_prop_missing_in_code'
  | 'code_prop_missing_in_figma'
  | 'variant_values_differ'
  | 'default_differs'
  | 'type_differs'
  | 'token_changed'
  | 'design_renamed'
  | 'design_removed'
  | 'code_removed';

export interface DriftItem {
  kind: DriftKind;
  /** The Figma property's name (or the code prop's, for code-only props; the variable's, for tokens). */
  subject: string;
  figma?: unknown;
  code?: unknown;
  /** One readable sentence. */
  message: string;
}

export interface DriftReport {
  items: DriftItem[];
  /** Figma property name → code prop name, as matched. */
  props: Record<string, string>;
  /** sha256 (hex) of the canonical drift items: the sync operation's diff hash. */
  hash: string;
}

export interface CoverageReport {
  stories: number;
  tests: number;
  /** Every variant option of the design ("Size=Large"), and which stories cover it. */
  variants: { total: number; covered: number; missing: string[] };
}

export interface ScaffoldFile {
  path: string;
  content: string;
}
