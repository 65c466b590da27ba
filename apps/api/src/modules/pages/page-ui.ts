// A stored page as UI JSON (issue 14): a generated page converts back to the document that was applied, a Figma
// page to sections (its top-level frames) of blocks and components — so a generated page and an extracted page are
// the same kind of thing for previews, refinements and BDD.
import { cogoToUui, storedPageToCogo } from '@cogo/figma-compat';
import { UI_JSON_LIMITS, type CogoUiJson, type UuiJson } from '@cogo/types';
import type { Db } from '@cogo/db';
import { ApiError } from '../../lib/errors';
import { pageComponents, type PageRow } from './pages.repo';

/** The page's cogo_ui_json and uui_json; 422 when it has more components than a UI JSON document holds. */
export async function pageUiJson(db: Db, page: PageRow): Promise<{ cogo_ui_json: CogoUiJson; uui_json: UuiJson }> {
  const rows = await pageComponents(db, page.projectId, page.id, UI_JSON_LIMITS.maxNodes + 1);
  if (rows.length > UI_JSON_LIMITS.maxNodes) {
    throw new ApiError('UNPROCESSABLE', `the page has more than ${UI_JSON_LIMITS.maxNodes} components: more than one UI JSON document holds`, { code: 'UI_JSON_TOO_LARGE', max: UI_JSON_LIMITS.maxNodes });
  }
  const doc = storedPageToCogo({ id: page.id, file_key: page.fileKey, node_id: page.nodeId, name: page.name }, rows);
  return { cogo_ui_json: doc, uui_json: cogoToUui(doc) };
}
