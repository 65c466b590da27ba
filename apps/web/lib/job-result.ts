// What the Jobs page shows of a finished job's result (inline, or read from its `result_artifact`): a rename's names
// old → new with the layers that failed, an edit's variants, an image job's artifacts, and for anything else the JSON.
// Pure: the page renders it; its unit test checks each kind.
import { plural } from './words';

export interface JobResultView {
  /** One line: what the job made. */
  summary: string;
  /** rename-layers: a row per renamed layer. */
  renames: Array<{ id: string; from: string; to: string }>;
  /** Anything else, as indented JSON (empty for a rename). */
  json: string;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The view of `result` for a job of `type`; `fromArtifact` says where it was read from. */
export function jobResultView(type: string, result: Record<string, unknown>, fromArtifact: boolean): JobResultView {
  const where = fromArtifact ? ' (read from its artifact)' : '';
  if (type === 'rename-layers') {
    const renames = list(result.layers).map((l) => {
      const layer = (l ?? {}) as Record<string, unknown>;
      return { id: str(layer.id), from: str(layer.old_name), to: str(layer.name) };
    });
    const failed = list(result.failed).length;
    const adjusted = list(result.adjusted).length;
    const parts = [plural(renames.length, 'layer') + ' renamed', ...(failed ? [`${plural(failed, 'layer')} failed`] : []), ...(adjusted ? [`${adjusted.toLocaleString('en-US')} adjusted to the naming rules`] : [])];
    return { summary: `${parts.join(', ')}${where}`, renames, json: '' };
  }
  const json = JSON.stringify(result, null, 2);
  if (type === 'generate-edits') return { summary: `${plural(list(result.variants).length, 'variant')}, ${plural(list(result.dropped).length, 'edit')} dropped${where}`, renames: [], json };
  if (type === 'generate-images') {
    const n = list(result.images).length;
    return { summary: `${plural(n, 'image')} stored as ${n === 1 ? 'an artifact' : 'artifacts'}${where}`, renames: [], json };
  }
  return { summary: `result${where}`, renames: [], json };
}
