// The message protocol between the UI iframe (ui.ts) and the main thread (code.ts): one discriminated union each
// way, `type` naming the message. The main thread never sees the API key leave clientStorage except to the UI.
import type { LayerInput } from './rename';
import type { SerializedStyle, SerializedVariable, SerializedVariableCollection } from './variables';

/** What to export: the selection, the current page, or every page of the file. */
export type ExportScope = 'selection' | 'page' | 'file';

/** One old → new name the designer confirmed. */
export interface Rename {
  id: string;
  name: string;
}

/** UI → main thread. */
export type UiToMain =
  | { type: 'settings.load' }
  | { type: 'settings.save'; apiUrl: string; apiKey: string }
  | { type: 'export.start'; scope: ExportScope }
  | { type: 'layers.collect' }
  | { type: 'rename.apply'; renames: Rename[] };

/** One node's JSON_REST_V1 export (`{ document, components, componentSets, styles, … }`), with its page. */
export interface ExportedNode {
  pageId: string;
  pageName: string;
  id: string;
  name: string;
  entry: RestNodeEntry;
}

/** The REST `nodes[id]` entry exportAsync({ format: 'JSON_REST_V1' }) answers. */
export interface RestNodeEntry {
  document: { id: string; type: string; name?: string; [key: string]: unknown };
  components?: Record<string, unknown>;
  componentSets?: Record<string, unknown>;
  styles?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Main thread → UI. */
export type MainToUi =
  | { type: 'settings'; apiUrl: string; apiKey: string | null }
  | { type: 'export.begin'; scope: ExportScope; total: number; fileKey: string | null; name: string }
  | { type: 'export.node'; index: number; total: number; node: ExportedNode }
  | { type: 'export.done'; variables: SerializedVariable[]; variableCollections: SerializedVariableCollection[]; styles: SerializedStyle[] }
  | { type: 'layers'; layers: LayerInput[] }
  | { type: 'rename.applied'; renamed: number; missing: string[] }
  | { type: 'error'; message: string };

const UI_TYPES = new Set<UiToMain['type']>(['settings.load', 'settings.save', 'export.start', 'layers.collect', 'rename.apply']);

/** Whether a message from the UI is one of ours (anything else is ignored). */
export function isUiToMain(message: unknown): message is UiToMain {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { type?: unknown; scope?: unknown; renames?: unknown; apiUrl?: unknown; apiKey?: unknown };
  if (!UI_TYPES.has(m.type as UiToMain['type'])) return false;
  if (m.type === 'export.start') return m.scope === 'selection' || m.scope === 'page' || m.scope === 'file';
  if (m.type === 'settings.save') return typeof m.apiUrl === 'string' && typeof m.apiKey === 'string';
  if (m.type === 'rename.apply') return Array.isArray(m.renames);
  return true;
}
