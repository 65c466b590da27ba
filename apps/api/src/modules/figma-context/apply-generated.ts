// POST /figma-context/apply with a generated page (issue 14, seed 000 §22 `{ job_id?, page, trace_id }`): a
// cogo_ui_json document — what /figma-compat/uui/generate and /chat/design preview — stored as a page under file key
// `generated` with one component row per section, block and component node, so GET of the stored page converts back
// to the same document. The whole page is one transaction (rows written 300 a statement), replace-mode by page like a
// Figma page; applying the same document again changes no row. Its events go on the request's trace (`trace_id`).
import { cogoToStoredComponents, GENERATED_FILE_KEY, sanitizeUiJson } from '@cogo/figma-compat';
import type { CogoUiJson } from '@cogo/types';
import type { Context } from 'hono';
import { ApiError } from '../../lib/errors';
import { principalOf } from '../../middleware';
import { callScope, closeAfter } from '../llm/call-scope';
import { publishUpdates } from '../updates/outbox';
import { componentRows, writePage } from './apply-rows';

/** Stores a generated page; 422 when it holds what the sanitizer would cut, 400 when two nodes share an id. */
export async function applyGeneratedPage(c: Context, doc: CogoUiJson, traceId: string | undefined) {
  const scope = callScope(c, 'figma-context', traceId);
  c.header('x-trace-id', scope.traceId);
  const page = { node_id: doc.page.id, name: doc.page.name };
  try {
    // the schema admits the document; what it may still carry (script URLs in props, handler code) is refused whole
    const { pruned } = sanitizeUiJson(doc);
    if (pruned.length) {
      throw new ApiError('UNPROCESSABLE', `the page holds content that is never stored (${pruned[0]!.reason} at ${pruned[0]!.path}${pruned.length > 1 ? ` and ${pruned.length - 1} more` : ''})`, {
        code: 'UI_JSON_UNSAFE',
        pruned: pruned.slice(0, 50),
      });
    }
    const components = cogoToStoredComponents(doc);
    const seen = new Set<string>([page.node_id]);
    for (const comp of components) {
      if (seen.has(comp.node_id)) throw new ApiError('VALIDATION_FAILED', `node id ${comp.node_id} appears twice in the page`, { issues: [{ path: 'json.page', message: `duplicate id ${comp.node_id}` }] });
      seen.add(comp.node_id);
    }
    scope.events.emit('figma_apply_started', { page: page.node_id, file_key: GENERATED_FILE_KEY, components: components.length });
    const projectId = principalOf(c).projectId;
    const rows = await componentRows(projectId, GENERATED_FILE_KEY, components);
    const keep = components.map((comp) => comp.node_id);
    const result = await c.get('db')().transaction((tx) =>
      writePage(tx, { projectId, fileKey: GENERATED_FILE_KEY, page, rows, final: true, keep, within: null, traceId: scope.traceId }),
    );
    await publishUpdates(c.get('config').PROJECT_UPDATES, result.updateIds, c.get('log'));
    scope.events.emit('figma_apply_done', { page: page.node_id, file_key: GENERATED_FILE_KEY, ...result.counts });
    return result.counts;
  } catch (err) {
    scope.events.emit('figma_apply_failed', { page: page.node_id, code: err instanceof ApiError ? err.code : 'INTERNAL' });
    throw err;
  } finally {
    closeAfter(c, scope);
  }
}
