// The stored form of a screen graph: one `action_flows` row per (project, file, page) — seed 002's public domain —
// with the graph as jsonb. The graph carries its own version, so a reader recognises rows written by older code.
import { ActionFlowInputError } from './errors';
import { ACTION_FLOW_VERSION, type ActionFlow } from './types';

/**
 * One `action_flows` row (camelCase here; suggested columns: project_id uuid, file_key text, page_id text,
 * file_version text null, version int, graph jsonb, mermaid text; unique (project_id, file_key, page_id)).
 */
export interface ActionFlowRow {
  projectId: string;
  fileKey: string;
  /** The Figma page (CANVAS) id, `0:0` for a selection of loose nodes. */
  pageId: string;
  pageName: string;
  /** Figma's file version the graph was built from, when known. */
  fileVersion: string | null;
  version: typeof ACTION_FLOW_VERSION;
  graph: ActionFlow;
  mermaid: string;
}

/** The row to store for a built graph; JSON-serialisable as is. */
export function toActionFlowRow(
  key: { projectId: string; fileKey: string; fileVersion?: string | null },
  flow: ActionFlow,
  mermaid: string,
): ActionFlowRow {
  return {
    projectId: key.projectId,
    fileKey: key.fileKey,
    pageId: flow.page.id,
    pageName: flow.page.name,
    fileVersion: key.fileVersion ?? null,
    version: flow.version,
    graph: flow,
    mermaid,
  };
}

/**
 * A stored graph (a row's `graph` jsonb) read back; throws ActionFlowInputError ACTION_FLOW_UNSUPPORTED_VERSION
 * for a version this code does not know, ACTION_FLOW_BAD_INPUT when it is not a graph at all.
 */
export function readStoredActionFlow(json: unknown): ActionFlow {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ActionFlowInputError('ACTION_FLOW_BAD_INPUT', 'a stored action flow must be a JSON object');
  }
  const g = json as Partial<ActionFlow> & { version?: unknown };
  if (g.version !== ACTION_FLOW_VERSION) {
    throw new ActionFlowInputError('ACTION_FLOW_UNSUPPORTED_VERSION', `stored action flow version ${String(g.version)} is not ${ACTION_FLOW_VERSION}: rebuild it from the design`, {
      version: g.version ?? null,
      supported: ACTION_FLOW_VERSION,
    });
  }
  for (const key of ['page', 'screens', 'edges', 'flows', 'report', 'counts'] as const) {
    if (g[key] === undefined || g[key] === null) throw new ActionFlowInputError('ACTION_FLOW_BAD_INPUT', `stored action flow has no \`${key}\``, { missing: key });
  }
  return g as ActionFlow;
}
